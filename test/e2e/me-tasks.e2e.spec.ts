import { beforeAll, expect, it } from '@jest/globals';
import { addWorkingDays, indicatorsOf, type IndicatorFramework } from '#domain';
import { completeCultivation, expectStatus as ok } from '../support/case-journey.js';
import type { AuthHeaders } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';

interface Task {
  caseId: string;
  unitName: string;
  category: string;
  stage: string;
  stageName: string;
  planStatus: string;
  kind: string;
  title: string;
  dueOn: string | null;
  workingDaysLeft: number | null;
  dueStatus: string;
  dueStatusName: string;
}

interface TaskList {
  items: Task[];
  total: number;
  page: number;
  pageSize: number;
  asOf: string;
}

interface CaseView {
  deadlines: Record<string, string>;
}

// Every case of these tests enters its stages on 1 March 2019 (the case clock), so its due dates are 2019 ones.
describeOnEachDatabase(
  '我的待办 (GET /api/me/tasks)',
  { environment: { CASE_CLOCK_SECONDS_PER_DAY: '86400', CASE_CLOCK_STARTS_ON: '2019-03-01' } },
  (suite) => {
    let campaignId: string;
    let sheet: { scores: { indicatorCode: string; points: number; evidence: string[] }[] };

    beforeAll(async () => {
      const { stack } = suite;
      campaignId = await stack.createCampaign({ year: 2019, name: '我的待办 2019' });
      const framework = await ok(stack.http.get<IndicatorFramework>('/frameworks/village/2019.1'));
      sheet = { scores: indicatorsOf(framework).map((indicator) => ({ indicatorCode: indicator.code, points: indicator.weight * 0.95, evidence: ['台账'] })) };
    });

    const tasksOf = (headers: AuthHeaders, query = '') => ok(suite.stack.http.get<TaskList>(`/me/tasks?pageSize=100${query}`, headers));
    /** What the caller is asked to do on these cases: `case → kind`. */
    const asked = async (headers: AuthHeaders, caseIds: readonly string[]) =>
      (await tasksOf(headers)).items.filter((task) => caseIds.includes(task.caseId)).map((task) => `${task.caseId} → ${task.kind}`);
    const deadlinesOf = async (caseId: string) => (await ok(suite.stack.http.get<CaseView>(`/cases/${caseId}`))).deadlines;

    it('shows a unit contact the step their unit owes now, then the next one after each step, and never another unit’s case', async () => {
      const { stack } = suite;
      const { admin } = stack.actors;
      const east = await stack.enrollNewUnit(campaignId, '待办东村');
      const west = await stack.enrollNewUnit(campaignId, '待办西村');
      const [eastContact, westContact] = [await stack.contactOf(east.caseId), await stack.contactOf(west.caseId)];
      const plan = `/cases/${east.caseId}/plan`;

      const first = await tasksOf(eastContact);
      expect(first).toMatchObject({ total: 1, page: 1, pageSize: 100 });
      expect(first.items).toEqual([
        expect.objectContaining({
          caseId: east.caseId,
          unitName: '待办东村',
          category: 'village',
          stage: 'cultivation',
          stageName: '培育 / Cultivation',
          planStatus: 'not_submitted',
          kind: 'submit_plan',
          title: '提交创建方案 / Submit the creation plan',
          dueOn: east.deadlines.cultivation,
        }),
      ]);

      // While the office reviews the plan the unit owes nothing; the office does.
      await ok(stack.http.post(plan, { summary: '六大平台建设方案' }, eastContact));
      expect(await tasksOf(eastContact)).toMatchObject({ items: [], total: 0 });
      expect(await asked(admin, [east.caseId])).toEqual([`${east.caseId} → review_plan`]);

      await ok(stack.http.post(`${plan}/review`, { approve: false, reason: '请补充廉政风险防控内容' }));
      expect((await tasksOf(eastContact)).items).toEqual([
        expect.objectContaining({
          kind: 'resubmit_plan',
          planStatus: 'returned',
          title: '重新提交创建方案（方案已退回） / Resubmit the creation plan (it was returned)',
        }),
      ]);
      expect(await asked(admin, [east.caseId])).toEqual([]);

      await ok(stack.http.post(plan, { summary: '六大平台建设方案（修改稿）' }, eastContact));
      await ok(stack.http.post(`${plan}/review`, { approve: true }));
      expect((await tasksOf(eastContact)).items).toEqual([
        expect.objectContaining({ kind: 'submit_progress_report', title: '提交进度报告 / File a progress report', dueOn: east.deadlines.cultivation }),
      ]);

      await ok(stack.http.post(`/cases/${east.caseId}/progress-reports`, { summary: '三月进度' }, eastContact));
      await ok(stack.http.post(`/cases/${east.caseId}/readiness`, {}, eastContact));
      const selfAssessmentDue = (await deadlinesOf(east.caseId)).self_assessment;
      expect(selfAssessmentDue).toBe(addWorkingDays('2019-03-01', 15));
      expect((await tasksOf(eastContact)).items).toEqual([
        expect.objectContaining({
          kind: 'submit_self_assessment',
          stage: 'self_assessment',
          title: '提交自评 / Submit the self-assessment',
          dueOn: selfAssessmentDue,
        }),
      ]);

      expect((await tasksOf(westContact)).items.map((task) => `${task.caseId} → ${task.kind}`)).toEqual([`${west.caseId} → submit_plan`]);
    });

    it('shows an assessor the inspections assigned to them they have not scored, until they score; then the office and Jinhua their steps', async () => {
      const { stack } = suite;
      const { admin, alice, bob, carol, jinhua } = stack.actors;
      const { caseId } = await stack.enrollNewUnit(campaignId, '待办检查村');
      const c = `/cases/${caseId}`;
      const contact = await stack.contactOf(caseId);
      await completeCultivation(stack, caseId);
      expect(await asked(admin, [caseId])).toEqual([`${caseId} → assign_assessors`]);

      await ok(stack.http.post(`${c}/assessors`, { assessorIds: [stack.ids.alice, stack.ids.bob] }));
      expect(await asked(admin, [caseId])).toEqual([]);
      // Assigned, but nothing to score before the self-assessment opens the inspection.
      expect(await asked(alice, [caseId])).toEqual([]);

      await ok(stack.http.post(`${c}/self-assessment`, sheet, contact));
      const inspectionDue = (await deadlinesOf(caseId)).inspection;
      expect((await tasksOf(alice)).items.filter((task) => task.caseId === caseId)).toEqual([
        expect.objectContaining({ kind: 'score_inspection', stage: 'inspection', title: '提交检查评分 / Score the inspection', dueOn: inspectionDue }),
      ]);
      expect(await asked(bob, [caseId])).toEqual([`${caseId} → score_inspection`]);
      expect(await asked(carol, [caseId])).toEqual([]);
      expect(await tasksOf(contact)).toMatchObject({ items: [], total: 0 });

      await ok(stack.http.post(`${c}/inspection-scores`, sheet, alice));
      expect(await asked(alice, [caseId])).toEqual([]);
      expect(await asked(bob, [caseId])).toEqual([`${caseId} → score_inspection`]);

      await ok(stack.http.post(`${c}/inspection-scores`, sheet, bob));
      expect(await asked(bob, [caseId])).toEqual([]);
      // A task without a due date comes after every task with one (a plan to review, due at the end of cultivation).
      const planned = await stack.enrollNewUnit(campaignId, '待办方案村');
      await ok(stack.http.post(`/cases/${planned.caseId}/plan`, { summary: '方案' }, await stack.contactOf(planned.caseId)));
      const office = await tasksOf(admin);
      expect(office.items.map((task) => task.caseId).slice(-1)).toEqual([caseId]);
      expect(office.items.find((task) => task.caseId === planned.caseId)?.dueOn).toBe(planned.deadlines.cultivation);
      expect(office.items.filter((task) => task.caseId === caseId)).toEqual([
        expect.objectContaining({
          kind: 'recommend',
          stage: 'passed',
          title: '推荐至金华 / Recommend to Jinhua',
          dueOn: null,
          workingDaysLeft: null,
          dueStatus: 'no_due_date',
          dueStatusName: '无期限 / No due date',
        }),
      ]);
      expect(await asked(jinhua, [caseId])).toEqual([]);

      await ok(stack.http.post(`${c}/recommendation`, {}));
      expect(await asked(admin, [caseId])).toEqual([]);
      expect((await tasksOf(jinhua)).items.filter((task) => task.caseId === caseId)).toEqual([
        expect.objectContaining({
          kind: 'decide_certification',
          stage: 'recommended',
          title: '录入金华市级认定结果 / Record the Jinhua decision',
          dueOn: null,
        }),
      ]);

      await ok(stack.http.post(`${c}/jinhua-decision`, { certified: true, documentNumber: '金纪〔2019〕12号', certifiedOn: '2019-12-20' }, jinhua));
      expect(await asked(jinhua, [caseId])).toEqual([]);
    });

    it('orders by due date with none last, then unit name, and pages with a total; the auditor has nothing to do', async () => {
      const { stack } = suite;
      const { admin, auditor } = stack.actors;
      const [first, second, assessing] = [
        await stack.enrollNewUnit(campaignId, '待办排序村 A'),
        await stack.enrollNewUnit(campaignId, '待办排序村 B'),
        await stack.enrollNewUnit(campaignId, '待办排序村 C'),
      ];
      for (const { caseId } of [second, first]) await ok(stack.http.post(`/cases/${caseId}/plan`, { summary: '方案' }, await stack.contactOf(caseId)));
      await completeCultivation(stack, assessing.caseId);

      const all = await tasksOf(admin);
      const ours = [first.caseId, second.caseId, assessing.caseId];
      expect(all.items.filter((task) => ours.includes(task.caseId)).map((task) => `${task.unitName}: ${task.kind} ${task.dueOn ?? '–'}`)).toEqual([
        `待办排序村 C: assign_assessors ${addWorkingDays('2019-03-01', 15)}`,
        `待办排序村 A: review_plan ${first.deadlines.cultivation}`,
        `待办排序村 B: review_plan ${first.deadlines.cultivation}`,
      ]);
      // The whole list keeps the order of due dates (names of other tests' units may collate differently per database).
      const dues = all.items.map((task) => task.dueOn ?? '9999-12-31');
      expect(dues).toEqual([...dues].sort());
      expect(all.total).toBe(all.items.length);

      const secondPage = await ok(stack.http.get<TaskList>('/me/tasks?page=2&pageSize=1', admin));
      expect(secondPage).toMatchObject({ items: [all.items[1]], total: all.total, page: 2, pageSize: 1 });

      expect(await tasksOf(auditor)).toMatchObject({ items: [], total: 0 });
    });

    it('says how near the due date is on the working-day calendar, as of any day asked', async () => {
      const { stack } = suite;
      const { caseId, deadlines } = await stack.enrollNewUnit(campaignId, '待办期限村');
      const contact = await stack.contactOf(caseId);
      const due = deadlines.cultivation ?? '';
      const standing = async (asOf: string) => {
        const list = await tasksOf(contact, `&asOf=${asOf}`);
        const [task] = list.items;
        return { asOf: list.asOf, dueOn: task?.dueOn, workingDaysLeft: task?.workingDaysLeft, dueStatus: task?.dueStatus, dueStatusName: task?.dueStatusName };
      };
      const overdue = addWorkingDays(due, 2);
      expect(await standing(overdue)).toEqual({ asOf: overdue, dueOn: due, workingDaysLeft: -2, dueStatus: 'overdue', dueStatusName: '逾期 / Overdue' });
      expect(await standing(due)).toEqual({ asOf: due, dueOn: due, workingDaysLeft: 0, dueStatus: 'due_soon', dueStatusName: '临期 / Due soon' });
      const soon = addWorkingDays(due, -3);
      expect(await standing(soon)).toEqual({ asOf: soon, dueOn: due, workingDaysLeft: 3, dueStatus: 'due_soon', dueStatusName: '临期 / Due soon' });
      const early = addWorkingDays(due, -4);
      expect(await standing(early)).toEqual({ asOf: early, dueOn: due, workingDaysLeft: 4, dueStatus: 'on_track', dueStatusName: '正常 / On track' });
    });

    it('refuses an asOf that is no date of the working-day calendar, naming the field', async () => {
      const contact = await suite.stack.contactOf((await suite.stack.enrollNewUnit(campaignId, '待办校验村')).caseId);
      for (const asOf of ['2019-02-30', 'tomorrow', '1999-12-31', '2019-10-08T00:00:00Z']) {
        const answer = await suite.stack.http.get<{ code: string; errors?: { field: string; messages: string[] }[] }>(
          `/me/tasks?asOf=${encodeURIComponent(asOf)}`,
          contact,
        );
        expect({ asOf, status: answer.status, fields: answer.body.errors?.map((error) => error.field) }).toEqual({ asOf, status: 400, fields: ['asOf'] });
      }
      const beyond = await suite.stack.http.get<{ errors: { messages: string[] }[] }>('/me/tasks?asOf=1999-12-31', contact);
      expect(beyond.body.errors[0]?.messages[0]).toContain('The working-day calendar covers');
    });
  },
);
