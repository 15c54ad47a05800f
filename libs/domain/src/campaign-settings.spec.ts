import { describe, expect, it } from '@jest/globals';
import { campaignSettings, normaliseCampaignSettings, type CampaignSettingsInput } from './campaign-settings.js';
import { DEFAULT_STAGE_DURATIONS } from './deadlines.js';
import { DEFAULT_REMINDER_POLICY } from './reminders.js';

const versions = () => ['2019.1'];
const problemsOf = (input: CampaignSettingsInput) => campaignSettings(input, versions).problems.map((problem) => problem.field);

describe(campaignSettings.name, () => {
  it('defaults the stage durations and the reminder policy', () => {
    const { settings, problems } = campaignSettings({}, versions);
    expect(problems).toEqual([]);
    expect(settings.stageDurations).toEqual(DEFAULT_STAGE_DURATIONS);
    expect(settings.reminderPolicy).toEqual(DEFAULT_REMINDER_POLICY);
  });

  it('takes stage durations in calendar or working days, and the legacy calendar-day numbers', () => {
    const { settings, problems } = campaignSettings(
      {
        stageDurations: { self_assessment: { days: 10, unit: 'working' } },
        stageDurationDays: { cultivation: 90 },
        reminderPolicy: { beforeDueWorkingDays: [5], escalateAfterWorkingDays: 2 },
      },
      versions,
    );
    expect(problems).toEqual([]);
    expect(settings.stageDurations).toEqual({
      ...DEFAULT_STAGE_DURATIONS,
      self_assessment: { days: 10, unit: 'working' },
      cultivation: { days: 90, unit: 'calendar' },
    });
    expect(settings.reminderPolicy).toEqual({ ...DEFAULT_REMINDER_POLICY, beforeDueWorkingDays: [5], escalateAfterWorkingDays: 2 });
  });

  it('names every bad field, in Chinese and English', () => {
    const { problems } = campaignSettings(
      {
        stageDurations: { inspection: { days: 0, unit: 'working' }, rectification: { days: 5, unit: 'weeks' } },
        stageDurationDays: { inspection: 10, planning: 3 },
        reminderPolicy: { beforeDueWorkingDays: [7, 7], onDueDay: 'yes', overdueEveryWorkingDays: -1, escalateAfterWorkingDays: 0, sendAt: '9:00' },
      },
      versions,
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'stageDurationDays.inspection',
      'stageDurationDays.planning',
      'stageDurations.inspection.days',
      'stageDurations.rectification.unit',
      'reminderPolicy.beforeDueWorkingDays',
      'reminderPolicy.onDueDay',
      'reminderPolicy.overdueEveryWorkingDays',
      'reminderPolicy.escalateAfterWorkingDays',
      'reminderPolicy.sendAt',
    ]);
    expect(problems.find((problem) => problem.field === 'stageDurations.inspection.days')?.message).toBe(
      '须为 1–730 的整数天数 / must be a whole number of days from 1 to 730',
    );
  });

  it('refuses unknown reminder policy fields and unknown stage kinds', () => {
    expect(problemsOf({ reminderPolicy: { sendAt: '09:00', channel: 'sms' } as CampaignSettingsInput['reminderPolicy'] })).toEqual(['reminderPolicy.channel']);
    expect(problemsOf({ stageDurations: { enrolled: { days: 3, unit: 'working' } } as CampaignSettingsInput['stageDurations'] })).toEqual([
      'stageDurations.enrolled',
    ]);
  });
});

describe(normaliseCampaignSettings.name, () => {
  it('reads settings stored before working days and reminders existed', () => {
    const stored = {
      thresholds: campaignSettings({}, versions).settings.thresholds,
      frameworkVersions: campaignSettings({}, versions).settings.frameworkVersions,
      targets: { village: 48 },
      stageDurationDays: { cultivation: 100 },
    };
    expect(normaliseCampaignSettings(stored)).toEqual({
      thresholds: stored.thresholds,
      frameworkVersions: stored.frameworkVersions,
      targets: { village: 48 },
      stageDurations: { ...DEFAULT_STAGE_DURATIONS, cultivation: { days: 100, unit: 'calendar' } },
      reminderPolicy: DEFAULT_REMINDER_POLICY,
    });
  });

  it('keeps current settings as they are', () => {
    const { settings } = campaignSettings({ stageDurations: { cultivation: { days: 60, unit: 'working' } }, reminderPolicy: { onDueDay: false } }, versions);
    expect(normaliseCampaignSettings(settings)).toEqual(settings);
  });
});
