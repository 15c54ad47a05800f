/**
 * Passwords and failed logins (口令与登录失败). Current guidance (NIST SP 800-63B): at least 12 characters,
 * long passphrases welcome, no composition rules, refused when on a list of common passwords, never rotated
 * by force. Repeated failures first slow the next attempt down, then lock the account for a while.
 */

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are allowed; the ceiling only keeps hashing cheap to refuse. */
export const PASSWORD_MAX_LENGTH = 256;

export interface PasswordProblem {
  readonly zh: string;
  readonly en: string;
}

/** Why a new password is not acceptable (empty when it is). `commonPasswords` holds lower-case entries. */
export function passwordProblems(password: string, context: { username: string; commonPasswords: ReadonlySet<string> }): PasswordProblem[] {
  // Counted in Unicode code points, as NIST asks (a Chinese passphrase is not four times shorter than its bytes).
  const length = Array.from(password).length;
  const problems: PasswordProblem[] = [];
  if (length < PASSWORD_MIN_LENGTH) problems.push({ zh: `口令至少 ${PASSWORD_MIN_LENGTH} 个字符`, en: `the password must have at least ${PASSWORD_MIN_LENGTH} characters` });
  if (length > PASSWORD_MAX_LENGTH) problems.push({ zh: `口令至多 ${PASSWORD_MAX_LENGTH} 个字符`, en: `the password may have at most ${PASSWORD_MAX_LENGTH} characters` });
  const lowered = password.toLowerCase();
  if (context.commonPasswords.has(lowered)) problems.push({ zh: '该口令属于常见口令，容易被猜中', en: 'the password is on a list of common passwords' });
  if (context.username.trim() !== '' && lowered.includes(context.username.trim().toLowerCase())) {
    problems.push({ zh: '口令不能包含用户名', en: 'the password must not contain the username' });
  }
  if (length >= PASSWORD_MIN_LENGTH && new Set(password).size <= 2) problems.push({ zh: '口令不能由同一两个字符重复组成', en: 'the password must not repeat one or two characters' });
  return problems;
}

export interface LoginThrottlePolicy {
  /** Failures in a row that lock the account. */
  readonly maxFailures: number;
  readonly lockoutMs: number;
  /** Wait after the first failure, doubling with each further one until the lockout (0: no backoff). */
  readonly backoffBaseMs: number;
}

export interface LoginFailures {
  readonly failedLogins: number;
  readonly lastFailedLoginAt: Date | null;
}

export type LoginGate =
  | { readonly kind: 'open' }
  | { readonly kind: 'backoff'; readonly until: Date }
  | { readonly kind: 'locked'; readonly until: Date };

/** Whether a login may be tried now, given the account's failures in a row. */
export function loginGate(failures: LoginFailures, policy: LoginThrottlePolicy, now: Date): LoginGate {
  const last = failures.lastFailedLoginAt;
  if (failures.failedLogins <= 0 || last === null) return { kind: 'open' };
  if (failures.failedLogins >= policy.maxFailures) {
    const until = new Date(last.getTime() + policy.lockoutMs);
    return until > now ? { kind: 'locked', until } : { kind: 'open' };
  }
  const wait = Math.min(policy.backoffBaseMs * 2 ** (failures.failedLogins - 1), policy.lockoutMs);
  const until = new Date(last.getTime() + wait);
  return until > now ? { kind: 'backoff', until } : { kind: 'open' };
}

/** The failures after one more wrong password; a lockout that has run out starts the count again. */
export function afterFailedLogin(failures: LoginFailures, policy: LoginThrottlePolicy, now: Date): LoginFailures & { lockedNow: boolean } {
  const expiredLockout = failures.failedLogins >= policy.maxFailures;
  const failedLogins = (expiredLockout ? 0 : failures.failedLogins) + 1;
  return { failedLogins, lastFailedLoginAt: now, lockedNow: failedLogins >= policy.maxFailures };
}
