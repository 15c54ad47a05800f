import canonicalize from 'canonicalize';

/**
 * 指令签名 / A command's proof of who sent it: the api's Ed25519 signature over the case, the step, the Update's id,
 * the command itself and an expiry. Temporal carries it but cannot make one: the private key never leaves the api and
 * the worker, and the case workflow holds only the public key.
 */
export interface CommandProof {
  /** ISO-8601 UTC; the workflow refuses the command after it. */
  readonly expiresAt: string;
  /** The Update id the command was signed for: a captured command sent again under another id is refused. */
  readonly updateId: string;
  /** Ed25519 signature of `commandStatement`, hex. */
  readonly signature: string;
}

/** A case step's command as it travels to the workflow. */
export type Signed<C> = C & { readonly proof?: CommandProof };

export interface CommandStatementInput {
  readonly caseId: string;
  readonly step: string;
  readonly updateId: string;
  readonly expiresAt: string;
  /** The command as sent, its proof set aside. */
  readonly command: object;
}

/** The exact bytes signed: RFC 8785 canonical JSON of the statement, version 1. */
export function commandStatement(input: CommandStatementInput): string {
  const { proof: _proof, ...command } = input.command as { readonly proof?: unknown };
  const statement = canonicalize({ v: 1, caseId: input.caseId, step: input.step, updateId: input.updateId, expiresAt: input.expiresAt, command });
  if (statement === undefined) throw new Error('A case command cannot be canonicalised');
  return statement;
}
