import { describe, expect, it } from '@jest/globals';
import { commonPasswords, hashPassword, newSecretToken, tokenHash, verifyPassword } from './credentials.js';

describe('credentials', () => {
  it('hashes passwords with argon2id at the recommended cost, and verifies them', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('knows the common passwords, lower-cased', async () => {
    const common = await commonPasswords();
    expect(common.size).toBeGreaterThan(10_000);
    expect(common.has('password')).toBe(true);
    expect(common.has('qwerty123456')).toBe(true);
  });

  it('makes prefixed high-entropy tokens and keeps only their SHA-256', () => {
    const token = newSecretToken('qlt_');
    expect(token).toMatch(/^qlt_[A-Za-z0-9_-]{43}$/);
    expect(newSecretToken('qlt_')).not.toBe(token);
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});
