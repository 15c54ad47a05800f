import { HttpException, HttpStatus } from '@nestjs/common';

function answer(status: number, error: string, code: string, zh: string, en: string, extra: Record<string, unknown> = {}): HttpException {
  return new HttpException({ statusCode: status, error, code, message: `${zh} / ${en}`, messageZh: zh, messageEn: en, ...extra }, status);
}

export const unauthenticated = (code: 'UNAUTHENTICATED' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'SESSION_ENDED', zh: string, en: string): HttpException =>
  answer(HttpStatus.UNAUTHORIZED, 'Unauthorized', code, zh, en);

export const forbidden = (zh: string, en: string, code = 'FORBIDDEN'): HttpException => answer(HttpStatus.FORBIDDEN, 'Forbidden', code, zh, en);

export const caseHidden = (caseId: string): HttpException =>
  answer(HttpStatus.NOT_FOUND, 'Not Found', 'CASE_NOT_FOUND', `案件不存在：${caseId}`, `Case not found: ${caseId}`);

/** A unit outside the caller's scope: answered exactly like a unit that does not exist (ResourceNotFoundError). */
export const unitHidden = (unitId: string): HttpException =>
  new HttpException({ statusCode: HttpStatus.NOT_FOUND, error: 'Not Found', code: 'NOT_FOUND', message: `单位不存在：${unitId} / Unit not found: ${unitId}` }, HttpStatus.NOT_FOUND);

export const invalidCredentials = (): HttpException => answer(HttpStatus.UNAUTHORIZED, 'Unauthorized', 'INVALID_CREDENTIALS', '用户名或口令错误', 'Wrong username or password');

export const loginLocked = (until: Date): HttpException =>
  answer(423, 'Locked', 'ACCOUNT_LOCKED', `登录失败次数过多，账户已锁定至 ${until.toISOString()}`, `Too many failed logins: the account is locked until ${until.toISOString()}`, {
    retryAfterSeconds: secondsUntil(until),
  });

export const loginBackoff = (until: Date): HttpException =>
  answer(HttpStatus.TOO_MANY_REQUESTS, 'Too Many Requests', 'LOGIN_BACKOFF', `登录失败，请 ${secondsUntil(until)} 秒后再试`, `Login failed: try again in ${secondsUntil(until)} s`, {
    retryAfterSeconds: secondsUntil(until),
  });

export const rateLimited = (): HttpException => answer(HttpStatus.TOO_MANY_REQUESTS, 'Too Many Requests', 'RATE_LIMITED', '请求过于频繁，请稍后再试', 'Too many requests; try again shortly');

export function secondsUntil(until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
}
