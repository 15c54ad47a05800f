import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { AppConfig } from '#config';
import { CASE_STAGE_NAMES, CaseRuleViolation, decideEnrollment, type Actor, type CaseState } from '#domain';
import {
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  CaseSearchAttributes,
  caseWorkflowId,
  caseSteps,
  enrollmentRecordedUpdate,
  type CaseStepName,
  type CaseWorkflowInput,
  type RecordedCaseEvent,
} from '#contracts';
import { CaseEventStore, FrameworkCatalog } from '#persistence';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { UnitsService } from '../units/units.service.js';
import type { CaseStateDto } from './case.dto.js';

@Injectable()
export class CasesService {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CaseEventStore) private readonly eventStore: CaseEventStore,
    @Inject(FrameworkCatalog) private readonly frameworks: FrameworkCatalog,
    private readonly campaigns: CampaignsService,
    private readonly units: UnitsService,
  ) {}

  /** Starts the unit's case and answers once the enrollment is recorded (read-your-writes). */
  async enroll(campaignId: string, unitId: string, actor: Actor): Promise<CaseStateDto> {
    decideEnrollment(actor);
    const [campaign, unit] = await Promise.all([this.campaigns.find(campaignId), this.units.find(unitId)]);
    const caseId = caseWorkflowId(campaign.id, unit.id);
    const settings = this.campaigns.settingsOf(campaign);
    const input: CaseWorkflowInput = {
      caseId,
      campaignId: campaign.id,
      unitId: unit.id,
      unitName: unit.name,
      category: unit.category,
      enrolledBy: actor,
      framework: this.frameworks.get(unit.category, settings.frameworkVersions[unit.category]),
      thresholds: settings.thresholds,
    };
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

  /** Runs one step of the case as an Update: refused (409/403) before anything is written, or recorded before it answers. */
  async step<N extends CaseStepName>(caseId: string, name: N, command: UpdateArgument<N>): Promise<CaseStateDto> {
    const update = caseSteps[name] as unknown as UpdateDefinition<CaseState, [UpdateArgument<N>]>;
    const handle = this.temporal.workflow.getHandle(caseId);
    try {
      return toDto(await handle.executeUpdate(update, { args: [command] }));
    } catch (error) {
      // A case whose path has ended has no running workflow to take steps; say so rather than "not found".
      if (error instanceof WorkflowNotFoundError && (await handle.describe()).status.name !== 'RUNNING') {
        const stage = CASE_STAGE_NAMES[(await handle.query(caseStateQuery)).stage];
        throw new CaseRuleViolation('CASE_CLOSED', `案件已结束（${stage.zh}），不能再操作`, `The case is closed (${stage.en}); no further steps`);
      }
      throw error;
    }
  }

  async events(caseId: string): Promise<RecordedCaseEvent[]> {
    const events = await this.eventStore.listForCase(caseId);
    if (events.length === 0) {
      // Distinguish an unknown case (404) from one whose enrollment is still being recorded.
      await this.temporal.workflow.getHandle(caseId).describe();
    }
    return redactOpenRoundScores(events);
  }
}

type UpdateArgument<N extends CaseStepName> = (typeof caseSteps)[N] extends UpdateDefinition<CaseState, [infer C]> ? C : never;

/** The case as everyone may see it: who has scored the open round, not what they scored. */
function toDto(state: CaseState): CaseStateDto {
  const name = CASE_STAGE_NAMES[state.stage];
  return {
    ...state,
    stageName: `${name.zh} / ${name.en}`,
    assessorIds: [...state.assessorIds],
    conflictedAssessorIds: [...state.conflictedAssessorIds],
    inspection: state.inspection ? { round: state.inspection.round, submittedBy: Object.keys(state.inspection.sheets) } : null,
    lastOutcome: state.lastOutcome ? { ...state.lastOutcome } : null,
    certification: state.certification ? { ...state.certification } : null,
    deadlines: { ...state.deadlines },
  };
}

/** Assessors score independently: a round's sheets stay hidden in the timeline until the round concludes. */
function redactOpenRoundScores(events: RecordedCaseEvent[]): RecordedCaseEvent[] {
  const concluded = new Set(events.filter((event) => event.type === 'InspectionConcluded').map((event) => event.payload.round));
  return events.map((event) =>
    event.type === 'InspectionScoresSubmitted' && !concluded.has(event.payload.round)
      ? { ...event, payload: { assessorId: event.payload.assessorId, round: event.payload.round, sheet: null, findings: [], hiddenUntilRoundConcludes: true } }
      : event,
  );
}
