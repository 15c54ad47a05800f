import { describe, expect, it } from '@jest/globals';
import { isTimeBound, timeRange } from './time-range.js';

describe(timeRange.name, () => {
  it('reads a date as that whole day in Asia/Shanghai, from its 00:00 to the next day’s', () => {
    expect(timeRange({ from: '2019-10-08', to: '2019-10-08' })).toEqual({
      range: { from: new Date('2019-10-07T16:00:00Z'), before: new Date('2019-10-08T16:00:00Z') },
      problems: [],
    });
  });

  it('reads an instant with its offset, the `to` taking in its own millisecond', () => {
    expect(timeRange({ from: '2019-10-08T09:30:00+08:00', to: '2019-10-08T02:00:00.250Z' }).range).toEqual({
      from: new Date('2019-10-08T01:30:00Z'),
      before: new Date('2019-10-08T02:00:00.251Z'),
    });
    expect(timeRange({})).toEqual({ range: { from: null, before: null }, problems: [] });
  });

  it('refuses what is no bound, or a `to` before the `from`, naming the field', () => {
    for (const text of ['2019-10-08T09:30:00', '2019-02-30', '2019-02-30T00:00:00Z', 'yesterday', '20191008', '2019-10-08 09:30+08:00']) {
      expect([text, isTimeBound(text)]).toEqual([text, false]);
    }
    expect(timeRange({ from: 'soon', to: '2019-13-01' }).problems.map((problem) => problem.field)).toEqual(['from', 'to']);
    expect(timeRange({ from: '2019-10-09', to: '2019-10-08' }).problems).toEqual([
      { field: 'to', message: expect.stringContaining('must not be before from') },
    ]);
    expect(timeRange({ from: '2019-10-08T12:00:00+08:00', to: '2019-10-08T03:59:59Z' }).problems.map((problem) => problem.field)).toEqual(['to']);
  });
});
