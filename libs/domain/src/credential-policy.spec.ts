import { describe, expect, it } from '@jest/globals';
import {
  afterFailedLogin,
  afterFailedLoginAnywhere,
  globalLoginGate,
  loginGate,
  passwordProblems,
  stricterGate,
  type LoginThrottlePolicy,
} from './credential-policy.js';

const commonPasswords = new Set(['password', '1qaz2wsx3edc', 'qwerty123456']);
const problemsOf = (password: string, username = 'li.hua') => passwordProblems(password, { username, commonPasswords }).map((problem) => problem.en);

describe('passwordProblems', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(problemsOf('correct horse battery staple')).toEqual([]);
    expect(problemsOf('清廉细胞示范点创建管理口令')).toEqual([]);
  });

  it('wants at least 12 characters, counted as characters not bytes', () => {
    expect(problemsOf('short1!')).toEqual(['the password must have at least 12 characters']);
    expect(problemsOf('清廉清廉清廉清廉清廉')).toContain('the password must have at least 12 characters');
  });

  it('refuses common passwords whatever their case, the username, and repeats', () => {
    expect(problemsOf('QWERTY123456')).toEqual(['the password is on a list of common passwords']);
    expect(problemsOf('my-Li.Hua-passphrase')).toEqual(['the password must not contain the username']);
    expect(problemsOf('abababababababab')).toEqual(['the password must not repeat one or two characters']);
    expect(problemsOf('x'.repeat(257))).toContain('the password may have at most 256 characters');
  });
});

describe('loginGate', () => {
  const policy: LoginThrottlePolicy = { maxFailures: 3, lockoutMs: 60_000, backoffBaseMs: 1_000, globalMaxFailures: 10, globalSpacingMs: 5_000 };
  const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

  it('is open without failures', () => {
    expect(loginGate({ failedLogins: 0, lastFailedLoginAt: null }, policy, at(0))).toEqual({ kind: 'open' });
  });

  it('backs off, doubling, before the lockout', () => {
    expect(loginGate({ failedLogins: 1, lastFailedLoginAt: at(0) }, policy, at(500))).toEqual({ kind: 'backoff', until: at(1_000) });
    expect(loginGate({ failedLogins: 2, lastFailedLoginAt: at(0) }, policy, at(1_500))).toEqual({ kind: 'backoff', until: at(2_000) });
    expect(loginGate({ failedLogins: 2, lastFailedLoginAt: at(0) }, policy, at(2_000))).toEqual({ kind: 'open' });
  });

  it('locks after the maximum failures until the lockout has run out', () => {
    const failures = { failedLogins: 3, lastFailedLoginAt: at(0) };
    expect(loginGate(failures, policy, at(59_999))).toEqual({ kind: 'locked', until: at(60_000) });
    expect(loginGate(failures, policy, at(60_000))).toEqual({ kind: 'open' });
  });

  it('counts failures in a row and starts again after a lockout ran out', () => {
    let failures = { failedLogins: 0, lastFailedLoginAt: null as Date | null };
    const first = afterFailedLogin(failures, policy, at(0));
    expect(first).toEqual({ failedLogins: 1, lastFailedLoginAt: at(0), lockedNow: false });
    failures = afterFailedLogin(afterFailedLogin(first, policy, at(1)), policy, at(2));
    expect(failures.failedLogins).toBe(3);
    expect(afterFailedLogin(failures, policy, at(70_000))).toEqual({ failedLogins: 1, lastFailedLoginAt: at(70_000), lockedNow: false });
  });

  it('has no backoff when its base is 0', () => {
    expect(loginGate({ failedLogins: 2, lastFailedLoginAt: at(0) }, { ...policy, backoffBaseMs: 0 }, at(0))).toEqual({ kind: 'open' });
  });

  it('starts the count again after a quiet spell as long as a lockout', () => {
    expect(afterFailedLogin({ failedLogins: 2, lastFailedLoginAt: at(0) }, policy, at(59_999)).failedLogins).toBe(3);
    expect(afterFailedLogin({ failedLogins: 2, lastFailedLoginAt: at(0) }, policy, at(60_000)).failedLogins).toBe(1);
  });

  it('keeps a soft limit over all addresses: a wait for unknown addresses, never a lockout, none for a known one', () => {
    let anywhere = { failedLogins: 0, lastFailedLoginAt: null as Date | null };
    for (let index = 0; index < 10; index += 1) anywhere = afterFailedLoginAnywhere(anywhere, policy, at(index));
    expect(anywhere).toEqual({ failedLogins: 10, lastFailedLoginAt: at(9) });
    expect(globalLoginGate({ failedLogins: 9, lastFailedLoginAt: at(9) }, policy, at(10), false)).toEqual({ kind: 'open' });
    expect(globalLoginGate(anywhere, policy, at(10), false)).toEqual({ kind: 'backoff', until: at(5_009) });
    expect(globalLoginGate(anywhere, policy, at(10), true)).toEqual({ kind: 'open' });
    expect(globalLoginGate(anywhere, policy, at(5_009), false)).toEqual({ kind: 'open' });
    expect(afterFailedLoginAnywhere(anywhere, policy, at(60_009)).failedLogins).toBe(1);
  });

  it('takes the stricter of two gates', () => {
    const open = { kind: 'open' } as const;
    const soon = { kind: 'backoff', until: at(1_000) } as const;
    const later = { kind: 'backoff', until: at(2_000) } as const;
    const locked = { kind: 'locked', until: at(500) } as const;
    expect(stricterGate(open, soon)).toBe(soon);
    expect(stricterGate(later, soon)).toBe(later);
    expect(stricterGate(soon, locked)).toBe(locked);
    expect(stricterGate(open, open)).toBe(open);
  });
});
