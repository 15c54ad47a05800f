import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import { type AppConfig, ed25519PrivateKey } from '#config';
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

  static fromConfig(config: AppConfig): CommandSigner {
    return new CommandSigner(ed25519PrivateKey(config.commandSigning.key), config.commandSigning.lifetimeSeconds * 1000);
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
