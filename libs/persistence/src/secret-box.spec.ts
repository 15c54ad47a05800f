import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { AppConfig } from '#config';
import { isSealed, SealedSecretUnreadable, SecretBox } from './secret-box.js';

const SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd';
const CONTEXT = 'unit_group_chat.secret:8d1c6f0e-3a4b-4c5d-9e6f-0a1b2c3d4e5f';

describe('secrets sealed at rest', () => {
  it('seals under the current key, never showing the secret, and opens it again', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.seal(SECRET, CONTEXT);
    expect(sealed).toMatch(/^sealed:v1:[\w-]{11}:[\w-]{16}:[\w-]+:[\w-]{22}$/);
    expect(sealed).not.toContain(SECRET.slice(3, 20));
    expect(isSealed(sealed)).toBe(true);
    expect(box.sealedWithCurrentKey(sealed)).toBe(true);
    expect(box.open(sealed, CONTEXT)).toBe(SECRET);
    // A fresh IV each time: the same secret never seals to the same text.
    expect(box.seal(SECRET, CONTEXT)).not.toBe(sealed);
  });

  it('fits the longest secret a unit may set into the column', () => {
    expect(new SecretBox(randomBytes(32)).seal('S'.repeat(200), CONTEXT).length).toBeLessThanOrEqual(512);
  });

  it('reads a value stored before sealing began as it is, and reports it not sealed', () => {
    const box = new SecretBox(randomBytes(32));
    expect(box.open(SECRET, CONTEXT)).toBe(SECRET);
    expect(box.sealedWithCurrentKey(SECRET)).toBe(false);
  });

  it('refuses a value altered, moved to another row, or sealed with a key not configured', () => {
    const key = randomBytes(32);
    const box = new SecretBox(key);
    const sealed = box.seal(SECRET, CONTEXT);
    const parts = sealed.split(':');
    const flipped = Buffer.from(parts[4] ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    parts[4] = flipped.toString('base64url');
    expect(() => box.open(parts.join(':'), CONTEXT)).toThrow(SealedSecretUnreadable);
    expect(() => box.open(sealed, 'unit_group_chat.secret:another-unit')).toThrow(SealedSecretUnreadable);
    expect(() => new SecretBox(randomBytes(32)).open(sealed, CONTEXT)).toThrow(/not configured/);
  });

  it('refuses to exist in production without a key, or with the placeholder of .env.example', () => {
    const production = { NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'x'.repeat(40) };
    expect(() => SecretBox.fromConfig(AppConfig.fromEnvironment(production, '/srv'))).toThrow(
      'SECRETS_ENCRYPTION_KEY (or SECRETS_ENCRYPTION_KEY_FILE) is required in production',
    );
    const placeholder = { ...production, SECRETS_ENCRYPTION_KEY: 'changeMe+openssl+rand+base64+32+changeMe+AA=' };
    expect(() => SecretBox.fromConfig(AppConfig.fromEnvironment(placeholder, '/srv'))).toThrow('placeholder');
    const box = SecretBox.fromConfig(AppConfig.fromEnvironment({ ...production, SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64') }, '/srv'));
    expect(box.open(box.seal(SECRET, CONTEXT), CONTEXT)).toBe(SECRET);
  });

  it('opens what an earlier key sealed while it is listed, and re-seals under the new key', () => {
    const earlier = randomBytes(32);
    const sealedEarlier = new SecretBox(earlier).seal(SECRET, CONTEXT);
    const rotated = new SecretBox(randomBytes(32), [earlier]);
    expect(rotated.sealedWithCurrentKey(sealedEarlier)).toBe(false);
    expect(rotated.open(sealedEarlier, CONTEXT)).toBe(SECRET);
    expect(rotated.sealedWithCurrentKey(rotated.seal(SECRET, CONTEXT))).toBe(true);
  });
});
