import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { AppConfig } from './app-config.js';
import { isSecretsKey, secretsKeyBytes } from './secrets-key.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('the key sealing stored secrets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qinglian-secrets-key-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is read from the environment or a file, as 32 bytes in base64', () => {
    expect(secretsKeyBytes({ base64: KEY })).toEqual(Buffer.alloc(32, 7));
    const file = join(dir, 'mounted.key');
    writeFileSync(file, `${KEY}\n`);
    expect(secretsKeyBytes({ file })).toEqual(Buffer.alloc(32, 7));
    writeFileSync(file, 'too short');
    expect(() => secretsKeyBytes({ file })).toThrow(`${file}: not a key of 32 bytes`);
    expect(isSecretsKey(Buffer.alloc(16).toString('base64'))).toBe(false);
  });

  it('is generated once outside production, readable by its owner only, and the same for every process after', () => {
    const generatedFile = join(dir, 'keys', 'secrets-encryption.key');
    const first = secretsKeyBytes({ generatedFile });
    expect(first).toHaveLength(32);
    expect(statSync(generatedFile).mode & 0o777).toBe(0o600);
    expect(secretsKeyBytes({ generatedFile })).toEqual(first);
  });

  it('comes from the configuration: required in production, generated in the data folder otherwise', () => {
    expect(AppConfig.fromEnvironment({ DATA_DIR: '/srv/data' }, '/srv').secretsEncryption).toEqual({
      key: { generatedFile: '/srv/data/keys/secrets-encryption.key' },
      previousKeys: [],
    });
    const production = { NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'x'.repeat(40) };
    expect(AppConfig.fromEnvironment(production, '/srv').secretsEncryption.key).toBeUndefined();
    expect(AppConfig.fromEnvironment({ ...production, SECRETS_ENCRYPTION_KEY: KEY }, '/srv').secretsEncryption.key).toEqual({ base64: KEY });
    expect(AppConfig.fromEnvironment({ SECRETS_ENCRYPTION_KEY_FILE: 'run/secrets/key' }, '/srv').secretsEncryption.key).toEqual({
      file: '/srv/run/secrets/key',
    });
    expect(AppConfig.fromEnvironment({ SECRETS_ENCRYPTION_PREVIOUS_KEYS: ` ${KEY}, ${KEY} ` }, '/srv').secretsEncryption.previousKeys).toEqual([KEY, KEY]);
    expect(() => AppConfig.fromEnvironment({ SECRETS_ENCRYPTION_KEY: 'secret' }, '/srv')).toThrow('SECRETS_ENCRYPTION_KEY: must be 32 random bytes');
    expect(() => AppConfig.fromEnvironment({ SECRETS_ENCRYPTION_PREVIOUS_KEYS: 'old' }, '/srv')).toThrow('SECRETS_ENCRYPTION_PREVIOUS_KEYS');
    expect(() => AppConfig.fromEnvironment({ SECRETS_ENCRYPTION_KEY: KEY, SECRETS_ENCRYPTION_KEY_FILE: '/k' }, '/srv')).toThrow('not both');
  });
});
