import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { AppConfig } from '#config';
import { CASE_STAGE_NAMES, decideEnrollment, type Actor, type CaseState } from '#domain';
import {
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  CaseSearchAttributes,
  caseWorkflowId,
  enrollmentRecordedUpdate,
  submitPlanUpdate,
  type CaseWorkflowInput,
  type RecordedCaseEvent,
} from '#contracts';
import { CaseEventStore } from '#persistence';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { UnitsService } from '../units/units.service.js';
import type { CaseStateDto, SubmitPlanDto } from './case.dto.js';

@Injectable()
export class CasesService {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CaseEventStore) private readonly eventStore: CaseEventStore,
    private readonly campaigns: CampaignsService,
    private readonly units: UnitsService,
  ) {}

  /** Starts the unit's case and answers once the enrollment is recorded (read-your-writes). */
  async enroll(campaignId: string, unitId: string, actor: Actor): Promise<CaseStateDto> {
    decideEnrollment(actor);
    const [campaign, unit] = await Promise.all([this.campaigns.find(campaignId), this.units.find(unitId)]);
    const caseId = caseWorkflowId(campaign.id, unit.id);
    const input: CaseWorkflowInput = { caseId, campaignId: campaign.id, unitId: unit.id, unitName: unit.name, category: unit.category, enrolledBy: actor };
    const start = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
      workflowId: caseId,
      taskQueue: this.config.temporal.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: CaseSearchAttributes.campaign, value: campaign.id },
        { key: CaseSearchAttributes.category, value: unit.category },
        { key: CaseSearchAttributes.stage, value: 'enrolled' },
      ],
    });
    const state = await this.temporal.workflow.executeUpdateWithStart(enrollmentRecordedUpdate, { startWorkflowOperation: start });
    return toDto(state);
  }

  async state(caseId: string): Promise<CaseStateDto> {
    return toDto(await this.temporal.workflow.getHandle(caseId).query(caseStateQuery));
  }

  async submitPlan(caseId: string, actor: Actor, body: SubmitPlanDto): Promise<CaseStateDto> {
    const state = await this.temporal.workflow
      .getHandle(caseId)
      .executeUpdate(submitPlanUpdate, { args: [{ actor, summary: body.summary, documentRefs: body.documentRefs ?? [] }] });
    return toDto(state);
  }

  async events(caseId: string): Promise<RecordedCaseEvent[]> {
    const events = await this.eventStore.listForCase(caseId);
    if (events.length === 0) {
      // Distinguish an unknown case (404) from one whose enrollment is still being recorded.
      await this.temporal.workflow.getHandle(caseId).describe();
    }
    return events;
  }
}

function toDto(state: CaseState): CaseStateDto {
  const name = CASE_STAGE_NAMES[state.stage];
  return { ...state, stageName: `${name.zh} / ${name.en}` };
}
