import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/core';
import { caseListScope, initialCaseState, taskOwnerOf, type CaseState, type Principal } from '#domain';
import { caseRecordChanges, CaseRecordEntity, CaseRecords, migrateUp, openOrm } from '#persistence';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';

function caseOf(unit: string, unitName: string, over: Partial<CaseState>): CaseState {
  return {
    ...initialCaseState({ caseId: `case:tasks:${unit}`, campaignId: 'tasks', unitId: unit, unitName, category: 'village' }),
    stage: 'cultivation',
    ...over,
  };
}
const sheet = { scores: [], vetoes: [] };
const person = (id: string, role: Principal['role'], unitId: string | null = null): Principal => ({ id, role, unitId });

describe.each(DATABASE_KINDS)('我的待办 in the case read model on %s', (_kind, createDatabase) => {
  let database: TestDatabase;
  let orm: MikroORM;
  let records: CaseRecords;

  beforeAll(async () => {
    database = await createDatabase();
    orm = await openOrm(database.config);
    records = new CaseRecords(orm);
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('works out the task columns of cases already under way when the migration adds them', async () => {
    const names = (await orm.migrator.getPending()).map((migration) => migration.name);
    const adding = names.findIndex((name) => name.endsWith('_case_record_tasks'));
    await orm.migrator.up({ to: names[adding - 1] ?? '' });
    const underWay = caseOf('before', 'Before 村', {
      stage: 'inspection',
      assessorIds: ['alice', 'bob'],
      inspection: { round: 1, sheets: { alice: sheet } },
      deadlines: { cultivation: '2019-09-30', inspection: '2019-11-05' },
    });
    await orm.em
      .getConnection()
      .execute(
        'insert into case_record (case_id, campaign_id, unit_id, unit_name, category, stage, plan_status, last_sequence, updated_at, state, assessor_scope) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ['case:tasks:before', 'tasks', 'before', 'Before 村', 'village', 'inspection', 'not_submitted', 9, new Date(), JSON.stringify(underWay), ',alice,bob,'],
      );
    await migrateUp(orm);
    const row = await orm.em.fork().findOneOrFail(CaseRecordEntity, { caseId: 'case:tasks:before' });
    expect({ dueOn: row.dueOn, unitTask: row.unitTask, officeTask: row.officeTask, jinhuaTask: row.jinhuaTask, scoresOwedBy: row.scoresOwedBy }).toEqual({
      dueOn: '2019-11-05',
      unitTask: null,
      officeTask: null,
      jinhuaTask: null,
      scoresOwedBy: ',bob,',
    });
  });

  it('answers each owner the cases that wait on them, within their scope, by due date (none last) then unit name, paged', async () => {
    const cases = [
      caseOf('u1', 'Delta 村', { planStatus: 'not_submitted', deadlines: { cultivation: '2019-09-30' } }),
      caseOf('u2', 'Beta 村', { planStatus: 'submitted', deadlines: { cultivation: '2019-09-20' } }),
      caseOf('u3', 'Alpha 村', { planStatus: 'submitted', deadlines: { cultivation: '2019-09-20' } }),
      caseOf('u4', 'Gamma 村', { stage: 'self_assessment', planStatus: 'approved', deadlines: { cultivation: '2019-08-01', self_assessment: '2019-10-15' } }),
      caseOf('u5', 'Epsilon 村', { stage: 'passed', assessorIds: ['alice', 'bob'], deadlines: { inspection: '2019-10-01' } }),
      caseOf('u6', 'Zeta 村', { stage: 'recommended', assessorIds: ['alice', 'bob'] }),
      caseOf('u7', 'Eta 村', { stage: 'withdrawn', planStatus: 'submitted', deadlines: { cultivation: '2019-09-01' } }),
    ];
    await orm.em.fork().insertMany(
      CaseRecordEntity,
      cases.map((state) => new CaseRecordEntity(state, new Date())),
    );
    const tasksOf = async (principal: Principal, page = 1, pageSize = 10) => {
      const answer = await records.tasks({ owner: taskOwnerOf(principal), scope: caseListScope(principal), page, pageSize });
      return { items: answer.items.map((item) => `${item.unitName}: ${item.task} ${item.dueOn ?? '–'}`), total: answer.total };
    };

    expect(await tasksOf(person('a', 'administrator'))).toEqual({
      items: ['Alpha 村: review_plan 2019-09-20', 'Beta 村: review_plan 2019-09-20', 'Gamma 村: assign_assessors 2019-10-15', 'Epsilon 村: recommend –'],
      total: 4,
    });
    expect(await tasksOf(person('a', 'administrator'), 2, 3)).toEqual({ items: ['Epsilon 村: recommend –'], total: 4 });
    expect(await tasksOf(person('c1', 'unit_contact', 'u1'))).toEqual({ items: ['Delta 村: submit_plan 2019-09-30'], total: 1 });
    expect(await tasksOf(person('c4', 'unit_contact', 'u4'))).toEqual({ items: ['Gamma 村: submit_self_assessment 2019-10-15'], total: 1 });
    expect(await tasksOf(person('c2', 'unit_contact', 'u2'))).toEqual({ items: [], total: 0 });
    expect(await tasksOf(person('alice', 'assessor'))).toEqual({ items: [], total: 0 });
    expect(await tasksOf(person('bob', 'assessor'))).toEqual({ items: ['Before 村: score_inspection 2019-11-05'], total: 1 });
    expect(await tasksOf(person('bo', 'assessor'))).toEqual({ items: [], total: 0 });
    expect(await tasksOf(person('j', 'jinhua_reviewer'))).toEqual({ items: ['Zeta 村: decide_certification –'], total: 1 });
    expect(await tasksOf(person('x', 'auditor'))).toEqual({ items: [], total: 0 });
  });

  it('keeps the columns in step as the case moves on', async () => {
    const em = orm.em.fork();
    const recorded = await em.findOneOrFail(CaseRecordEntity, { caseId: 'case:tasks:before' });
    const state = recorded.state ?? caseOf('before', 'Before 村', {});
    // bob scores, and the round concludes: the unit passed (the columns an append writes).
    await em.nativeUpdate(
      CaseRecordEntity,
      { caseId: recorded.caseId },
      caseRecordChanges(
        recorded.stage,
        { ...state, inspection: { round: 1, sheets: { alice: sheet, bob: sheet } }, stage: 'passed', lastSequence: state.lastSequence + 2 },
        new Date(),
      ),
    );
    expect(
      await records.tasks({ owner: { kind: 'assessor', assessorId: 'bob' }, scope: { kind: 'assessor', assessorId: 'bob' }, page: 1, pageSize: 10 }),
    ).toEqual({
      items: [],
      total: 0,
    });
    expect((await orm.em.fork().findOneOrFail(CaseRecordEntity, { caseId: 'case:tasks:before' })).officeTask).toBe('recommend');
  });
});
