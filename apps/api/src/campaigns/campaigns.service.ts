import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { CampaignEntity } from '#persistence';
import { ResourceConflictError, ResourceNotFoundError } from '../common/errors.js';
import type { CampaignDto, CreateCampaignDto } from './campaign.dto.js';

@Injectable()
export class CampaignsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async create(input: CreateCampaignDto): Promise<CampaignDto> {
    const campaign = new CampaignEntity({ id: randomUUID(), year: input.year, name: input.name.trim(), createdAt: new Date() });
    try {
      await this.orm.em.fork().persist(campaign).flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ResourceConflictError('CAMPAIGN_EXISTS', `${input.year}年已有同名创建活动`, `A campaign with this name already exists for ${input.year}`);
      }
      throw error;
    }
    return toDto(campaign);
  }

  async get(id: string): Promise<CampaignDto> {
    return toDto(await this.find(id));
  }

  async find(id: string): Promise<CampaignEntity> {
    const campaign = await this.orm.em.fork().findOne(CampaignEntity, { id });
    if (!campaign) throw new ResourceNotFoundError('创建活动', 'Campaign', id);
    return campaign;
  }
}

function toDto(campaign: CampaignEntity): CampaignDto {
  return { id: campaign.id, year: campaign.year, name: campaign.name, createdAt: campaign.createdAt.toISOString() };
}
