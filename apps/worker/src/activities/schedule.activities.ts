import { Inject, Injectable } from '@nestjs/common';
import { weeklyDigest, type WeeklyDigest } from '#domain';
import type { CultivatingCase, ScheduleActivities, WeeklyDigestInput } from '#contracts';
import { CaseRecords } from '#persistence';

/** What the scheduled workflows read from the case read model. */
@Injectable()
export class ScheduleActivitiesService implements ScheduleActivities {
  constructor(@Inject(CaseRecords) private readonly records: CaseRecords) {}

  async composeWeeklyDigest(input: WeeklyDigestInput): Promise<WeeklyDigest> {
    return weeklyDigest(await this.records.openCasesForDigest(), new Date(), input.stalledAfterDays);
  }

  casesInCultivation(): Promise<CultivatingCase[]> {
    return this.records.inStage('cultivation');
  }
}
