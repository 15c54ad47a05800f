import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorBody } from './error.filter.js';

/** Every failed constraint with the dotted path of its field (units.3.category). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Rejects unknown and malformed fields with a 400 that names each field and why. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const body: ErrorBody = {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: '请求参数无效 / Invalid request',
        messageZh: '请求参数无效',
        messageEn: 'Invalid request',
        errors: flattenValidationErrors(errors),
      };
      return new BadRequestException(body);
    },
  });
}
