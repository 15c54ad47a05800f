import { currentUpdateInfo, workflowInfo } from '@temporalio/workflow';
import { CaseRuleViolation, commandStatement, type CommandProof } from '#domain/for-workflows';
import { COMMAND_VERIFY_KEY_SLOT } from '#contracts';
import { ed25519Verifies } from './signature-check.js';

const HEX_KEY = /^[0-9a-f]{64}$/;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/;

function refused(code: string, zh: string, en: string): CaseRuleViolation {
  return new CaseRuleViolation(code, zh, en);
}

/**
 * Refuses, in a step's validator (so nothing is written and Temporal records nothing), a command the api did not sign
 * for this case, this step and this Update, or whose signature has expired. The signature is checked against the public
 * key the worker wrote into this code when it loaded it.
 */
export function checkCommandProof(step: string, command: unknown): void {
  const verifyKey = COMMAND_VERIFY_KEY_SLOT;
  if (!HEX_KEY.test(verifyKey)) {
    throw refused('COMMAND_KEY_MISSING', '工作节点未配置指令验签公钥，拒绝执行', 'The worker holds no key to check commands with; the step is refused');
  }
  // The argument is whatever the sender put there, so its shape is checked before it is read.
  const proof = typeof command === 'object' && command !== null && 'proof' in command ? proofOf(command.proof) : undefined;
  if (proof === undefined) {
    throw refused('COMMAND_NOT_SIGNED', '指令未经系统签名，拒绝执行', 'The command carries no signature; the step is refused');
  }
  const updateId = currentUpdateInfo()?.id;
  if (updateId !== proof.updateId) {
    throw refused('COMMAND_SIGNATURE_INVALID', '指令签名与本次操作不符，拒绝执行', 'The command was signed for another request; the step is refused');
  }
  const statement = commandStatement({
    caseId: workflowInfo().workflowId,
    step,
    updateId: proof.updateId,
    expiresAt: proof.expiresAt,
    command: command as object,
  });
  const valid = HEX_SIGNATURE.test(proof.signature) && ed25519Verifies(proof.signature, statement, verifyKey);
  if (!valid) {
    throw refused(
      'COMMAND_SIGNATURE_INVALID',
      '指令签名无效（内容被改动或非本系统签发），拒绝执行',
      'The command signature does not verify (altered, or not signed by this system); the step is refused',
    );
  }
  // Workflow time: when this workflow task began.
  if (!(Date.parse(proof.expiresAt) > Date.now())) {
    throw refused('COMMAND_EXPIRED', '指令签名已过期，请重新操作', 'The command signature has expired; please take the step again');
  }
}

function proofOf(value: unknown): CommandProof | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { expiresAt, updateId, signature } = value as Partial<Record<keyof CommandProof, unknown>>;
  return typeof expiresAt === 'string' && typeof updateId === 'string' && typeof signature === 'string' ? { expiresAt, updateId, signature } : undefined;
}
