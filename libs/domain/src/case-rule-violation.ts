import { BilingualError, type ErrorKind, type FieldProblem } from './errors.js';

/** Rule codes that are not a conflict with the case's state (every other code is). */
const RULE_KINDS: Readonly<Record<string, ErrorKind>> = {
  ROLE_NOT_ALLOWED: 'forbidden',
  FRAMEWORK_UNKNOWN: 'not_found',
  DOCUMENT_UNKNOWN: 'invalid',
};

/** A step the rules of the case do not allow. Carries the reason in zh-CN and English. */
export class CaseRuleViolation extends BilingualError {
  override readonly name = 'CaseRuleViolation';

  constructor(code: string, messageZh: string, messageEn: string, fields: readonly FieldProblem[] = []) {
    super(RULE_KINDS[code] ?? 'conflict', code, messageZh, messageEn, { fields });
  }
}
