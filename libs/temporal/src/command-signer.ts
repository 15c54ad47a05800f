import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import { type AppConfig, ConfigError, ed25519PrivateKey } from '#config';
import { commandStatement, type CommandProof, type Signed } from '#domain';

/**
 * Signs case commands for the case workflow (指令签名): the api for every step a person takes, the worker for the steps of
 * a bulk action it takes for the administrator who started it. Temporal carries the signature, never the key.
 */
export class CommandSigner {
  private constructor(
    private readonly privateKey: KeyObject,
    private readonly lifetimeMs: number,
  ) {}

  /** The api and the worker refuse to start without their key: in production it is never generated. */
  static fromConfig(config: AppConfig): CommandSigner {
    const { key, lifetimeSeconds } = config.commandSigning;
    if (key === undefined) {
      throw new ConfigError([
        {
          variable: 'COMMAND_SIGNING_KEY',
          message:
            'required in production by the api and the worker (or COMMAND_SIGNING_KEY_FILE): an Ed25519 private key, e.g. openssl genpkey -algorithm ed25519',
        },
      ]);
    }
    try {
      return new CommandSigner(ed25519PrivateKey(key), lifetimeSeconds * 1000);
    } catch (error) {
      // The variable named, not only OpenSSL's words: a placeholder left from .env.example fails here.
      const variable = 'file' in key ? 'COMMAND_SIGNING_KEY_FILE' : 'COMMAND_SIGNING_KEY';
      throw new ConfigError([{ variable, message: `not a usable Ed25519 private key (PEM): ${(error as Error).message}` }]);
    }
  }

  /** The public key, as the 64 hex digits the worker writes into the workflow code. */
  get verifyKey(): string {
    const { x } = createPublicKey(this.privateKey).export({ format: 'jwk' });
    if (x === undefined) throw new Error('an Ed25519 public key has an x coordinate');
    return Buffer.from(x, 'base64url').toString('hex');
  }

  sign<C>(caseId: string, step: string, updateId: string, command: C, now = Date.now()): Signed<C> {
    const expiresAt = new Date(now + this.lifetimeMs).toISOString();
    const statement = commandStatement({ caseId, step, updateId, expiresAt, command: command as object });
    const proof: CommandProof = { expiresAt, updateId, signature: sign(null, Buffer.from(statement), this.privateKey).toString('hex') };
    return { ...(command as object), proof } as Signed<C>;
  }
}
