import { describe, expect, it } from '@jest/globals';
import { campaignSettings, editedSettingsInput, normaliseCampaignSettings, settingsChanges, type CampaignSettingsInput } from './campaign-settings.js';
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

describe(editedSettingsInput.name, () => {
  const current = campaignSettings({ thresholds: { excellent: 92 }, targets: { village: 48 } }, versions).settings;
  const edited = (edit: CampaignSettingsInput) => campaignSettings(editedSettingsInput(current, edit), versions);

  it('replaces what the edit names and keeps everything else', () => {
    const { settings, problems } = edited({
      thresholds: { pass: 80 },
      stageDurations: { inspection: { days: 10, unit: 'working' } },
      reminderPolicy: { sendAt: '08:30' },
      targets: { school: 8 },
    });
    expect(problems).toEqual([]);
    expect(settings.thresholds).toEqual({ ...current.thresholds, pass: 80 });
    expect(settings.stageDurations).toEqual({ ...current.stageDurations, inspection: { days: 10, unit: 'working' } });
    expect(settings.reminderPolicy).toEqual({ ...current.reminderPolicy, sendAt: '08:30' });
    expect(settings.targets).toEqual({ village: 48, school: 8 });
    expect(settings.frameworkVersions).toEqual(current.frameworkVersions);
  });

  it('takes a stage in the legacy calendar days, and refuses one given both ways', () => {
    expect(edited({ stageDurationDays: { cultivation: 90 } }).settings.stageDurations.cultivation).toEqual({ days: 90, unit: 'calendar' });
    expect(
      edited({ stageDurationDays: { cultivation: 90 }, stageDurations: { cultivation: { days: 60, unit: 'calendar' } } }).problems.map(
        (problem) => problem.field,
      ),
    ).toEqual(['stageDurationDays.cultivation']);
  });

  it('checks the merged settings by the rules of a new campaign', () => {
    expect(edited({ thresholds: { pass: 95 } }).problems.map((problem) => problem.field)).toEqual(['thresholds']);
  });
});

describe(settingsChanges.name, () => {
  it('lists each setting that differs with its old and new value, lists whole', () => {
    const before = campaignSettings({}, versions).settings;
    const after = campaignSettings({ thresholds: { pass: 80 }, targets: { village: 3 }, reminderPolicy: { beforeDueWorkingDays: [3] } }, versions).settings;
    expect(settingsChanges(before, after)).toEqual([
      { field: 'thresholds.pass', from: 85, to: 80 },
      { field: 'reminderPolicy.beforeDueWorkingDays', from: [7, 1], to: [3] },
      { field: 'targets.village', from: null, to: 3 },
    ]);
    expect(settingsChanges(after, after)).toEqual([]);
  });
});
