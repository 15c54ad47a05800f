import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { campaignStatistics, dayNumber, shanghaiDate, type IsoDate } from '#domain';
import { StageStatisticsStore } from '#persistence';
import { OfficeCalendar } from '../common/office-calendar.js';
import type { CampaignStatisticsDto } from './campaign-statistics.dto.js';
import { CampaignsService } from './campaigns.service.js';

/** 创建活动统计 (督办看板's figures), from the stage projection kept with every append: never a fold of the events. */
@Injectable()
export class CampaignStatisticsService {
  private readonly store: StageStatisticsStore;

  constructor(
    @Inject(MikroORM) orm: MikroORM,
    private readonly campaigns: CampaignsService,
    @Inject(OfficeCalendar) private readonly calendar: OfficeCalendar,
  ) {
    this.store = new StageStatisticsStore(orm);
  }

  async statistics(campaignId: string, asOf: IsoDate = this.calendar.today()): Promise<CampaignStatisticsDto> {
    const campaign = await this.campaigns.find(campaignId);
    const reading = await this.store.read(campaign.id, asOf);
    const statistics = campaignStatistics(reading.counts, this.campaigns.settingsOf(campaign).targets, reading.p90Days);
    return {
      campaignId: campaign.id,
      asOf,
      ...statistics,
      overdue: reading.dueStatus.overdue,
      dueStatus: reading.dueStatus,
      longestWaiting: reading.longestWaiting.map(({ stageEnteredAt, ...row }) => ({
        ...row,
        stageEnteredAt: stageEnteredAt.toISOString(),
        daysInStage: Math.max(0, dayNumber(asOf) - dayNumber(shanghaiDate(stageEnteredAt))),
      })),
      certificationsByMonth: [...reading.certificationsByMonth],
    };
  }
}
