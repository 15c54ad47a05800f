import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { invalidInput, type FieldProblem } from '#domain';

/** Every failed constraint with the dotted path of its field (units.3.category). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** A refusal lists at most this many problems, so a huge malformed body cannot make a huge answer. */
export const MAX_LISTED_PROBLEMS = 100;

/** The first problems, and a last line saying how many more there were. */
export function listedProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return [...problems];
  const more = problems.length - MAX_LISTED_PROBLEMS;
  return [...problems.slice(0, MAX_LISTED_PROBLEMS), { field: '…', message: `另有 ${more} 处问题未列出 / ${more} more problems not listed` }];
}

/** Rejects unknown and malformed fields with a 400 that names each field and why. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalidInput(listedProblems(flattenValidationErrors(errors))),
  });
}
