/** A step the rules of the case do not allow. Carries the reason in zh-CN and English. */
export class CaseRuleViolation extends Error {
  override readonly name = 'CaseRuleViolation';

  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} / ${messageEn}`);
  }
}
