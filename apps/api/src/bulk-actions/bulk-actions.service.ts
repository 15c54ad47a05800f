import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfig } from '#config';
import {
  BilingualError,
  BULK_ACTION_KIND_NAMES,
  bulkActionRequest,
  caseListScope,
  invalidInput,
  MAX_BULK_ACTION_CASES,
  mayReadCase,
  notFound,
  type BulkActionRequest,
  type FieldProblem,
  type Principal,
} from '#domain';
import { BULK_ACTION_WORKFLOW_TYPE, bulkActionWorkflowId, type BulkActionWorkflowInput } from '#contracts';
import { AccountStore, BulkActionEntity, BulkActionStore, CaseRecords, type BulkActionItemEntity, type SelectedCase } from '#persistence';
import { CasesService } from '../cases/cases.service.js';
import { OfficeCalendar } from '../common/office-calendar.js';
import { caseFilterOf } from '../ledger/ledger.js';
import type {
  BulkActionDetailDto,
  BulkActionFilterDto,
  BulkActionItemDto,
  BulkActionItemsQuery,
  BulkActionListDto,
  BulkActionPreviewDto,
  BulkActionPreviewRequestDto,
  BulkActionStartedDto,
  BulkActionSummaryDto,
  StartBulkActionDto,
} from './bulk-action.dto.js';
import type { PageQuery } from '../common/paging.dto.js';

/** Cases a preview shows by name. */
const SAMPLE_SIZE = 10;

/**
 * 批量操作: the office's selection counted and confirmed, frozen as the action's items, and handed to a workflow that
 * takes the step on each case as the administrator who started it; the results are read from the app database.
 */
@Injectable()
export class BulkActionsService {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(BulkActionStore) private readonly store: BulkActionStore,
    @Inject(CaseRecords) private readonly records: CaseRecords,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(OfficeCalendar) private readonly calendar: OfficeCalendar,
    private readonly cases: CasesService,
  ) {}

  /** How many cases the selection has, and the first of them: shown to the office to confirm. */
  async preview(body: BulkActionPreviewRequestDto, principal: Principal): Promise<BulkActionPreviewDto> {
    const { caseIds, total } = await this.select(body.filter, principal, SAMPLE_SIZE);
    return { count: total, maxCases: MAX_BULK_ACTION_CASES, sample: await this.store.selection(caseIds) };
  }

  /**
   * Starts the action on the confirmed selection: its parameters checked (400 naming each field), the selection counted
   * again (409 when it is no longer the count the office confirmed), frozen as the action's items, then the workflow.
   */
  async start(body: StartBulkActionDto, principal: Principal, ip: string | null): Promise<BulkActionStartedDto> {
    const request = bulkActionRequest(body.kind, body.parameters, this.calendar.today());
    if (request.kind === 'assign_assessors') await this.cases.requireAssessors('parameters.assessorIds', request.parameters.assessorIds);
    const { caseIds, total } = await this.select(body.filter, principal, MAX_BULK_ACTION_CASES + 1);
    if (total > MAX_BULK_ACTION_CASES) {
      throw new BilingualError(
        'invalid',
        'SELECTION_TOO_LARGE',
        `所选案件 ${total} 件，一次至多 ${MAX_BULK_ACTION_CASES} 件，请缩小范围`,
        `The selection has ${total} cases; one action takes at most ${MAX_BULK_ACTION_CASES}: narrow it`,
        { fields: [{ field: 'filter', message: `至多 ${MAX_BULK_ACTION_CASES} 件 / at most ${MAX_BULK_ACTION_CASES} cases` }], details: { count: total } },
      );
    }
    const cases = await this.store.selection(caseIds);
    if (cases.length !== body.expectedCount) throw selectionChanged(cases.length, body.expectedCount);
    const names = await this.accounts.namesOf([principal.id]);
    const action = new BulkActionEntity({
      id: randomUUID(),
      kind: request.kind,
      parameters: request.parameters,
      startedById: principal.id,
      startedByRole: principal.role,
      startedByName: names.get(principal.id) ?? null,
      startedAt: new Date(),
      total: cases.length,
    });
    await this.store.create(action, cases);
    await this.startWorkflow(action, request);
    // Recorded once the workflow runs: an action whose workflow could not start is removed again and never happened.
    await this.accounts.record('BulkActionStarted', {
      actor: principal,
      ip,
      detail: { bulkActionId: action.id, kind: action.kind, parameters: { ...action.parameters }, total: action.total },
    });
    return { id: action.id, total: action.total };
  }

  async list(query: PageQuery): Promise<BulkActionListDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.store.list({ offset: (page - 1) * pageSize, limit: pageSize });
    return { items: items.map(toSummary), total, page, pageSize };
  }

  /** The action and its cases' results, paged, only those with `status` when given. */
  async get(bulkActionId: string, query: BulkActionItemsQuery): Promise<BulkActionDetailDto> {
    const action = await this.store.find(bulkActionId);
    if (!action) throw notFound('批量操作', 'Bulk action', bulkActionId, 'BULK_ACTION_NOT_FOUND');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.store.items(bulkActionId, {
      ...(query.status === undefined ? {} : { status: query.status }),
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return Object.assign(toSummary(action), { results: { items: items.map(toItem), total, page, pageSize } });
  }

  /**
   * The cases the filter selects within the principal's scope: how many in all, and the ids of the first `limit` (by
   * unit name). Cases named one by one must all exist, each refused by its place in the list otherwise.
   */
  private async select(filter: BulkActionFilterDto, principal: Principal, limit: number): Promise<{ caseIds: string[]; total: number }> {
    const { caseIds: named, ...ledgerFilter } = filter;
    if (named === undefined) return this.records.caseIdsMatching(caseFilterOf(ledgerFilter, this.calendar.today()), caseListScope(principal), limit);
    const others = (Object.keys(ledgerFilter) as (keyof typeof ledgerFilter)[]).filter((field) => ledgerFilter[field] !== undefined);
    if (others.length) {
      throw invalidInput(
        others.map((field) => ({
          field: `filter.${field}`,
          message: '逐个指定案件（caseIds）时不能再用其他筛选条件 / not together with caseIds (cases named one by one)',
        })),
      );
    }
    const distinct = [...new Set(named)];
    const known = await this.selectionInScope(distinct, principal);
    const knownIds = new Set(known.map((selected) => selected.caseId));
    const unknown: FieldProblem[] = named.flatMap((caseId, index) =>
      knownIds.has(caseId) ? [] : [{ field: `filter.caseIds.${index}`, message: `案件不存在 / no such case: ${caseId}` }],
    );
    if (unknown.length) throw invalidInput(unknown.slice(0, 100));
    return { caseIds: known.slice(0, limit).map((selected) => selected.caseId), total: known.length };
  }

  /** The named cases the principal sees, in the order named (an administrator sees every case; the policy says so). */
  private async selectionInScope(caseIds: readonly string[], principal: Principal): Promise<SelectedCase[]> {
    const selection = await this.store.selection(caseIds);
    if (caseListScope(principal).kind === 'all') return selection;
    const scopes = await Promise.all(selection.map(({ caseId }) => this.records.scopeOf(caseId)));
    return selection.filter((_, index) => {
      const scope = scopes[index];
      return scope !== undefined && scope !== null && mayReadCase(principal, scope);
    });
  }

  /** Starts the action's workflow; when it cannot start, the action is removed again (nothing ran) and the error stands. */
  private async startWorkflow(action: BulkActionEntity, request: BulkActionRequest): Promise<void> {
    const input: BulkActionWorkflowInput = {
      ...request,
      bulkActionId: action.id,
      startedBy: { id: action.startedById, role: action.startedByRole, name: action.startedByName },
      startedAt: action.startedAt.toISOString(),
    };
    const workflowId = bulkActionWorkflowId(action.id);
    try {
      await this.temporal.workflow.start(BULK_ACTION_WORKFLOW_TYPE, { workflowId, taskQueue: this.config.temporal.taskQueue, args: [input] });
    } catch (error) {
      const started = await this.temporal.workflow
        .getHandle(workflowId)
        .describe()
        .then(
          () => true,
          () => false,
        );
      if (started) return;
      await this.store.remove(action.id);
      throw error;
    }
  }
}

function selectionChanged(count: number, expectedCount: number): BilingualError {
  return new BilingualError(
    'conflict',
    'SELECTION_CHANGED',
    `所选案件现为 ${count} 件，与确认的 ${expectedCount} 件不符，请重新确认`,
    `The selection now has ${count} cases, not the ${expectedCount} confirmed: confirm again`,
    { details: { count, expectedCount } },
  );
}

function toSummary(action: BulkActionEntity): BulkActionSummaryDto {
  const name = BULK_ACTION_KIND_NAMES[action.kind];
  return {
    id: action.id,
    kind: action.kind,
    kindName: `${name.zh} / ${name.en}`,
    parameters: { ...action.parameters },
    startedBy: { id: action.startedById, role: action.startedByRole, name: action.startedByName },
    startedAt: action.startedAt.toISOString(),
    total: action.total,
    succeeded: action.succeeded,
    refused: action.refused,
    failed: action.failed,
    pending: action.total - action.succeeded - action.refused - action.failed,
    status: action.status,
    finishedAt: action.finishedAt?.toISOString() ?? null,
  };
}

function toItem(item: BulkActionItemEntity): BulkActionItemDto {
  return {
    caseId: item.caseId,
    unitName: item.unitName,
    stage: item.stage,
    status: item.status,
    code: item.code,
    message: item.message,
    finishedAt: item.finishedAt?.toISOString() ?? null,
  };
}
