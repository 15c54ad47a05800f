import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const SECRETS_KEY_BYTES = 32;

/**
 * Where the key sealing stored secrets comes from: the environment, a file the deployment mounts, or, outside
 * production only, a file generated in the data directory on first use (mode 0600) that the api and the worker
 * of one stack share.
 */
export type SecretsKeySource = { readonly base64: string } | { readonly file: string } | { readonly generatedFile: string };

/** Whether the text is a key: base64 of exactly 32 bytes. */
export function isSecretsKey(text: string): boolean {
  const trimmed = text.trim();
  return /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) && Buffer.from(trimmed, 'base64').length === SECRETS_KEY_BYTES;
}

/** The key's 32 bytes; a generated one is created once (two processes starting together get the same key). */
export function secretsKeyBytes(source: SecretsKeySource): Buffer {
  if ('base64' in source) return decoded(source.base64, 'SECRETS_ENCRYPTION_KEY');
  if ('file' in source) return decoded(readFileSync(source.file, 'utf8'), source.file);
  try {
    return decoded(readFileSync(source.generatedFile, 'utf8'), source.generatedFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(source.generatedFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(SECRETS_KEY_BYTES);
  try {
    writeFileSync(source.generatedFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return decoded(readFileSync(source.generatedFile, 'utf8'), source.generatedFile);
  }
}

function decoded(text: string, where: string): Buffer {
  if (!isSecretsKey(text)) throw new Error(`${where}: not a key of ${SECRETS_KEY_BYTES} bytes in base64 (openssl rand -base64 32)`);
  return Buffer.from(text.trim(), 'base64');
}
