import { describe, expect, it } from '@jest/globals';
import { AppConfig } from '#config';
import { SessionTokens } from './session-tokens.js';

const secret = 's3cret-'.repeat(6);
const tokens = (environment: Record<string, string>) => new SessionTokens(AppConfig.fromEnvironment({ LOG_LEVEL: 'silent', ...environment }, '/srv'));

describe(SessionTokens.name, () => {
  it('signs access tokens naming account and session, and checks them', () => {
    const sut = tokens({ AUTH_TOKEN_SECRET: secret });
    const { token, expiresAt } = sut.sign('account-1', 'session-1');
    expect(sut.check(token)).toEqual({ kind: 'valid', claims: { sub: 'account-1', sid: 'session-1' } });
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    expect(tokens({ AUTH_TOKEN_SECRET: `${secret}-other` }).check(token)).toEqual({ kind: 'invalid' });
    expect(sut.check(`${token}x`)).toEqual({ kind: 'invalid' });
  });

  it('refuses to run in production without a secret, or with the placeholder of .env.example', () => {
    expect(() => tokens({ NODE_ENV: 'production' })).toThrow('AUTH_TOKEN_SECRET is required in production');
    expect(() => tokens({ AUTH_TOKEN_SECRET: 'change-me-to-32-or-more-random-characters' })).toThrow('placeholder');
    expect(tokens({}).check(tokens({}).sign('a', 's').token)).toEqual({ kind: 'invalid' });
  });
});
