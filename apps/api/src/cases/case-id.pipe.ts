import { Injectable, type PipeTransform } from '@nestjs/common';
import { invalidField } from '#domain';

const CASE_ID = /^case:[0-9a-f-]{36}:[0-9a-f-]{36}$/;

/** Case ids are derived from campaign and unit: case:<campaign uuid>:<unit uuid>. */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return validCaseId(value);
  }
}

/** The case id when it has the form case:<campaign uuid>:<unit uuid>, else a 400 naming the field. */
export function validCaseId(value: string): string {
  if (CASE_ID.test(value)) return value;
  throw invalidField('caseId', '案件标识须为 case:<活动标识>:<单位标识>', 'caseId must be case:<campaign uuid>:<unit uuid>');
}
