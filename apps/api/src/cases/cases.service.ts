import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { AppConfig } from '#config';
import {
  BilingualError,
  CASE_STAGE_NAMES,
  caseListScope,
  decideEnrollment,
  invalidInput,
  notFound,
  openSteps,
  SYSTEM_ACTOR,
  type Actor,
  type CaseState,
  type Principal,
} from '#domain';
import {
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  CaseSearchAttributes,
  caseWorkflowId,
  enrollmentRecordedUpdate,
  type CaseStepName,
  type CaseClock,
  type CaseWorkflowInput,
  type RecordedCaseEvent,
} from '#contracts';
import { caseStepRefusal, CommandSigner, sendCaseStep, type CaseStepCommand } from '#temporal';
import { AccountStore, CaseEventStore, CaseRecords, FrameworkCatalog, StepIdempotencyKeys, type CampaignEntity, type UnitEntity } from '#persistence';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { OfficeCalendar } from '../common/office-calendar.js';
import { caseFilterOf, caseOrderOf, ledgerEntries, type LedgerEntry } from '../ledger/ledger.js';
import { UnitsService } from '../units/units.service.js';
import { ApiMetrics } from '../metrics/api-metrics.js';
import { idempotencyKeyReused, type StepRetry } from './idempotency-key.js';
import type { CaseListDto, CaseReadDto, CaseStateAsOfDto, CaseStateDto, CaseSummaryDto, ListCasesQuery } from './case.dto.js';

@Injectable()
export class CasesService {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(CommandSigner) private readonly signer: CommandSigner,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CaseEventStore) private readonly eventStore: CaseEventStore,
    @Inject(FrameworkCatalog) private readonly frameworks: FrameworkCatalog,
    @Inject(CaseRecords) private readonly records: CaseRecords,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    private readonly campaigns: CampaignsService,
    private readonly units: UnitsService,
    @Inject(OfficeCalendar) private readonly calendar: OfficeCalendar,
    @Inject(StepIdempotencyKeys) private readonly idempotencyKeys: StepIdempotencyKeys,
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
  ) {}

  /** Starts the unit's case and answers once the enrollment is recorded (read-your-writes). */
  async enroll(campaignId: string, unitId: string, actor: Actor): Promise<CaseStateDto> {
    decideEnrollment(actor);
    const [campaign, unit] = await Promise.all([this.campaigns.find(campaignId), this.units.find(unitId)]);
    return this.enrollUnit(campaign, unit, actor);
  }

  /** enroll() for a campaign and unit already loaded (batch enrollment loads them once for all rows). */
  async enrollUnit(campaign: CampaignEntity, unit: UnitEntity, actor: Actor): Promise<CaseStateDto> {
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
      reminders: { policy: settings.reminderPolicy, ...this.clock() },
      stageDurations: settings.stageDurations,
    };
    const start = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
      workflowId: caseId,
      taskQueue: this.config.temporal.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowTaskTimeout: `${this.config.failover.workflowTaskTimeoutSeconds} seconds`,
      typedSearchAttributes: [
        { key: CaseSearchAttributes.campaign, value: campaign.id },
        { key: CaseSearchAttributes.category, value: unit.category },
        { key: CaseSearchAttributes.stage, value: 'enrolled' },
      ],
    });
    try {
      const state = await this.temporal.workflow.executeUpdateWithStart(enrollmentRecordedUpdate, { startWorkflowOperation: start });
      this.metrics.enrollments.inc({ outcome: 'enrolled' });
      return toDto(state, null);
    } catch (error) {
      this.metrics.enrollments.inc({ outcome: error instanceof WorkflowExecutionAlreadyStartedError ? 'already_enrolled' : 'failed' });
      throw error;
    }
  }

  /** The compressed case clock of demonstrations and tests (CASE_CLOCK_*), anchored at this enrollment. */
  private clock(): { clock?: CaseClock } {
    const clock = this.config.caseClock;
    if (!clock) return {};
    const now = new Date();
    const simulatedAnchor = clock.startsOn === undefined ? now : new Date(`${clock.startsOn}T00:00:00+08:00`);
    return { clock: { realAnchor: now.toISOString(), simulatedAnchor: simulatedAnchor.toISOString(), secondsPerDay: clock.secondsPerDay } };
  }

  /** The cases the principal may see (the access policy's scope), filtered, searched, paged, each with how its due date stands. */
  async list(query: ListCasesQuery, principal: Principal): Promise<CaseListDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const asOf = query.asOf ?? this.calendar.today();
    const { items, total } = await this.records.list({
      ...caseFilterOf(query, asOf),
      ...caseOrderOf(query),
      page,
      pageSize,
      scope: caseListScope(principal),
    });
    const entryOf = ledgerEntries(asOf);
    return { items: items.map((record) => toSummary(entryOf(record))), total, page, pageSize, asOf };
  }

  /** The case as it stood at a past moment, derived from its events. */
  async stateAsOf(caseId: string, asOf: string): Promise<CaseStateAsOfDto> {
    const at = new Date(asOf);
    const state = await this.eventStore.stateAsOf(caseId, at);
    if (!state) {
      await this.temporal.workflow.getHandle(caseId).describe();
      throw notFound('该时间点的案件', 'Case at that moment (not yet enrolled)', `${caseId} @ ${at.toISOString()}`);
    }
    return Object.assign(toDto(state, null), { asOf: at.toISOString() });
  }

  /**
   * The case now, with the steps `reader` may take on it: from the read model, so no worker is needed. A case whose
   * enrollment is still being recorded (or an unknown one: 404) is asked of its workflow.
   */
  async state(caseId: string, reader: Actor): Promise<CaseReadDto> {
    const recorded = await this.records.recordedState(caseId);
    if (recorded) return Object.assign(toDto(recorded.state, reader), { recordedAt: recorded.recordedAt.toISOString() });
    const state = await this.temporal.workflow.getHandle(caseId).query(caseStateQuery);
    return Object.assign(toDto(state, reader), { recordedAt: new Date().toISOString() });
  }

  /**
   * Runs one step of the case as an Update: refused (409/403) before anything is written, or recorded before it answers.
   * With an Idempotency-Key, every try is the same Update (one update id, claimed by the first), and once the step is
   * recorded its answer is kept: a retry gets it back and records nothing; the key with another request is refused (422).
   */
  async step<N extends CaseStepName>(
    { caseId, retry }: { readonly caseId: string; readonly retry: StepRetry | null },
    name: N,
    command: CaseStepCommand<N>,
  ): Promise<CaseStateDto> {
    const { actor } = command as { readonly actor: Actor };
    const refused = (error: unknown): boolean => caseStepRefusal(error) !== null;
    return this.metrics.timeStep(
      name,
      async () => {
        if (!retry) return { value: toDto(await sendCaseStep(this.temporal, this.signer, caseId, name, command), actor), outcome: 'recorded' };
        const claim = await this.idempotencyKeys.claim({ actorId: actor.id, key: retry.key, caseId, fingerprint: retry.fingerprint });
        if (claim.fingerprint !== retry.fingerprint) throw idempotencyKeyReused();
        if (claim.response) return { value: claim.response as unknown as CaseStateDto, outcome: 'replayed' };
        try {
          const answer = toDto(await sendCaseStep(this.temporal, this.signer, caseId, name, command, { updateId: claim.updateId }), actor);
          await this.idempotencyKeys.answered(claim, answer);
          return { value: answer, outcome: 'recorded' };
        } catch (error) {
          // Refused, nothing written: the key is free for a corrected request.
          if (refused(error)) await this.idempotencyKeys.release(claim);
          throw error;
        }
      },
      (error) => refused(error) || error instanceof BilingualError,
    );
  }

  /** Assessors are named by account id (or an assessor api token's `api-token:<id>`): anything else is refused, field by field. */
  async requireAssessors(field: string, ids: readonly string[]): Promise<void> {
    const unknown = new Set(await this.accounts.notAssessors(ids.map((id) => id.trim())));
    const problems = ids.flatMap((id, index) =>
      unknown.has(id.trim())
        ? [
            {
              field: ids.length === 1 && field === 'assessorId' ? field : `${field}.${index}`,
              message: `不是在用的检查组成员账户 / not an active assessor account: ${id}`,
            },
          ]
        : [],
    );
    if (problems.length) throw invalidInput(problems);
  }

  /** The case's timeline: each event with the name its actor goes by (null for the system). */
  async events(caseId: string): Promise<NamedCaseEvent[]> {
    const events = await this.eventStore.listForCase(caseId);
    if (events.length === 0) {
      // Distinguish an unknown case (404) from one whose enrollment is still being recorded.
      await this.temporal.workflow.getHandle(caseId).describe();
    }
    const names = await this.accounts.namesOf([...new Set(events.map((event) => event.actor.id).filter((id) => id !== SYSTEM_ACTOR.id))]);
    return redactOpenRoundScores(events).map((event) => ({ ...event, actor: { ...event.actor, name: names.get(event.actor.id) ?? null } }));
  }
}

/** An event of the timeline, its actor named. */
export type NamedCaseEvent = RecordedCaseEvent & { readonly actor: RecordedCaseEvent['actor'] & { readonly name: string | null } };

function toSummary({ record, workingDaysLeft, dueStatus, dueStatusName, documentNumber }: LedgerEntry): CaseSummaryDto {
  const name = CASE_STAGE_NAMES[record.stage];
  return {
    caseId: record.caseId,
    campaignId: record.campaignId,
    unitId: record.unitId,
    unitName: record.unitName,
    category: record.category,
    stage: record.stage,
    stageName: `${name.zh} / ${name.en}`,
    planStatus: record.planStatus,
    assessorIds: [...(record.state?.assessorIds ?? [])],
    lastOutcome: record.state?.lastOutcome ? { ...record.state.lastOutcome } : null,
    deadlines: { ...record.state?.deadlines },
    dueOn: record.dueOn,
    workingDaysLeft,
    dueStatus,
    dueStatusName,
    stageEnteredAt: record.stageEnteredAt?.toISOString() ?? null,
    certifiedOn: record.certifiedOn,
    documentNumber,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The case as everyone may see it (who has scored the open round, not what they scored), and what `reader` may do now. */
function toDto(state: CaseState, reader: Actor | null): CaseStateDto {
  const name = CASE_STAGE_NAMES[state.stage];
  return {
    ...state,
    openSteps: reader ? openSteps(state, reader) : [],
    stageName: `${name.zh} / ${name.en}`,
    assessorIds: [...state.assessorIds],
    conflictedAssessorIds: [...state.conflictedAssessorIds],
    inspection: state.inspection ? { round: state.inspection.round, submittedBy: Object.keys(state.inspection.sheets) } : null,
    lastOutcome: state.lastOutcome ? { ...state.lastOutcome } : null,
    certification: state.certification ? { ...state.certification } : null,
    deadlines: { ...state.deadlines },
    pendingDeadline: state.pendingDeadline ?? null,
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
