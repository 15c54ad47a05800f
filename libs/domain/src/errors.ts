/**
 * One error type for every refusal (拒绝): a kind the api maps to an HTTP status in one place, a stable code, the
 * reason in Chinese and English, and for bad input each field with why. The domain, the stores and the services
 * throw it; nothing but the api's error filter knows about HTTP.
 */
export const ERROR_KINDS = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'unprocessable',
  'too_large',
  'unsupported',
  'locked',
  'rate_limited',
  'unavailable',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** A field of the request and why it was refused (bilingual where we write it; a field may have several). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export interface BilingualErrorOptions {
  readonly fields?: readonly FieldProblem[];
  /** Extra members of the answer, e.g. `retryAfterSeconds`. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export class BilingualError extends Error {
  override readonly name: string = 'BilingualError';
  readonly fields: readonly FieldProblem[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    options: BilingualErrorOptions = {},
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.fields = options.fields ?? [];
    this.details = options.details ?? {};
  }
}

/** Input that passed its shape checks but not the rules (or not even its shape): each field named. */
export function invalidInput(fields: readonly FieldProblem[]): BilingualError {
  return new BilingualError('invalid', 'VALIDATION_FAILED', '请求参数无效', 'Invalid request', { fields });
}

/** One field refused, with the reason in both languages. */
export function invalidField(field: string, zh: string, en: string): BilingualError {
  return invalidInput([{ field, message: `${zh} / ${en}` }]);
}

/** A resource the request names does not exist (or is outside the asker's scope, which answers the same). */
export function notFound(resourceZh: string, resourceEn: string, id: string, code = 'NOT_FOUND'): BilingualError {
  return new BilingualError('not_found', code, `${resourceZh}不存在：${id}`, `${resourceEn} not found: ${id}`);
}
