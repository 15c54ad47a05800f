import { beforeAll, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import { addWorkingDays } from '#domain';
import type { WorkerActivities } from '../../apps/worker/src/activities/index.js';
import { expectStatus as ok, recommendCase } from '../support/case-journey.js';
import { eventually } from '../support/http.js';
import { TEST_ADMIN, type Enrollment } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';

interface RecordedEvent {
  type: string;
  payload: Record<string, unknown>;
  actor: { id: string; role: string; name: string | null };
  reason: string | null;
}

interface BulkActionItem {
  caseId: string;
  unitName: string;
  status: string;
  code: string | null;
  message: string | null;
}

interface BulkAction {
  id: string;
  kind: string;
  startedBy: { id: string; role: string; name: string | null };
  total: number;
  succeeded: number;
  refused: number;
  failed: number;
  pending: number;
  status: string;
  finishedAt: string | null;
  results: { items: BulkActionItem[]; total: number };
}

const EXTENSION_DAYS = 5;

describeOnEachDatabase('bulk actions (批量操作)', (suite) => {
  let campaignId: string;

  beforeAll(async () => {
    campaignId = await suite.stack.createCampaign({ year: 2019, name: '批量操作' });
  });

  /** Units named `<prefix>-1…n`, enrolled: the ledger's search for the prefix selects exactly them. */
  async function enrollUnits(prefix: string, count: number): Promise<Enrollment[]> {
    const enrolled: Enrollment[] = [];
    for (let index = 1; index <= count; index += 1) enrolled.push(await suite.stack.enrollNewUnit(campaignId, `${prefix}-${index}`));
    return enrolled;
  }

  const events = async (caseId: string): Promise<RecordedEvent[]> => ok(suite.stack.http.get<RecordedEvent[]>(`/cases/${caseId}/events`));
  const bulkAction = (id: string, query = 'pageSize=100'): Promise<BulkAction> => ok(suite.stack.http.get<BulkAction>(`/bulk-actions/${id}?${query}`));
  const completed = (id: string): Promise<BulkAction> =>
    eventually(`bulk action ${id} to complete`, async () => {
      const action = await bulkAction(id);
      return action.status === 'completed' ? action : undefined;
    });
  const start = (body: Record<string, unknown>) => suite.stack.http.post<{ id: string; total: number; code?: string }>('/bulk-actions', body);

  it('extends five cases’ due dates as the administrator who started it, after the office saw and confirmed the count', async () => {
    const cases = await enrollUnits('批量延期村', 5);
    const filter = { campaignId, q: '批量延期村' };
    const preview = await ok(
      suite.stack.http.post<{ count: number; sample: { caseId: string; unitName: string; stage: string }[] }>('/bulk-actions/preview', {
        kind: 'extend_deadline',
        filter,
      }),
    );
    expect(preview.count).toBe(5);
    expect(preview.sample.map((item) => [item.unitName, item.stage])).toEqual(cases.map((_, index) => [`批量延期村-${index + 1}`, 'cultivation']));

    const started = await ok(
      start({ kind: 'extend_deadline', filter, expectedCount: 5, parameters: { workingDays: EXTENSION_DAYS, reason: '统一延期' } }),
      202,
    );
    expect(started.total).toBe(5);
    const action = await completed(started.id);
    expect(action).toMatchObject({ kind: 'extend_deadline', total: 5, succeeded: 5, refused: 0, failed: 0, pending: 0 });
    expect(action.startedBy).toEqual({ id: suite.stack.ids.admin, role: 'administrator', name: TEST_ADMIN.username });
    expect(action.results.items.map((item) => item.status)).toEqual(Array(5).fill('succeeded'));

    for (const { caseId, deadlines } of cases) {
      const extended = (await events(caseId)).filter((event) => event.type === 'DeadlineExtended');
      expect(extended).toHaveLength(1);
      expect(extended[0]?.actor).toMatchObject({ id: suite.stack.ids.admin, role: 'administrator' });
      expect(extended[0]?.reason).toBe(`统一延期（批量操作 / bulk action ${started.id}）`);
      expect(extended[0]?.payload).toEqual({ deadline: 'cultivation', dueOn: addWorkingDays(deadlines.cultivation ?? '', EXTENSION_DAYS) });
    }
    const listed = await ok(suite.stack.http.get<{ items: BulkAction[] }>('/bulk-actions', suite.stack.actors.auditor));
    expect(listed.items.find((item) => item.id === started.id)).toMatchObject({ status: 'completed', succeeded: 5, total: 5 });

    // The start is in the account records too, beside logins and the office's other administrative actions.
    const records = await ok(
      suite.stack.http.get<{ items: { actorId: string; actorRole: string; detail: { bulkActionId: string } }[] }>('/account-events?type=BulkActionStarted'),
    );
    expect(records.items.find((record) => record.detail.bulkActionId === started.id)).toMatchObject({
      actorId: suite.stack.ids.admin,
      actorRole: 'administrator',
      detail: { kind: 'extend_deadline', parameters: { workingDays: EXTENSION_DAYS, reason: '统一延期' }, total: 5 },
    });
  });

  it('shows a case its rules refuse as refused, with the reason, while the others go through', async () => {
    const [certified, ...others] = await enrollUnits('批量拒绝村', 3);
    if (!certified) throw new Error('no case enrolled');
    const { ids, actors } = suite.stack;
    await recommendCase(suite.stack, certified.caseId, 'village', [
      { id: ids.alice, headers: actors.alice },
      { id: ids.carol, headers: actors.carol },
    ]);
    await ok(
      suite.stack.http.post(
        `/cases/${certified.caseId}/jinhua-decision`,
        { certified: true, documentNumber: '金纪〔2019〕12号', certifiedOn: '2019-12-20' },
        actors.jinhua,
      ),
    );
    const caseIds = [certified.caseId, ...others.map((each) => each.caseId)];
    const started = await ok(
      start({ kind: 'extend_deadline', filter: { caseIds }, expectedCount: 3, parameters: { newDueOn: '2027-12-31', reason: '年底统一' } }),
      202,
    );
    const action = await completed(started.id);
    expect(action).toMatchObject({ succeeded: 2, refused: 1, failed: 0 });
    const refused = (await bulkAction(started.id, 'status=refused')).results.items;
    expect(refused).toEqual([
      expect.objectContaining({ caseId: certified.caseId, status: 'refused', code: 'NO_CURRENT_DEADLINE', message: expect.stringContaining('金华市级认定') }),
    ]);
    expect((await events(certified.caseId)).some((event) => event.type === 'DeadlineExtended')).toBe(false);
  });

  it('urges units now (催办), one case or many: each case records the urge as the administrator’s and the notice reaches the unit’s inbox', async () => {
    const [owesPlan, alsoOwesPlan, planSubmitted] = await enrollUnits('批量催办村', 3);
    if (!owesPlan || !alsoOwesPlan || !planSubmitted) throw new Error('no case enrolled');
    const contacts = await Promise.all([owesPlan, alsoOwesPlan, planSubmitted].map((each) => suite.stack.contactOf(each.unitId)));
    await ok(suite.stack.http.post(`/cases/${planSubmitted.caseId}/plan`, { summary: '创建方案' }, contacts[2]));

    // One case: the step answers once the urge is in the audit trail; the unit contact may not urge, nor a unit that owes nothing be urged.
    const single = await suite.stack.http.post<{ openSteps: string[] }>(`/cases/${owesPlan.caseId}/reminders`, { message: '请于本周内提交创建方案' });
    expect(single.status).toBe(200);
    expect(single.body.openSteps).toContain('urge');
    const urged = (await events(owesPlan.caseId)).filter((event) => event.type === 'UrgeSent');
    expect(urged).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: suite.stack.ids.admin, role: 'administrator' }),
        payload: expect.objectContaining({ task: 'submit_plan', message: '请于本周内提交创建方案' }),
      }),
    ]);
    expect((await suite.stack.http.post(`/cases/${owesPlan.caseId}/reminders`, {}, contacts[0])).status).toBe(403);
    const nothingOwed = await suite.stack.http.post<{ code: string }>(`/cases/${planSubmitted.caseId}/reminders`, {});
    expect([nothingOwed.status, nothingOwed.body.code]).toEqual([409, 'NOTHING_TO_URGE']);
    expect((await suite.stack.http.post(`/cases/${owesPlan.caseId}/reminders`, { message: '催'.repeat(501) })).status).toBe(400);

    // Many at once.
    const caseIds = [owesPlan, alsoOwesPlan, planSubmitted].map((each) => each.caseId);
    const started = await ok(start({ kind: 'urge', filter: { caseIds }, expectedCount: 3, parameters: { message: '月底前完成' } }), 202);
    const action = await completed(started.id);
    expect(action).toMatchObject({ succeeded: 2, refused: 1, failed: 0 });
    expect(action.results.items.find((item) => item.caseId === planSubmitted.caseId)).toMatchObject({ status: 'refused', code: 'NOTHING_TO_URGE' });
    for (const [index, each] of [owesPlan, alsoOwesPlan].entries()) {
      const bulk = (await events(each.caseId)).filter((event) => event.type === 'UrgeSent' && event.reason?.includes(started.id) === true);
      expect(bulk).toHaveLength(1);
      expect(bulk[0]).toMatchObject({ actor: { id: suite.stack.ids.admin, role: 'administrator' }, payload: { message: '月底前完成' } });
      const inbox = await ok(suite.stack.http.get<{ items: { kind: string; caseId: string; body: string }[] }>('/inbox', contacts[index]));
      expect(inbox.items.filter((notice) => notice.kind === 'urge' && notice.body.includes('月底前完成'))).toEqual([
        expect.objectContaining({ caseId: each.caseId }),
      ]);
    }
  });

  it('keeps every case’s result across a worker restart mid-run, each case stepped exactly once', async () => {
    const cases = await enrollUnits('批量重启村', 6);
    const [neverStarted, settledUnanswered] = cases;
    if (!neverStarted || !settledUnanswered) throw new Error('no case enrolled');
    // A worker that holds one case's step before taking it, and another's after taking it (as a worker killed mid-step would).
    const untilCancelled = (): Promise<never> => Context.current().cancelled;
    await suite.stack.stopWorker();
    await suite.stack.startWorker((activities): WorkerActivities => ({
      ...activities,
      applyBulkActionStep: async (input) => {
        if (input.caseId === neverStarted.caseId) return untilCancelled();
        const result = await activities.applyBulkActionStep(input);
        return input.caseId === settledUnanswered.caseId ? untilCancelled() : result;
      },
    }));
    const started = await ok(
      start({ kind: 'extend_deadline', filter: { campaignId, q: '批量重启村' }, expectedCount: 6, parameters: { workingDays: 2, reason: '重启测试' } }),
      202,
    );
    await eventually('all but the held case to be stepped', async () => {
      const action = await bulkAction(started.id);
      return action.succeeded === 5 ? action : undefined;
    });
    await suite.stack.stopWorker();

    // With no worker running, the office still reads the action: the held case is pending.
    const halfway = await bulkAction(started.id);
    expect(halfway).toMatchObject({ status: 'running', succeeded: 5, pending: 1 });
    expect(halfway.results.items.filter((item) => item.status === 'pending').map((item) => item.caseId)).toEqual([neverStarted.caseId]);

    await suite.stack.startWorker();
    const action = await completed(started.id);
    expect(action).toMatchObject({ total: 6, succeeded: 6, refused: 0, failed: 0, pending: 0 });
    for (const { caseId } of cases) {
      expect((await events(caseId)).filter((event) => event.type === 'DeadlineExtended')).toHaveLength(1);
    }
  });

  it('refuses to start on a selection whose count changed since it was confirmed (409), and names each bad field (400)', async () => {
    const [first] = await enrollUnits('批量变更村', 2);
    const filter = { campaignId, q: '批量变更村' };
    const preview = await ok(suite.stack.http.post<{ count: number }>('/bulk-actions/preview', { kind: 'urge', filter }));
    expect(preview.count).toBe(2);
    await enrollUnits('批量变更村-新', 1);
    const recorded = async () => (await ok(suite.stack.http.get<{ total: number }>('/account-events?type=BulkActionStarted'))).total;
    const startsBefore = await recorded();
    const changed = await start({ kind: 'urge', filter, expectedCount: preview.count, parameters: {} });
    expect([changed.status, changed.body.code, changed.body]).toEqual([409, 'SELECTION_CHANGED', expect.objectContaining({ count: 3, expectedCount: 2 })]);
    // Nothing started, nothing recorded.
    expect(await recorded()).toBe(startsBefore);

    const fieldsOf = async (body: Record<string, unknown>): Promise<string[]> => {
      const refused = await suite.stack.http.post<{ errors?: { field: string }[] }>('/bulk-actions', body);
      expect(refused.status).toBe(400);
      return (refused.body.errors ?? []).map((error) => error.field);
    };
    expect(await fieldsOf({ kind: 'extend_deadline', filter, expectedCount: 3, parameters: { workingDays: 3 } })).toEqual(['parameters.reason']);
    expect(await fieldsOf({ kind: 'extend_deadline', filter, expectedCount: 3, parameters: { newDueOn: '2019-01-01', reason: '延期' } })).toEqual([
      'parameters.newDueOn',
    ]);
    expect(await fieldsOf({ kind: 'assign_assessors', filter, expectedCount: 3, parameters: { assessorIds: [suite.stack.ids.alice, 'nobody'] } })).toEqual([
      'parameters.assessorIds.1',
    ]);
    expect(await fieldsOf({ kind: 'urge', filter: { ...filter, caseIds: [first?.caseId] }, expectedCount: 1, parameters: {} })).toEqual([
      'filter.campaignId',
      'filter.q',
    ]);
    expect(await fieldsOf({ kind: 'urge', filter: { caseIds: ['case:not-a-case'] }, expectedCount: 1, parameters: {} })).toEqual(['filter.caseIds']);
    expect((await suite.stack.http.post('/bulk-actions', { kind: 'urge', filter, expectedCount: 3, parameters: {} }, suite.stack.actors.auditor)).status).toBe(
      403,
    );
  });
});
