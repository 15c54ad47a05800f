import { CATEGORY_CODES, type CategoryCode } from './categories.js';
import { DEFAULT_THRESHOLDS, thresholdProblems, type CampaignThresholds } from './indicators/scoring.js';
import { DURATION_UNITS, normaliseStageDurations, type DurationUnit, type DeadlineDuration, type StageDurations } from './deadlines.js';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './reminders.js';
import { DEADLINE_KINDS, type DeadlineKind } from './stages.js';
import type { FieldProblem } from './errors.js';

/** What a campaign fixes for all its cases (年度创建活动的设置). */
export interface CampaignSettings {
  readonly thresholds: CampaignThresholds;
  /** The indicator framework version each category's cases start with. */
  readonly frameworkVersions: Readonly<Record<CategoryCode, string>>;
  /** 创建目标: how many units of each category the campaign means to certify. */
  readonly targets: Readonly<Partial<Record<CategoryCode, number>>>;
  /** 各阶段时限: how long each stage may take, in calendar or working days (deadlines are computed with dueOnFor). */
  readonly stageDurations: StageDurations;
  /** 提醒规则: reminders before, on and after each due date, and escalation to the program office. */
  readonly reminderPolicy: ReminderPolicy;
}

/**
 * Settings as stored on a campaign: campaigns created before working days and reminders existed hold
 * `stageDurationDays` (plain calendar days) and no reminder policy.
 */
export type StoredCampaignSettings = Omit<CampaignSettings, 'stageDurations' | 'reminderPolicy'> & {
  readonly stageDurations?: Readonly<Partial<Record<DeadlineKind, DeadlineDuration>>>;
  readonly stageDurationDays?: Readonly<Partial<Record<DeadlineKind, number>>>;
  readonly reminderPolicy?: Partial<ReminderPolicy>;
};

/** The one place stored settings of any age become current settings (missing durations and policy: the defaults). */
export function normaliseCampaignSettings(stored: StoredCampaignSettings): CampaignSettings {
  const { thresholds, frameworkVersions, targets } = stored;
  return {
    thresholds,
    frameworkVersions,
    targets,
    stageDurations: normaliseStageDurations(stored),
    reminderPolicy: { ...DEFAULT_REMINDER_POLICY, ...stored.reminderPolicy },
  };
}

/** What a campaign's creator may set; values are unchecked (they come from a request) until campaignSettings checks them. */
export interface CampaignSettingsInput {
  thresholds?: Partial<CampaignThresholds>;
  frameworkVersions?: Partial<Record<string, string>>;
  targets?: Record<string, number>;
  /** Per deadline kind; unknown kinds from a request are reported, not dropped silently. */
  stageDurations?: Partial<Record<DeadlineKind, { days?: unknown; unit?: unknown }>>;
  /** Before working days: calendar days per stage. Still accepted; stageDurations is the current field. */
  stageDurationDays?: Record<string, number>;
  reminderPolicy?: { [K in keyof ReminderPolicy]?: unknown };
}

/**
 * Completes partial settings with the defaults (thresholds 85/90, floor 70, two rounds; the latest framework
 * of each category) and lists every problem by field.
 */
export function campaignSettings(
  input: CampaignSettingsInput,
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
      problems.push({
        field: `frameworkVersions.${category}`,
        message: `no ${category} framework version ${chosen ?? '(none)'}; available: ${versions.join(', ') || 'none'}`,
      });
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
    else if (!Number.isInteger(value) || value < 0 || value > 10_000)
      problems.push({ field: `targets.${key}`, message: 'must be a whole number from 0 to 10000' });
    else targets[key as CategoryCode] = value;
  }

  const stageDurations = stageDurationsOf(input, problems);
  const reminderPolicy = reminderPolicyOf(input.reminderPolicy ?? {}, problems);
  return { settings: { thresholds, frameworkVersions, targets, stageDurations, reminderPolicy }, problems };
}

/** The years a campaign (and an annual review) may name. */
export const CAMPAIGN_YEARS = { first: 2000, last: 2100 } as const;

/** The longest stage duration a campaign may set, in days of either unit. */
export const MAX_STAGE_DAYS = 730;

function stageDurationsOf(input: CampaignSettingsInput, problems: FieldProblem[]): StageDurations {
  const given: Partial<Record<DeadlineKind, DeadlineDuration>> = {};
  const kindOf = (field: string, key: string): DeadlineKind | undefined => {
    if ((DEADLINE_KINDS as readonly string[]).includes(key)) return key as DeadlineKind;
    problems.push({ field, message: `不是期限类别 / not one of ${DEADLINE_KINDS.join(', ')}` });
    return undefined;
  };
  const daysOk = (field: string, days: unknown): days is number => {
    if (Number.isInteger(days) && (days as number) >= 1 && (days as number) <= MAX_STAGE_DAYS) return true;
    problems.push({ field, message: `须为 1–${MAX_STAGE_DAYS} 的整数天数 / must be a whole number of days from 1 to ${MAX_STAGE_DAYS}` });
    return false;
  };
  for (const [key, value] of Object.entries(input.stageDurationDays ?? {})) {
    const kind = kindOf(`stageDurationDays.${key}`, key);
    if (kind && input.stageDurations?.[kind] !== undefined) {
      problems.push({
        field: `stageDurationDays.${key}`,
        message: '已在 stageDurations 中给出，请只用 stageDurations / also given in stageDurations: use stageDurations only',
      });
    } else if (kind && daysOk(`stageDurationDays.${key}`, value)) given[kind] = { days: value, unit: 'calendar' };
  }
  for (const [key, value] of Object.entries<{ days?: unknown; unit?: unknown } | undefined>(input.stageDurations ?? {})) {
    const kind = kindOf(`stageDurations.${key}`, key);
    const unit = value?.unit;
    const unitOk = (DURATION_UNITS as readonly unknown[]).includes(unit);
    if (kind && !unitOk)
      problems.push({ field: `stageDurations.${key}.unit`, message: `须为 ${DURATION_UNITS.join(' 或 ')} / must be ${DURATION_UNITS.join(' or ')}` });
    const days = value?.days;
    if (kind && daysOk(`stageDurations.${key}.days`, days) && unitOk) given[kind] = { days, unit: unit as DurationUnit };
  }
  return normaliseStageDurations({ stageDurations: given });
}

/** Reminder offsets and intervals are whole working days up to this many; at most MAX_BEFORE_DUE_REMINDERS before the due date. */
export const MAX_REMINDER_WORKING_DAYS = 60;
export const MAX_BEFORE_DUE_REMINDERS = 10;

function reminderPolicyOf(input: NonNullable<CampaignSettingsInput['reminderPolicy']>, problems: FieldProblem[]): ReminderPolicy {
  const policy = { ...DEFAULT_REMINDER_POLICY, ...input } as Record<keyof ReminderPolicy, unknown>;
  const field = (name: keyof ReminderPolicy): string => `reminderPolicy.${name}`;
  const wholeDays = (value: unknown, min: number): boolean =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= MAX_REMINDER_WORKING_DAYS;

  const before = policy.beforeDueWorkingDays;
  if (
    !Array.isArray(before) ||
    before.length > MAX_BEFORE_DUE_REMINDERS ||
    !before.every((days) => wholeDays(days, 1)) ||
    new Set(before).size !== before.length
  ) {
    problems.push({
      field: field('beforeDueWorkingDays'),
      message: `须为至多 ${MAX_BEFORE_DUE_REMINDERS} 个互不相同的 1–${MAX_REMINDER_WORKING_DAYS} 整数 / must be at most ${MAX_BEFORE_DUE_REMINDERS} distinct whole numbers from 1 to ${MAX_REMINDER_WORKING_DAYS}`,
    });
  }
  if (typeof policy.onDueDay !== 'boolean') problems.push({ field: field('onDueDay'), message: '须为 true 或 false / must be true or false' });
  if (!wholeDays(policy.overdueEveryWorkingDays, 0)) {
    problems.push({
      field: field('overdueEveryWorkingDays'),
      message: `须为 0–${MAX_REMINDER_WORKING_DAYS} 的整数（0 = 不重复）/ must be a whole number from 0 (no repeats) to ${MAX_REMINDER_WORKING_DAYS}`,
    });
  }
  if (!wholeDays(policy.escalateAfterWorkingDays, 1)) {
    problems.push({
      field: field('escalateAfterWorkingDays'),
      message: `须为 1–${MAX_REMINDER_WORKING_DAYS} 的整数 / must be a whole number from 1 to ${MAX_REMINDER_WORKING_DAYS}`,
    });
  }
  if (typeof policy.sendAt !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(policy.sendAt)) {
    problems.push({ field: field('sendAt'), message: '须为北京时间 HH:MM / must be an Asia/Shanghai time HH:MM' });
  }
  for (const key of Object.keys(input)) {
    if (!(key in DEFAULT_REMINDER_POLICY)) problems.push({ field: `reminderPolicy.${key}`, message: '未知字段 / unknown field' });
  }
  return policy as unknown as ReminderPolicy;
}

/**
 * An edit of a campaign's settings (修改活动设置) as input for campaignSettings: each part given (thresholds,
 * framework versions, targets, stage durations, reminder policy) replaces the keys it names, and everything it does
 * not name keeps its current value. A stage given in the legacy `stageDurationDays` replaces that stage's duration.
 */
export function editedSettingsInput(current: CampaignSettings, edit: CampaignSettingsInput): CampaignSettingsInput {
  const legacyKinds = new Set(Object.keys(edit.stageDurationDays ?? {}));
  const keptDurations = Object.fromEntries(Object.entries(current.stageDurations).filter(([kind]) => !legacyKinds.has(kind)));
  return {
    thresholds: { ...current.thresholds, ...edit.thresholds },
    frameworkVersions: { ...current.frameworkVersions, ...edit.frameworkVersions },
    targets: { ...current.targets, ...edit.targets },
    stageDurations: { ...keptDurations, ...edit.stageDurations },
    ...(edit.stageDurationDays === undefined ? {} : { stageDurationDays: edit.stageDurationDays }),
    reminderPolicy: { ...current.reminderPolicy, ...edit.reminderPolicy },
  };
}

/** One setting an edit changed, by its dotted path (thresholds.pass, reminderPolicy.beforeDueWorkingDays). */
export interface SettingChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

/** What differs between two versions of a campaign's settings, setting by setting (lists compare whole). */
export function settingsChanges(before: CampaignSettings, after: CampaignSettings): SettingChange[] {
  const leavesOf = (value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) leavesOf(inner, path ? `${path}.${key}` : key, into);
    } else into.set(path, value);
    return into;
  };
  const from = leavesOf(before, '', new Map());
  const to = leavesOf(after, '', new Map());
  return [...new Set([...from.keys(), ...to.keys()])]
    .filter((field) => JSON.stringify(from.get(field)) !== JSON.stringify(to.get(field)))
    .map((field) => ({ field, from: from.get(field) ?? null, to: to.get(field) ?? null }));
}
