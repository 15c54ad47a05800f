import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { campaignStatistics, caseHistory, type CampaignStatistics, type CaseEventBody, type CaseState, type StageSpan } from '#domain';
import { eventBodyOf, eventsInChainOrder } from '#persistence';
import { CampaignsService } from './campaigns.service.js';

/** 创建活动统计, derived from the campaign's events (the audit trail is the source, not the read model). */
@Injectable()
export class CampaignStatisticsService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly campaigns: CampaignsService,
  ) {}

  async statistics(campaignId: string, today = new Date()): Promise<CampaignStatistics & { campaignId: string; asOf: string }> {
    const campaign = await this.campaigns.find(campaignId);
    const cases: { state: CaseState; spans: StageSpan[] }[] = [];
    let current = null as { caseId: string; events: { body: CaseEventBody; occurredAt: string }[] } | null;
    const close = (): void => {
      if (!current) return;
      const { state, spans } = caseHistory(current.caseId, current.events);
      if (state) cases.push({ state, spans });
    };
    for await (const event of eventsInChainOrder(this.orm.em.fork(), { caseIdPrefix: `case:${campaign.id}:`, batchSize: 2000 })) {
      if (current?.caseId !== event.caseId) {
        close();
        current = { caseId: event.caseId, events: [] };
      }
      current.events.push({ body: eventBodyOf(event), occurredAt: event.occurredAt.toISOString() });
    }
    close();
    const settings = this.campaigns.settingsOf(campaign);
    return { campaignId: campaign.id, asOf: today.toISOString(), ...campaignStatistics(cases, settings.targets, today.toISOString().slice(0, 10)) };
  }
}
