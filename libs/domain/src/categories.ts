/** 六大清廉建设领域 — the six integrity-building categories. */
export const CATEGORY_CODES = ['agency', 'village', 'school', 'hospital', 'enterprise', 'culture'] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

/** 清廉企业 subtype: 民企 (private) or 国企 (state-owned). */
export const ENTERPRISE_OWNERSHIPS = ['private', 'state_owned'] as const;
export type EnterpriseOwnership = (typeof ENTERPRISE_OWNERSHIPS)[number];

export interface BilingualName {
  readonly zh: string;
  readonly en: string;
}

export const CATEGORY_NAMES: Readonly<Record<CategoryCode, BilingualName>> = {
  agency: { zh: '清廉机关', en: 'Integrity agency' },
  village: { zh: '清廉村居', en: 'Integrity village / community' },
  school: { zh: '清廉学校', en: 'Integrity school' },
  hospital: { zh: '清廉医院', en: 'Integrity hospital' },
  enterprise: { zh: '清廉企业', en: 'Integrity enterprise' },
  culture: { zh: '清廉文化', en: 'Integrity culture' },
};

export function isCategoryCode(value: string): value is CategoryCode {
  return (CATEGORY_CODES as readonly string[]).includes(value);
}

/** 企业性质 applies to enterprises only, and every enterprise has one. Returns the problem, or null. */
export function ownershipProblem(category: CategoryCode, ownership: string | undefined | null): string | null {
  if (category === 'enterprise') {
    return ownership && (ENTERPRISE_OWNERSHIPS as readonly string[]).includes(ownership)
      ? null
      : '企业须填写企业性质：民企 (private) 或国企 (state_owned) / ownership is required for an enterprise: private or state_owned';
  }
  return ownership === undefined || ownership === null ? null : '企业性质仅企业填写 / ownership applies to enterprises only';
}
