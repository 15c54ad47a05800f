import { CampaignEntity } from './campaign.entity.js';
import { CaseEventEntity } from './case-event.entity.js';
import { CaseRecordEntity } from './case-record.entity.js';
import { UnitEntity } from './unit.entity.js';

export { CampaignEntity, CaseEventEntity, CaseRecordEntity, UnitEntity };

export const ENTITIES = [UnitEntity, CampaignEntity, CaseEventEntity, CaseRecordEntity];
