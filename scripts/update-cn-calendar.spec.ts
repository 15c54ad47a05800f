import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { CN_CALENDAR_MODULE, renderCnCalendarModule } from './update-cn-calendar.js';

describe('update-cn-calendar', () => {
  it('the committed calendar data is what the installed chinese-days package gives (run npm run calendar:update after upgrading it)', () => {
    expect(readFileSync(CN_CALENDAR_MODULE, 'utf8')).toBe(renderCnCalendarModule());
  });
});
