import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDate, type IsoDate } from '#domain';
import { AppConfig } from '#config';

/**
 * The office's "today" (Asia/Shanghai) for due standings, dashboards and ledgers. Under the compressed case clock
 * of demonstrations (CASE_CLOCK_*) it is the clock's day, counted from this process's start, so the cases enrolled
 * on the clock and the office's view of them move together.
 */
@Injectable()
export class OfficeCalendar {
  private readonly startedAt = Date.now();

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  today(): IsoDate {
    const clock = this.config.caseClock;
    if (!clock?.startsOn) return shanghaiDate(new Date());
    const simulated = Date.parse(`${clock.startsOn}T00:00:00+08:00`) + ((Date.now() - this.startedAt) * 86_400) / clock.secondsPerDay;
    return shanghaiDate(new Date(simulated));
  }
}
