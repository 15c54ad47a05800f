import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { CampaignSettings, StoredCampaignSettings } from '#domain';

/** 年度创建活动 — a yearly campaign of the program office. */
@Entity({ tableName: 'campaign' })
@Unique({ properties: ['year', 'name'] })
export class CampaignEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  @Property({ type: 'integer' })
  year: number;

  @Property({ type: 'string', length: 200 })
  name: string;

  @Property({ type: 'datetime' })
  createdAt: Date;

  /**
   * Thresholds, framework versions, targets, stage durations and reminder policy as stored (older campaigns: fewer
   * fields, read through normaliseCampaignSettings); null only on campaigns created before settings existed.
   */
  @Property({ type: 'json', nullable: true })
  settings: StoredCampaignSettings | null;

  /** When its name or settings were last edited (null: never since it was created). */
  @Property({ type: 'datetime', nullable: true })
  updatedAt: Date | null;

  /** Who last edited it: the actor id (an account, or `api-token:<id>`). */
  @Property({ type: 'string', length: 100, nullable: true })
  updatedBy: string | null;

  constructor(input: { id: string; year: number; name: string; createdAt: Date; settings: CampaignSettings }) {
    this.id = input.id;
    this.year = input.year;
    this.name = input.name;
    this.createdAt = input.createdAt;
    this.settings = input.settings;
    this.updatedAt = null;
    this.updatedBy = null;
  }
}
