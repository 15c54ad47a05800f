import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * argon2id (the library's default algorithm; Algorithm is a const enum, which isolated modules cannot read)
 * with OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane. About 30 ms a hash on one core here.
 */
const ARGON2ID: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a password nobody has: verified against when a login names no account, so both take as long. */
let decoy: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  return decoy;
}

/**
 * The ~49,000 most common passwords (zxcvbn-ts's list, from leaked-password corpora), lower-cased. Loaded on
 * first use, so processes that never check a password (the worker) do not hold it.
 */
let common: Promise<ReadonlySet<string>> | undefined;
export function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set(dictionary['passwords-common'].map((password) => password.toLowerCase())));
  return common;
}

/** Refresh and api tokens: 256 random bits behind a prefix that says what the token is. */
export function newSecretToken(prefix: 'qlr_' | 'qlt_'): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are high-entropy, so an unsalted SHA-256 is enough to keep them unusable if the table leaks. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
