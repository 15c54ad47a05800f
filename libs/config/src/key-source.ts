import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Where a private key comes from: the environment (PEM text), a file the deployment mounts, or, outside production only,
 * a file generated in the data directory on first use and reused after (mode 0600).
 */
export type KeySource = { readonly pem: string } | { readonly file: string } | { readonly generatedFile: string };

/** The key source named by a `<NAME>` (PEM) / `<NAME>_FILE` pair of variables, else the generated file when allowed. */
export function keySourceOf(pem: string | undefined, file: string | undefined, generatedFile: string): KeySource {
  if (pem !== undefined) return { pem: pem.replaceAll('\\n', '\n') };
  if (file !== undefined) return { file };
  return { generatedFile };
}

/** Loads an Ed25519 private key; a generated one is created once (two processes starting together get the same key). */
export function ed25519PrivateKey(source: KeySource): KeyObject {
  if ('pem' in source) return checkedEd25519(createPrivateKey(source.pem));
  if ('file' in source) return checkedEd25519(createPrivateKey(readFileSync(source.file)));
  try {
    return checkedEd25519(createPrivateKey(readFileSync(source.generatedFile)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(source.generatedFile), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    writeFileSync(source.generatedFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    return privateKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return checkedEd25519(createPrivateKey(readFileSync(source.generatedFile)));
  }
}

function checkedEd25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 private key, found ${String(key.asymmetricKeyType)}`);
  return key;
}
