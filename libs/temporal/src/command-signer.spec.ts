import { generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ed25519 } from '@noble/curves/ed25519.js';
import { AppConfig } from '#config';
import { COMMAND_VERIFY_KEY_SLOT } from '#contracts';
import { commandStatement } from '#domain';
import { CommandSigner } from './command-signer.js';
import { withCommandVerifyKey } from './workflow-source.js';

const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const signer = CommandSigner.fromConfig(AppConfig.fromEnvironment({ COMMAND_SIGNING_KEY: pem, COMMAND_SIGNATURE_SECONDS: '60' }));
const command = { actor: { id: 'contact-1', role: 'unit_contact' }, summary: '方案', documentRefs: ['一'] };

describe('command signatures (指令签名)', () => {
  it('signs the case, step, Update id, command and expiry; the pure-JS verifier of the workflows agrees with node:crypto', () => {
    const signed = signer.sign('case:1', 'submitPlan', 'update-1', command, Date.parse('2026-12-01T00:00:00Z'));
    expect(signed.proof).toMatchObject({ expiresAt: '2026-12-01T00:01:00.000Z', updateId: 'update-1' });
    const statement = commandStatement({
      caseId: 'case:1',
      step: 'submitPlan',
      updateId: 'update-1',
      expiresAt: signed.proof?.expiresAt ?? '',
      command: signed,
    });
    expect(statement).toBe(
      '{"caseId":"case:1","command":{"actor":{"id":"contact-1","role":"unit_contact"},"documentRefs":["一"],"summary":"方案"},' +
        '"expiresAt":"2026-12-01T00:01:00.000Z","step":"submitPlan","updateId":"update-1","v":1}',
    );
    const signature = Buffer.from(signed.proof?.signature ?? '', 'hex');
    const publicKey = Buffer.from(signer.verifyKey, 'hex');
    expect(ed25519.verify(signature, Buffer.from(statement), publicKey)).toBe(true);
    expect(ed25519.verify(signature, Buffer.from(statement.replace('方案', '方桉')), publicKey)).toBe(false);
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]);
    expect(verify(null, Buffer.from(statement), { key: spki, format: 'der', type: 'spki' }, signature)).toBe(true);
  });

  it('writes the public key into workflow code at exactly one slot, and refuses code without one or with several', () => {
    const code = `const a = 1;\nconst key = '${COMMAND_VERIFY_KEY_SLOT}';\n`;
    expect(withCommandVerifyKey(code, signer.verifyKey)).toBe(`const a = 1;\nconst key = '${signer.verifyKey}';\n`);
    expect(() => withCommandVerifyKey('const a = 1;', signer.verifyKey)).toThrow('0 command-key slots');
    expect(() => withCommandVerifyKey(code + code, signer.verifyKey)).toThrow('2 command-key slots');
    expect(() => withCommandVerifyKey(code, 'not-a-key')).toThrow('64 hex digits');
  });

  it('outside production, is generated once into the data folder (0600) and shared by the api and the worker there', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'command-key-'));
    try {
      const first = CommandSigner.fromConfig(AppConfig.fromEnvironment({ DATA_DIR: dataDir }));
      expect(statSync(join(dataDir, 'keys/command-signing.pem')).mode & 0o777).toBe(0o600);
      expect(CommandSigner.fromConfig(AppConfig.fromEnvironment({ DATA_DIR: dataDir })).verifyKey).toBe(first.verifyKey);
      expect(first.verifyKey).not.toBe(signer.verifyKey);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('is required in production by the api and the worker, and never generated there', () => {
    const production = AppConfig.fromEnvironment({ NODE_ENV: 'production' });
    expect(production.commandSigning.key).toBeUndefined();
    expect(() => CommandSigner.fromConfig(production)).toThrow(/COMMAND_SIGNING_KEY: required in production/);
    expect(() => AppConfig.fromEnvironment({ COMMAND_SIGNING_KEY: 'secret' })).toThrow('COMMAND_SIGNING_KEY: must be a PEM private key');
    const placeholder = '-----BEGIN PRIVATE KEY-----\\nchange-me-openssl-genpkey-algorithm-ed25519\\n-----END PRIVATE KEY-----\\n';
    expect(() => CommandSigner.fromConfig(AppConfig.fromEnvironment({ NODE_ENV: 'production', COMMAND_SIGNING_KEY: placeholder }))).toThrow(
      'COMMAND_SIGNING_KEY: not a usable Ed25519 private key',
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => CommandSigner.fromConfig(AppConfig.fromEnvironment({ COMMAND_SIGNING_KEY: rsa }))).toThrow('expected an Ed25519 private key');
    expect(() => CommandSigner.fromConfig(AppConfig.fromEnvironment({ COMMAND_SIGNING_KEY_FILE: '/nonexistent/command.pem' }))).toThrow(
      'COMMAND_SIGNING_KEY_FILE: not a usable Ed25519 private key',
    );
    expect(() => AppConfig.fromEnvironment({ COMMAND_SIGNING_KEY: pem, COMMAND_SIGNING_KEY_FILE: '/run/key.pem' })).toThrow('not both');
  });
});
