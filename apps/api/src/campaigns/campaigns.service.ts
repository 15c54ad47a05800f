import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { BilingualError, campaignSettings, invalidInput, normaliseCampaignSettings, notFound, type CampaignSettings } from '#domain';
import { CampaignEntity, FrameworkCatalog } from '#persistence';
import type { CampaignDto, CreateCampaignDto } from './campaign.dto.js';

@Injectable()
export class CampaignsService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(FrameworkCatalog) private readonly frameworks: FrameworkCatalog,
  ) {}

  async create(input: CreateCampaignDto): Promise<CampaignDto> {
    const { settings, problems } = campaignSettings(input, (category) => this.frameworks.versions(category));
    if (problems.length) throw invalidInput(problems);
    const campaign = new CampaignEntity({ id: randomUUID(), year: input.year, name: input.name.trim(), createdAt: new Date(), settings });
    try {
      await this.orm.em.fork().persist(campaign).flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new BilingualError(
          'conflict',
          'CAMPAIGN_EXISTS',
          `${input.year}年已有同名创建活动`,
          `A campaign with this name already exists for ${input.year}`,
        );
      }
      throw error;
    }
    return this.toDto(campaign);
  }

  async list(year: number | undefined): Promise<CampaignDto[]> {
    const campaigns = await this.orm.em.fork().find(CampaignEntity, year === undefined ? {} : { year }, { orderBy: { year: 'desc', name: 'asc' } });
    return campaigns.map((campaign) => this.toDto(campaign));
  }

  async get(id: string): Promise<CampaignDto> {
    return this.toDto(await this.find(id));
  }

  async find(id: string): Promise<CampaignEntity> {
    const campaign = await this.orm.em.fork().findOne(CampaignEntity, { id });
    if (!campaign) throw notFound('创建活动', 'Campaign', id);
    return campaign;
  }

  /** A campaign's settings; what older campaigns lack (all settings, working-day durations, reminders) is defaulted. */
  settingsOf(campaign: CampaignEntity): CampaignSettings {
    return campaign.settings ? normaliseCampaignSettings(campaign.settings) : campaignSettings({}, (category) => this.frameworks.versions(category)).settings;
  }

  private toDto(campaign: CampaignEntity): CampaignDto {
    return { id: campaign.id, year: campaign.year, name: campaign.name, createdAt: campaign.createdAt.toISOString(), settings: this.settingsOf(campaign) };
  }
}
