import { describe, expect, it } from '@jest/globals';
import { CalendarOutOfRangeError, calendarCoverage } from './calendar/working-days.js';
import { evolveCase, initialCaseState, type CaseState } from './case-state.js';
import { currentDueOn, deadlineOnEntry, deadlineOpenedBy, DEFAULT_STAGE_DURATIONS, dueOnFor, normaliseStageDurations } from './deadlines.js';

const settings = (durations: Partial<typeof DEFAULT_STAGE_DURATIONS>) => ({ stageDurations: { ...DEFAULT_STAGE_DURATIONS, ...durations } });

describe(dueOnFor.name, () => {
  it('counts working days from the day after entry, across the 2025 National Day holiday and its worked Saturday', () => {
    const s = settings({ self_assessment: { days: 5, unit: 'working' } });
    // Sep 26 (Fri) → Sep 28 (Sun, worked), 29, 30, Oct 9, Oct 10.
    expect(dueOnFor('self_assessment', '2025-09-26', s)).toBe('2025-10-10');
  });

  it('moves a calendar-day due date that falls on a holiday or weekend to the next working day', () => {
    const s = settings({ cultivation: { days: 10, unit: 'calendar' } });
    expect(dueOnFor('cultivation', '2024-02-03', s)).toBe('2024-02-18'); // Feb 13 is in the Spring Festival; Sunday Feb 18 is worked
    expect(dueOnFor('cultivation', '2024-03-01', s)).toBe('2024-03-11'); // Monday, unchanged
    expect(dueOnFor('cultivation', '2024-03-06', s)).toBe('2024-03-18'); // Saturday Mar 16 → Monday
  });

  it('uses the defaults: 120 calendar days of cultivation, working days for the later stages', () => {
    expect(dueOnFor('cultivation', '2019-03-01', { stageDurations: DEFAULT_STAGE_DURATIONS })).toBe('2019-07-01'); // day 120 is Saturday Jun 29
    expect(dueOnFor('rectification', '2024-09-20', { stageDurations: DEFAULT_STAGE_DURATIONS })).toBe('2024-10-23'); // Sep 23–30 with Sunday Sep 29 (7), Oct 8–12 with Saturday Oct 12 (12), then 8 more
  });

  it('fails with CalendarOutOfRangeError when the due date would be beyond the calendar', () => {
    const { lastYear } = calendarCoverage();
    expect(() => dueOnFor('cultivation', `${lastYear}-11-01`, { stageDurations: DEFAULT_STAGE_DURATIONS })).toThrow(CalendarOutOfRangeError);
  });
});

describe(normaliseStageDurations.name, () => {
  it('reads the legacy stageDurationDays as calendar days and completes the rest with the defaults', () => {
    expect(normaliseStageDurations({ stageDurationDays: { cultivation: 90, rectification: 30 } })).toEqual({
      ...DEFAULT_STAGE_DURATIONS,
      cultivation: { days: 90, unit: 'calendar' },
      rectification: { days: 30, unit: 'calendar' },
    });
    expect(normaliseStageDurations({})).toEqual(DEFAULT_STAGE_DURATIONS);
  });

  it('prefers stageDurations over the legacy field', () => {
    expect(normaliseStageDurations({ stageDurationDays: { inspection: 9 }, stageDurations: { inspection: { days: 4, unit: 'working' } } }).inspection).toEqual({
      days: 4,
      unit: 'working',
    });
  });
});

describe('due dates set on entering a stage', () => {
  const enrolled = evolveCase(initialCaseState({ caseId: 'c', campaignId: 'k', unitId: 'u', unitName: '某村', category: 'village' }), {
    type: 'CaseEnrolled',
    payload: { campaignId: 'k', unitId: 'u', unitName: '某村', category: 'village' },
  });

  it('opens the deadline of the stage a step enters, and none for a step that stays', () => {
    const fresh = initialCaseState({ caseId: 'c', campaignId: 'k', unitId: 'u', unitName: '某村', category: 'village' });
    expect(deadlineOpenedBy(fresh, enrolled)).toBe('cultivation');
    expect(deadlineOpenedBy(enrolled, evolveCase(enrolled, { type: 'PlanSubmitted', payload: { summary: 's', documentRefs: [] } }))).toBeUndefined();
    expect(deadlineOpenedBy(enrolled, evolveCase(enrolled, { type: 'ReadinessDeclared', payload: {} }))).toBe('self_assessment');
    expect(deadlineOpenedBy(enrolled, evolveCase(enrolled, { type: 'Withdrawn', payload: {} }))).toBeUndefined();
    const rectifying: CaseState = { ...enrolled, stage: 'rectification' };
    expect(deadlineOpenedBy(rectifying, evolveCase(rectifying, { type: 'RectificationSubmitted', payload: { summary: 's', documentRefs: [] } }))).toBe(
      'inspection',
    );
  });

  it('records the due date with what it was computed from', () => {
    const event = deadlineOnEntry('self_assessment', '2025-09-26', { days: 5, unit: 'working' });
    expect(event).toEqual({
      type: 'DeadlineSet',
      payload: { deadline: 'self_assessment', enteredOn: '2025-09-26', duration: { days: 5, unit: 'working' }, dueOn: '2025-10-10' },
    });
    const state = evolveCase({ ...enrolled, stage: 'self_assessment' }, event);
    expect(currentDueOn(state)).toBe('2025-10-10');
  });

  it('leaves the due date pending beyond the calendar, clearing an earlier round’s, until it is set', () => {
    const { lastYear } = calendarCoverage();
    const duration = { days: 20, unit: 'working' } as const;
    const pending = deadlineOnEntry('inspection', `${lastYear}-12-20`, duration);
    expect(pending).toMatchObject({ type: 'DeadlinePending', payload: { deadline: 'inspection', enteredOn: `${lastYear}-12-20`, duration } });
    expect(pending.type === 'DeadlinePending' && pending.payload.reason).toContain(String(lastYear + 1));
    const secondRound: CaseState = { ...enrolled, stage: 'inspection', deadlines: { inspection: `${lastYear}-06-01` } };
    const waiting = evolveCase(secondRound, pending);
    expect(currentDueOn(waiting)).toBeUndefined();
    expect(waiting.pendingDeadline).toEqual({ deadline: 'inspection', enteredOn: `${lastYear}-12-20`, duration });
    const set = evolveCase(waiting, { type: 'DeadlineExtended', payload: { deadline: 'inspection', dueOn: `${lastYear + 1}-01-25` } });
    expect(currentDueOn(set)).toBe(`${lastYear + 1}-01-25`);
    expect(set.pendingDeadline).toBeNull();
  });
});
