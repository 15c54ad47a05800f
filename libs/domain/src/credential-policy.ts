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
  if (length < PASSWORD_MIN_LENGTH)
    problems.push({ zh: `口令至少 ${PASSWORD_MIN_LENGTH} 个字符`, en: `the password must have at least ${PASSWORD_MIN_LENGTH} characters` });
  if (length > PASSWORD_MAX_LENGTH)
    problems.push({ zh: `口令至多 ${PASSWORD_MAX_LENGTH} 个字符`, en: `the password may have at most ${PASSWORD_MAX_LENGTH} characters` });
  const lowered = password.toLowerCase();
  if (context.commonPasswords.has(lowered)) problems.push({ zh: '该口令属于常见口令，容易被猜中', en: 'the password is on a list of common passwords' });
  if (context.username.trim() !== '' && lowered.includes(context.username.trim().toLowerCase())) {
    problems.push({ zh: '口令不能包含用户名', en: 'the password must not contain the username' });
  }
  if (length >= PASSWORD_MIN_LENGTH && new Set(password).size <= 2)
    problems.push({ zh: '口令不能由同一两个字符重复组成', en: 'the password must not repeat one or two characters' });
  return problems;
}

/**
 * Failed logins are counted per (username, client address), whether or not the username names an account, so
 * every failed login answers alike and a stranger who locks a username out from their address does not lock
 * its owner out from another. A soft limit per username over all addresses slows a spread-out attack down.
 */
export interface LoginThrottlePolicy {
  /** Failures in a row, from one address, that lock the username at that address. */
  readonly maxFailures: number;
  readonly lockoutMs: number;
  /** Wait after the first failure, doubling with each further one until the lockout (0: no backoff). */
  readonly backoffBaseMs: number;
  /** Failures in a row from all addresses together after which the soft limit applies. */
  readonly globalMaxFailures: number;
  /**
   * Over the soft limit, an address the account has never logged in from waits this long after the last failure
   * (a known address is not slowed). Unknown usernames have no known address, as an attacker's has none.
   */
  readonly globalSpacingMs: number;
}

export interface LoginFailures {
  readonly failedLogins: number;
  readonly lastFailedLoginAt: Date | null;
}

export const NO_FAILURES: LoginFailures = { failedLogins: 0, lastFailedLoginAt: null };

export type LoginGate = { readonly kind: 'open' } | { readonly kind: 'backoff'; readonly until: Date } | { readonly kind: 'locked'; readonly until: Date };

const OPEN: LoginGate = { kind: 'open' };

/** Whether a login may be tried now from one address, given that address's failures in a row for the username. */
export function loginGate(failures: LoginFailures, policy: LoginThrottlePolicy, now: Date): LoginGate {
  const last = failures.lastFailedLoginAt;
  if (failures.failedLogins <= 0 || last === null) return OPEN;
  if (failures.failedLogins >= policy.maxFailures) {
    const until = new Date(last.getTime() + policy.lockoutMs);
    return until > now ? { kind: 'locked', until } : OPEN;
  }
  const wait = Math.min(policy.backoffBaseMs * 2 ** (failures.failedLogins - 1), policy.lockoutMs);
  const until = new Date(last.getTime() + wait);
  return until > now ? { kind: 'backoff', until } : OPEN;
}

/** The soft limit over all addresses: never a lockout, only a wait between tries from addresses not known. */
export function globalLoginGate(failures: LoginFailures, policy: LoginThrottlePolicy, now: Date, knownAddress: boolean): LoginGate {
  const last = failures.lastFailedLoginAt;
  if (knownAddress || last === null || failures.failedLogins < policy.globalMaxFailures) return OPEN;
  if (now.getTime() - last.getTime() >= policy.lockoutMs) return OPEN;
  const until = new Date(last.getTime() + policy.globalSpacingMs);
  return until > now ? { kind: 'backoff', until } : OPEN;
}

/** The stricter of two gates: a lockout before a wait, the later of two waits. */
export function stricterGate(first: LoginGate, second: LoginGate): LoginGate {
  if (first.kind === 'open') return second;
  if (second.kind === 'open') return first;
  if (first.kind !== second.kind) return first.kind === 'locked' ? first : second;
  return first.until >= second.until ? first : second;
}

/**
 * The failures after one more wrong password. A lockout that has run out, or a quiet spell as long as a lockout,
 * starts the count again.
 */
export function afterFailedLogin(
  failures: LoginFailures,
  policy: Pick<LoginThrottlePolicy, 'maxFailures' | 'lockoutMs'>,
  now: Date,
): LoginFailures & { lockedNow: boolean } {
  const last = failures.lastFailedLoginAt;
  const restart = failures.failedLogins >= policy.maxFailures || last === null || now.getTime() - last.getTime() >= policy.lockoutMs;
  const failedLogins = (restart ? 0 : failures.failedLogins) + 1;
  return { failedLogins, lastFailedLoginAt: now, lockedNow: failedLogins >= policy.maxFailures };
}

/** The failures from all addresses together after one more wrong password: no lockout, only the quiet spell restarts it. */
export function afterFailedLoginAnywhere(failures: LoginFailures, policy: Pick<LoginThrottlePolicy, 'lockoutMs'>, now: Date): LoginFailures {
  const { failedLogins, lastFailedLoginAt } = afterFailedLogin(failures, { maxFailures: Number.POSITIVE_INFINITY, lockoutMs: policy.lockoutMs }, now);
  return { failedLogins, lastFailedLoginAt };
}
