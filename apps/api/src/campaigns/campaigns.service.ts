import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  BilingualError,
  campaignSettings,
  editedSettingsInput,
  invalidInput,
  normaliseCampaignSettings,
  notFound,
  settingsChanges,
  type Actor,
  type CampaignSettings,
  type SettingChange,
} from '#domain';
import { appendAccountEvent, AccountStore, CampaignEntity, FrameworkCatalog } from '#persistence';
import type { CampaignDto, CreateCampaignDto, UpdateCampaignDto } from './campaign.dto.js';

@Injectable()
export class CampaignsService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(FrameworkCatalog) private readonly frameworks: FrameworkCatalog,
    @Inject(AccountStore) private readonly accounts: AccountStore,
  ) {}

  async create(input: CreateCampaignDto): Promise<CampaignDto> {
    const { settings, problems } = campaignSettings(input, (category) => this.frameworks.versions(category));
    if (problems.length) throw invalidInput(problems);
    const campaign = new CampaignEntity({ id: randomUUID(), year: input.year, name: input.name.trim(), createdAt: new Date(), settings });
    await uniqueByYearAndName(input.year, () => this.orm.em.fork().persist(campaign).flush());
    return this.toDto(campaign);
  }

  /**
   * 修改活动: its name and settings, checked by the same rules as on creation. Cases already enrolled keep the
   * settings they started with (the workflow took them at enrollment); later enrollments take the new ones. The edit
   * is kept on the campaign (who, when) and, setting by setting with the old and new value, in the account records.
   */
  async update(id: string, input: UpdateCampaignDto, actor: Actor, ip: string | null): Promise<CampaignDto> {
    const campaign = await uniqueByYearAndName(null, () =>
      this.orm.em.fork().transactional(async (em) => {
        const found = await em.findOne(CampaignEntity, { id });
        if (!found) throw notFound('创建活动', 'Campaign', id);
        const current = this.settingsOf(found);
        const { settings, problems } = campaignSettings(editedSettingsInput(current, input), (category) => this.frameworks.versions(category));
        if (problems.length) throw invalidInput(problems);
        const name = input.name?.trim() ?? found.name;
        const changes: SettingChange[] = [
          ...(name === found.name ? [] : [{ field: 'name', from: found.name, to: name }]),
          ...settingsChanges(current, settings).map((change) => ({ ...change, field: `settings.${change.field}` })),
        ];
        if (changes.length === 0) return found;
        Object.assign(found, { name, settings, updatedAt: new Date(), updatedBy: actor.id });
        await appendAccountEvent(em, 'CampaignUpdated', { actor, ip, detail: { campaignId: found.id, year: found.year, name, changes } });
        return found;
      }),
    );
    return this.toDto(campaign);
  }

  async list(year: number | undefined): Promise<CampaignDto[]> {
    const campaigns = await this.orm.em.fork().find(CampaignEntity, year === undefined ? {} : { year }, { orderBy: { year: 'desc', name: 'asc' } });
    return this.toDtos(campaigns);
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

  private async toDto(campaign: CampaignEntity): Promise<CampaignDto> {
    return this.dtoOf(campaign, await this.editorNames([campaign]));
  }

  private async toDtos(campaigns: readonly CampaignEntity[]): Promise<CampaignDto[]> {
    const names = await this.editorNames(campaigns);
    return campaigns.map((campaign) => this.dtoOf(campaign, names));
  }

  /** The names the campaigns' last editors go by. */
  private async editorNames(campaigns: readonly CampaignEntity[]): Promise<Map<string, string>> {
    const editors = campaigns.flatMap((campaign) => (campaign.updatedBy === null ? [] : [campaign.updatedBy]));
    return editors.length ? this.accounts.namesOf([...new Set(editors)]) : new Map<string, string>();
  }

  private dtoOf(campaign: CampaignEntity, editorNames: ReadonlyMap<string, string>): CampaignDto {
    return {
      id: campaign.id,
      year: campaign.year,
      name: campaign.name,
      createdAt: campaign.createdAt.toISOString(),
      updatedAt: campaign.updatedAt?.toISOString() ?? null,
      updatedBy: campaign.updatedBy,
      updatedByName: campaign.updatedBy === null ? null : (editorNames.get(campaign.updatedBy) ?? null),
      settings: this.settingsOf(campaign),
    };
  }
}

/** Runs a write that may give a campaign the name another of its year has: that answers 409 CAMPAIGN_EXISTS. */
async function uniqueByYearAndName<T>(year: number | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new BilingualError(
        'conflict',
        'CAMPAIGN_EXISTS',
        `${year === null ? '同一年度' : `${year}年`}已有同名创建活动`,
        `A campaign with this name already exists for ${year ?? 'that year'}`,
      );
    }
    throw error;
  }
}
