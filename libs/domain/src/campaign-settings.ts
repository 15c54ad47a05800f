import { CATEGORY_CODES, type CategoryCode } from './categories.js';
import { DEFAULT_THRESHOLDS, thresholdProblems, type CampaignThresholds } from './indicators/scoring.js';
import { DEADLINE_KINDS, type DeadlineKind } from './stages.js';

/** What a campaign fixes for all its cases (年度创建活动的设置). */
export interface CampaignSettings {
  readonly thresholds: CampaignThresholds;
  /** The indicator framework version each category's cases start with. */
  readonly frameworkVersions: Readonly<Record<CategoryCode, string>>;
  /** 创建目标: how many units of each category the campaign means to certify. */
  readonly targets: Readonly<Partial<Record<CategoryCode, number>>>;
  /** Calendar days each stage may take (deadlines; the reminders issue adds working days). */
  readonly stageDurationDays: Readonly<Partial<Record<DeadlineKind, number>>>;
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Completes partial settings with the defaults (thresholds 85/90, floor 70, two rounds; the latest framework
 * of each category) and lists every problem by field.
 */
export function campaignSettings(
  input: { thresholds?: Partial<CampaignThresholds>; frameworkVersions?: Partial<Record<string, string>>; targets?: Record<string, number>; stageDurationDays?: Record<string, number> },
  availableVersions: (category: CategoryCode) => readonly string[],
): { settings: CampaignSettings; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const thresholds = { ...DEFAULT_THRESHOLDS, ...input.thresholds };
  problems.push(...thresholdProblems(thresholds).map((message) => ({ field: 'thresholds', message })));

  const frameworkVersions = {} as Record<CategoryCode, string>;
  for (const category of CATEGORY_CODES) {
    const versions = availableVersions(category);
    const chosen = input.frameworkVersions?.[category] ?? versions.at(-1);
    if (chosen === undefined || !versions.includes(chosen)) {
      problems.push({ field: `frameworkVersions.${category}`, message: `no ${category} framework version ${chosen ?? '(none)'}; available: ${versions.join(', ') || 'none'}` });
    } else {
      frameworkVersions[category] = chosen;
    }
  }
  for (const key of Object.keys(input.frameworkVersions ?? {})) {
    if (!(CATEGORY_CODES as readonly string[]).includes(key)) problems.push({ field: `frameworkVersions.${key}`, message: 'not a category' });
  }

  const targets: Partial<Record<CategoryCode, number>> = {};
  for (const [key, value] of Object.entries(input.targets ?? {})) {
    if (!(CATEGORY_CODES as readonly string[]).includes(key)) problems.push({ field: `targets.${key}`, message: 'not a category' });
    else if (!Number.isInteger(value) || value < 0 || value > 10_000) problems.push({ field: `targets.${key}`, message: 'must be a whole number from 0 to 10000' });
    else targets[key as CategoryCode] = value;
  }

  const stageDurationDays: Partial<Record<DeadlineKind, number>> = {};
  for (const [key, value] of Object.entries(input.stageDurationDays ?? {})) {
    if (!(DEADLINE_KINDS as readonly string[]).includes(key)) problems.push({ field: `stageDurationDays.${key}`, message: `not one of ${DEADLINE_KINDS.join(', ')}` });
    else if (!Number.isInteger(value) || value < 1 || value > 730) problems.push({ field: `stageDurationDays.${key}`, message: 'must be a whole number of days from 1 to 730' });
    else stageDurationDays[key as DeadlineKind] = value;
  }
  return { settings: { thresholds, frameworkVersions, targets, stageDurationDays }, problems };
}
