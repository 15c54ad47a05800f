import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { secretsKeyBytes, type AppConfig } from '#config';

/** Marks a sealed value: `sealed:v1:<key id>:<iv>:<ciphertext>:<tag>` (base64url). Anything else is plain text from before. */
const SEALED_PREFIX = 'sealed:v1:';
const IV_BYTES = 12;

/** A stored secret the configured keys cannot open: sealed with a key no longer given, or altered. */
export class SealedSecretUnreadable extends Error {
  override readonly name = 'SealedSecretUnreadable';
}

/**
 * 密钥加密存储 / Secrets at rest: AES-256-GCM under a key from the environment (never the database). Each value names
 * the key that sealed it (the first 8 bytes of its SHA-256, base64url), so earlier keys can still open what they
 * sealed while it is re-sealed under the current one. The context (table, column, row) is bound as associated data:
 * a sealed value copied to another row does not open there.
 */
export class SecretBox {
  private readonly current: { id: string; key: Buffer };
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(key: Buffer, previousKeys: readonly Buffer[] = []) {
    this.current = { id: keyId(key), key };
    this.keys = new Map([...previousKeys, key].map((each) => [keyId(each), each]));
  }

  /** The box of the configuration's keys; refuses to exist in production without SECRETS_ENCRYPTION_KEY. */
  static fromConfig(config: AppConfig): SecretBox {
    const { key, previousKeys } = config.secretsEncryption;
    if (key === undefined) {
      throw new Error(
        'SECRETS_ENCRYPTION_KEY (or SECRETS_ENCRYPTION_KEY_FILE) is required in production: 32 random bytes in base64 (openssl rand -base64 32), the same for the api and the worker',
      );
    }
    if ('base64' in key && key.base64.startsWith('changeMe'))
      throw new Error('SECRETS_ENCRYPTION_KEY still holds the placeholder of .env.example: openssl rand -base64 32');
    return new SecretBox(
      secretsKeyBytes(key),
      previousKeys.map((each) => Buffer.from(each, 'base64')),
    );
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv).setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${SEALED_PREFIX}${[this.current.id, iv, sealed, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':')}`;
  }

  /** The plain text of a sealed value; a value stored before sealing began is returned as it is. */
  open(stored: string, context: string): string {
    if (!isSealed(stored)) return stored;
    const [id = '', iv = '', sealed = '', tag = ''] = stored.slice(SEALED_PREFIX.length).split(':');
    const key = this.keys.get(id);
    if (!key) throw new SealedSecretUnreadable(`sealed with key ${id}, which is not configured (SECRETS_ENCRYPTION_KEY / _PREVIOUS_KEYS)`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SealedSecretUnreadable(`the sealed value does not open with key ${id}: altered, or sealed for another row than ${context}`);
    }
  }

  /** Whether the stored value is sealed under the current key (else the start-up step seals it again). */
  sealedWithCurrentKey(stored: string): boolean {
    return stored.startsWith(`${SEALED_PREFIX}${this.current.id}:`);
  }
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest().subarray(0, 8).toString('base64url');
}
