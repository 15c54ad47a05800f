import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import canonicalize from 'canonicalize';
import type { Request } from 'express';
import { BilingualError, invalidField } from '#domain';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** A step's `Idempotency-Key` and the fingerprint of the request it came with (its method, path and body). */
export interface StepRetry {
  readonly key: string;
  readonly fingerprint: string;
}

/** A structured-field string (`"…"`, as the IETF draft has it) or the same characters bare: 1–255 visible ASCII characters. */
const KEY = /^"?([\x21\x23-\x5b\x5d-\x7e]{1,255})"?$/;

/**
 * The request's `Idempotency-Key` (IETF draft "The Idempotency-Key HTTP Header Field"), or null when it has none. A
 * malformed key is refused (400, naming the header).
 */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): StepRetry | null => {
  const request = context.switchToHttp().getRequest<Request>();
  const header = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (header === undefined) return null;
  const key = typeof header === 'string' ? KEY.exec(header.trim())?.[1] : undefined;
  if (key === undefined) {
    throw invalidField('Idempotency-Key', '须为 1–255 个可见 ASCII 字符（可加双引号）', 'must be 1–255 visible ASCII characters (optionally in double quotes)');
  }
  const request_ = canonicalize({ method: request.method, path: request.path, body: (request.body as unknown) ?? null }) ?? '';
  return { key, fingerprint: createHash('sha256').update(request_).digest('hex') };
});

/** The same key came with another request. */
export function idempotencyKeyReused(): BilingualError {
  return new BilingualError(
    'unprocessable',
    'IDEMPOTENCY_KEY_REUSED',
    '该幂等键已用于另一个请求（路径或内容不同）',
    'This Idempotency-Key was already used for a different request (another path or body)',
    { fields: [{ field: 'Idempotency-Key', message: '已用于另一个请求 / already used for a different request' }] },
  );
}
