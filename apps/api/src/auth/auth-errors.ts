import { BilingualError, notFound } from '#domain';

export const unauthenticated = (code: 'UNAUTHENTICATED' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'SESSION_ENDED', zh: string, en: string): BilingualError =>
  new BilingualError('unauthenticated', code, zh, en);

export const forbidden = (zh: string, en: string, code = 'FORBIDDEN'): BilingualError => new BilingualError('forbidden', code, zh, en);

export const caseHidden = (caseId: string): BilingualError => notFound('案件', 'Case', caseId, 'CASE_NOT_FOUND');

/** A unit outside the caller's scope: answered exactly like a unit that does not exist. */
export const unitHidden = (unitId: string): BilingualError => notFound('单位', 'Unit', unitId);

export const invalidCredentials = (): BilingualError =>
  new BilingualError('unauthenticated', 'INVALID_CREDENTIALS', '用户名或口令错误', 'Wrong username or password');

export const loginLocked = (until: Date): BilingualError =>
  new BilingualError(
    'locked',
    'ACCOUNT_LOCKED',
    `登录失败次数过多，账户已锁定至 ${until.toISOString()}`,
    `Too many failed logins: the account is locked until ${until.toISOString()}`,
    {
      details: { retryAfterSeconds: secondsUntil(until) },
    },
  );

export const loginBackoff = (until: Date): BilingualError =>
  new BilingualError('rate_limited', 'LOGIN_BACKOFF', `登录失败，请 ${secondsUntil(until)} 秒后再试`, `Login failed: try again in ${secondsUntil(until)} s`, {
    details: { retryAfterSeconds: secondsUntil(until) },
  });

export const rateLimited = (): BilingualError =>
  new BilingualError('rate_limited', 'RATE_LIMITED', '请求过于频繁，请稍后再试', 'Too many requests; try again shortly');

export function secondsUntil(until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
}
