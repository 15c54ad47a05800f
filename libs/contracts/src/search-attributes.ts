import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Typed search attributes of case workflows. They carry no personal data. */
export const CaseSearchAttributes = {
  campaign: defineSearchAttributeKey('QinglianCampaign', SearchAttributeType.KEYWORD),
  category: defineSearchAttributeKey('QinglianCategory', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('QinglianStage', SearchAttributeType.KEYWORD),
  nextDueAt: defineSearchAttributeKey('QinglianNextDueAt', SearchAttributeType.DATETIME),
} as const;

const CLI_TYPE_NAMES = { [SearchAttributeType.KEYWORD]: 'Keyword', [SearchAttributeType.DATETIME]: 'Datetime' } as const;

/** `name=Type` pairs as the dev server's --search-attribute flag and `temporal operator search-attribute create` take them. */
export const CASE_SEARCH_ATTRIBUTE_REGISTRATIONS: readonly string[] = Object.values(CaseSearchAttributes).map(
  (key) => `${key.name}=${CLI_TYPE_NAMES[key.type]}`,
);
