import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

const CASE_ID = /^case:[0-9a-f-]{36}:[0-9a-f-]{36}$/;

/** Case ids are derived from campaign and unit: case:<campaign uuid>:<unit uuid>. */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CASE_ID.test(value)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: '请求参数无效 / Invalid request',
        errors: [{ field: 'caseId', messages: ['caseId must be case:<campaign uuid>:<unit uuid>'] }],
      });
    }
    return value;
  }
}
