import { beforeAll, expect, it } from '@jest/globals';
import { CATEGORY_CODES, DEFAULT_STAGE_DURATIONS, dueOnFor, indicatorsOf, type CategoryCode, type IndicatorFramework } from '#domain';
import { completeCultivation } from '../support/case-journey.js';
import type { StackActors } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';
import { recordHistory } from '../support/temporal.js';

interface CaseView {
  caseId: string;
  stage: string;
  lastSequence: number;
  deadlines: Record<string, string>;
  inspection: { round: number; submittedBy: string[] } | null;
  lastOutcome: { kind: string; total: number } | null;
  certification: { documentNumber: string } | null;
}

interface TimelineEvent {
  type: string;
  occurredAt: string;
  actor: { id: string; role: string };
  reason: string | null;
  frameworkVersion: string | null;
  payload: Record<string, unknown>;
}

function fail(category: string): never {
  throw new Error(`no framework for ${category}`);
}

const UNIT_NAMES: Record<CategoryCode, string> = {
  agency: '市综合行政执法局',
  village: '古山镇胡库下村',
  school: '大司巷小学',
  hospital: '市第一人民医院',
  enterprise: '先行集团',
  culture: '胡公祠清廉文化阵地',
};

// The case's clock runs at real speed from 1 March 2019: every stage of these quick cases is entered that day.
describeOnEachDatabase(
  'the whole lifecycle over HTTP',
  { environment: { CASE_CLOCK_SECONDS_PER_DAY: '86400', CASE_CLOCK_STARTS_ON: '2019-03-01' } },
  (suite) => {
    /** Keeps the history of each path for the replay tier (once, from the SQLite run). */
    const keep = (caseId: string, name: string): Promise<void> => (suite.kind === 'SQLite' ? recordHistory(suite.env.client, caseId, name) : Promise.resolve());

    let ACTORS: StackActors;
    let campaignId: string;
    const frameworks = new Map<CategoryCode, IndicatorFramework>();

    /** A complete sheet at `share` of every indicator's weight, with evidence everywhere. */
    function sheet(category: CategoryCode, share: number, vetoes: string[] = []) {
      const framework = frameworks.get(category);
      if (!framework) throw new Error(`no framework for ${category}`);
      return {
        scores: indicatorsOf(framework).map((indicator) => ({ indicatorCode: indicator.code, points: indicator.weight * share, evidence: ['台账-2019'] })),
        vetoes,
      };
    }

    async function post(path: string, body: unknown, actor: Record<string, string>, status = 200): Promise<CaseView> {
      const result = await suite.stack.http.post<CaseView & { code?: string }>(path, body, actor);
      if (result.status !== status) throw new Error(`${path}: expected ${status}, got ${result.status} ${JSON.stringify(result.body)}`);
      return result.body;
    }

    async function timeline(caseId: string): Promise<TimelineEvent[]> {
      return (await suite.stack.http.get<TimelineEvent[]>(`/cases/${caseId}/events`)).body;
    }

    /** Enrollment through self-assessment, with alice and bob assigned: the case waits for inspection. */
    async function toInspection(category: CategoryCode, name: string): Promise<string> {
      const enrolled = await suite.stack.enrollNewUnit(campaignId, name, category);
      const c = `/cases/${enrolled.caseId}`;
      const contact = await suite.stack.contactOf(enrolled.caseId);
      await completeCultivation(suite.stack, enrolled.caseId, { plan: '创建方案', progress: '第一季度进度' });
      await post(`${c}/assessors`, { assessorIds: [suite.stack.ids.alice, suite.stack.ids.bob] }, ACTORS.admin);
      const inspected = await post(`${c}/self-assessment`, sheet(category, 0.95), contact);
      expect(inspected).toMatchObject({ stage: 'inspection', inspection: { round: 1, submittedBy: [] } });
      return enrolled.caseId;
    }

    beforeAll(async () => {
      ACTORS = suite.stack.actors;
      for (const category of CATEGORY_CODES) {
        frameworks.set(category, (await suite.stack.http.get<IndicatorFramework>(`/frameworks/${category}/2019.1`)).body);
      }
      campaignId = await suite.stack.createCampaign({
        year: 2019,
        name: '2019年永康市清廉细胞示范点创建',
        targets: { agency: 3, school: 8, hospital: 3, enterprise: 9, village: 48 },
        thresholds: { pass: 85, excellent: 90 },
      });
    });

    it.each(CATEGORY_CODES)('takes a %s unit from enrollment to Jinhua certification', async (category) => {
      const caseId = await toInspection(category, UNIT_NAMES[category]);
      const c = `/cases/${caseId}`;
      const afterAlice = await post(`${c}/inspection-scores`, { ...sheet(category, 0.9), findings: ['制度上墙'] }, ACTORS.alice);
      expect(afterAlice).toMatchObject({ stage: 'inspection', inspection: { submittedBy: [suite.stack.ids.alice] } });
      const hidden = (await timeline(caseId)).find((event) => event.type === 'InspectionScoresSubmitted');
      expect(hidden?.payload).toMatchObject({ assessorId: suite.stack.ids.alice, sheet: null, hiddenUntilRoundConcludes: true });

      const passed = await post(`${c}/inspection-scores`, sheet(category, 0.86), ACTORS.bob);
      expect(passed).toMatchObject({ stage: 'passed', lastOutcome: { kind: 'pass', total: 88 } });
      await post(`${c}/recommendation`, { batch: '2019-第一批' }, ACTORS.admin);
      const certified = await post(`${c}/jinhua-decision`, { certified: true, documentNumber: '金纪〔2019〕12号', certifiedOn: '2019-12-20' }, ACTORS.jinhua);
      expect(certified).toMatchObject({ stage: 'certified', certification: { documentNumber: '金纪〔2019〕12号' } });
      // Each stage entered got its due date from the campaign's durations (the defaults), counted from 1 March.
      const settings = { stageDurations: DEFAULT_STAGE_DURATIONS };
      expect(certified.deadlines).toEqual({
        cultivation: '2019-07-01',
        self_assessment: dueOnFor('self_assessment', '2019-03-01', settings),
        inspection: dueOnFor('inspection', '2019-03-01', settings),
      });

      const events = await timeline(caseId);
      expect(events.map((event) => event.type)).toEqual([
        'CaseEnrolled',
        'DeadlineSet',
        'PlanSubmitted',
        'PlanApproved',
        'ProgressReportSubmitted',
        'ReadinessDeclared',
        'DeadlineSet',
        'AssessorsAssigned',
        'SelfAssessmentSubmitted',
        'DeadlineSet',
        'InspectionScoresSubmitted',
        'InspectionScoresSubmitted',
        'InspectionConcluded',
        'Recommended',
        'Certified',
      ]);
      expect(
        events.filter((event) => event.type === 'DeadlineSet' || event.type === 'InspectionConcluded').every((event) => event.actor.role === 'system'),
      ).toBe(true);
      expect(events.every((event) => event.frameworkVersion === '2019.1')).toBe(true);
      const revealed = events.find((event) => event.type === 'InspectionScoresSubmitted')?.payload.sheet as { scores: unknown[] } | null | undefined;
      expect(revealed?.scores).toHaveLength(indicatorsOf(frameworks.get(category) ?? fail(category)).length);
      expect((await suite.stack.http.get<{ ok: boolean }>(`/audit/verify?caseId=${encodeURIComponent(caseId)}`)).body.ok).toBe(true);
      await keep(caseId, `lifecycle-certified-${category}`);
    });

    it('rectifies a shortfall and re-inspects, then revokes the title with a reason', async () => {
      const caseId = await toInspection('village', '石柱镇塘里村');
      const c = `/cases/${caseId}`;
      await post(`${c}/inspection-scores`, { ...sheet('village', 0.8), findings: ['三资台账不全'] }, ACTORS.alice);
      const short = await post(`${c}/inspection-scores`, sheet('village', 0.78), ACTORS.bob);
      expect(short).toMatchObject({ stage: 'rectification', lastOutcome: { kind: 'rectification', total: 79 } });
      const again = await post(`${c}/rectification`, { summary: '三资台账补齐' }, await suite.stack.contactOf(caseId));
      expect(again).toMatchObject({ stage: 'inspection', inspection: { round: 2, submittedBy: [] } });
      await post(`${c}/inspection-scores`, sheet('village', 0.9), ACTORS.alice);
      await post(`${c}/inspection-scores`, sheet('village', 0.9), ACTORS.bob);
      await post(`${c}/recommendation`, {}, ACTORS.admin);
      await post(`${c}/jinhua-decision`, { certified: true, documentNumber: '金纪〔2019〕13号', certifiedOn: '2019-12-20' }, ACTORS.jinhua);
      const refused = await suite.stack.http.post(`${c}/revocation`, { reason: '' }, ACTORS.admin);
      expect(refused.status).toBe(400);
      const revoked = await post(`${c}/revocation`, { reason: '村干部严重违纪，一票否决' }, ACTORS.admin);
      expect(revoked.stage).toBe('revoked');
      expect((await timeline(caseId)).at(-1)).toMatchObject({ type: 'Revoked', reason: '村干部严重违纪，一票否决', actor: { role: 'administrator' } });
      await keep(caseId, 'lifecycle-rectified-revoked');
    });

    it('fails a vetoed unit, and withdraws another with a reason', async () => {
      const vetoed = await toInspection('hospital', '永康市中医院（占位）');
      await post(`/cases/${vetoed}/inspection-scores`, sheet('hospital', 1, ['HO-V1']), ACTORS.alice);
      const failed = await post(`/cases/${vetoed}/inspection-scores`, sheet('hospital', 1), ACTORS.bob);
      expect(failed).toMatchObject({ stage: 'not_recommended', lastOutcome: { kind: 'fail', total: 100 } });

      const leaving = await toInspection('school', '永康中学');
      const withdrawn = await post(`/cases/${leaving}/withdrawal`, { reason: '单位合并' }, ACTORS.admin);
      expect(withdrawn.stage).toBe('withdrawn');
      const afterwards = await suite.stack.http.post<{ code: string; messageEn: string }>(
        `/cases/${leaving}/inspection-scores`,
        sheet('school', 1),
        ACTORS.alice,
      );
      expect(afterwards.status).toBe(409);
      expect(afterwards.body).toMatchObject({ code: 'CASE_CLOSED', messageEn: 'The case is closed (Withdrawn); no further steps' });
      await keep(vetoed, 'lifecycle-vetoed');
      await keep(leaving, 'lifecycle-withdrawn');
    });

    it('records two assessors scoring at the same moment, and concludes once', async () => {
      const caseId = await toInspection('enterprise', '道明光学股份有限公司');
      const [alice, bob] = await Promise.all([
        suite.stack.http.post<CaseView>(`/cases/${caseId}/inspection-scores`, sheet('enterprise', 0.92), ACTORS.alice),
        suite.stack.http.post<CaseView>(`/cases/${caseId}/inspection-scores`, sheet('enterprise', 0.92), ACTORS.bob),
      ]);
      expect([alice.status, bob.status]).toEqual([200, 200]);
      const events = await timeline(caseId);
      expect(events.filter((event) => event.type === 'InspectionScoresSubmitted')).toHaveLength(2);
      expect(events.filter((event) => event.type === 'InspectionConcluded')).toHaveLength(1);
      expect((await suite.stack.http.get<CaseView>(`/cases/${caseId}`)).body).toMatchObject({ stage: 'passed', lastOutcome: { kind: 'excellent' } });
      await keep(caseId, 'lifecycle-concurrent-assessors');
    });

    it('lists cases from the read model: filters, text search, paging and sorting', async () => {
      const campaign = await suite.stack.createCampaign({ year: 2020, name: `列表测试-${Date.now()}` });
      const names = ['西城街道潜村', '下寮村', '尚仁村', '挺能胜'];
      for (const [index, unitName] of names.entries()) {
        const enrolled = await suite.stack.enrollNewUnit(campaign, unitName, index === 3 ? 'enterprise' : 'village');
        if (index === 0) await post(`/cases/${enrolled.caseId}/withdrawal`, { reason: '合并' }, ACTORS.admin);
      }
      const list = (query: string) =>
        suite.stack.http.get<{ items: { unitName: string; stage: string }[]; total: number }>(`/cases?campaignId=${campaign}&${query}`);

      expect((await list('')).body.total).toBe(4);
      const villages = await list('category=village&sort=unitName&order=desc');
      expect(villages.body.items.map((item) => item.unitName)).toEqual([...names.slice(0, 3)].sort().reverse());
      expect((await list('stage=withdrawn')).body.items.map((item) => item.unitName)).toEqual(['西城街道潜村']);
      expect((await list(`q=${encodeURIComponent('村')}`)).body.total).toBe(3);
      const second = await list('pageSize=3&page=2&sort=unitName');
      expect(second.body).toMatchObject({ total: 4, items: [{}] });
      const refused = await suite.stack.http.get<{ errors: { field: string }[] }>(`/cases?pageSize=1000&stage=dreaming&colour=red`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((error) => error.field).sort()).toEqual(['colour', 'pageSize', 'stage']);
    });

    it('derives the state of a case as of any past moment from its events', async () => {
      const enrolled = await suite.stack.enrollNewUnit(campaignId, '江南街道西津经济合作社');
      const c = `/cases/${enrolled.caseId}`;
      await post(`${c}/plan`, { summary: '五议两公开' }, await suite.stack.contactOf(enrolled.caseId));
      const betweenSteps = new Date().toISOString();
      await post(`${c}/plan/review`, { approve: true }, ACTORS.admin);
      const events = await timeline(enrolled.caseId);
      const enrolledAt = events[0]?.occurredAt ?? fail('no enrollment');
      const at = (moment: string) =>
        suite.stack.http.get<{ stage: string; planStatus: string; lastSequence: number; asOf: string }>(`${c}/state?asOf=${encodeURIComponent(moment)}`);

      // The enrollment and, within the same instant or just after, its cultivation due date.
      const recordedBy = (moment: string): number => events.filter((event) => event.occurredAt <= moment).length;
      expect((await at(enrolledAt)).body).toMatchObject({ stage: 'cultivation', planStatus: 'not_submitted', lastSequence: recordedBy(enrolledAt) });
      expect((await at(betweenSteps)).body).toMatchObject({ planStatus: 'submitted', lastSequence: 3, asOf: betweenSteps });
      expect((await at(new Date().toISOString())).body).toMatchObject({ planStatus: 'approved', lastSequence: 4 });
      expect((await at('2018-01-01T00:00:00Z')).status).toBe(404);
      expect((await at('yesterday')).status).toBe(400);
    });

    it('gives campaign statistics from the audit trail that agree with the case list', async () => {
      const certified = await toInspection('culture', '胡公祠（统计）');
      await post(`/cases/${certified}/inspection-scores`, sheet('culture', 0.9), ACTORS.alice);
      await post(`/cases/${certified}/inspection-scores`, sheet('culture', 0.9), ACTORS.bob);
      const vetoed = await toInspection('village', '胡库下村（统计）');
      await post(`/cases/${vetoed}/inspection-scores`, sheet('village', 0.9, ['VI-V1']), ACTORS.alice);
      await post(`/cases/${vetoed}/inspection-scores`, sheet('village', 0.9), ACTORS.bob);
      const statistics = (
        await suite.stack.http.get<{
          cases: number;
          byCategory: Record<string, { target: number | null; total: number; certified: number; byStage: Record<string, number> }>;
          passRate: number | null;
          timeInStage: Record<string, { completed: number; meanDays: number; p90Days: number }>;
        }>(`/campaigns/${campaignId}/statistics`)
      ).body;
      const listed = await suite.stack.http.get<{ items: { stage: string; category: string }[]; total: number }>(
        `/cases?campaignId=${campaignId}&pageSize=100`,
      );
      expect(statistics.cases).toBe(listed.body.total);
      for (const category of CATEGORY_CODES) {
        const ofCategory = listed.body.items.filter((item) => item.category === category);
        expect(statistics.byCategory[category]?.total).toBe(ofCategory.length);
        expect(statistics.byCategory[category]?.certified).toBe(ofCategory.filter((item) => item.stage === 'certified').length);
      }
      expect(statistics.byCategory.village?.target).toBe(48);
      const decided = listed.body.items.filter((item) =>
        ['passed', 'recommended', 'certified', 'not_certified', 'revoked', 'not_recommended'].includes(item.stage),
      );
      const passed = decided.filter((item) => item.stage !== 'not_recommended');
      expect(statistics.passRate).toBeCloseTo(passed.length / decided.length, 4);
      expect(statistics.timeInStage.cultivation?.completed).toBeGreaterThanOrEqual(2);
      expect(statistics.timeInStage.cultivation?.p90Days).toBeGreaterThanOrEqual(statistics.timeInStage.cultivation?.meanDays ?? 0);
    });

    it('refuses illegal steps with a specific reason and writes nothing', async () => {
      const caseId = await toInspection('agency', '市卫生健康局');
      const c = `/cases/${caseId}`;
      const before = (await timeline(caseId)).length;
      const attempts = [
        { path: `${c}/inspection-scores`, body: sheet('agency', 0.9), actor: ACTORS.carol, status: 404, code: 'CASE_NOT_FOUND' },
        { path: `${c}/recommendation`, body: {}, actor: ACTORS.admin, status: 409, code: 'WRONG_STAGE' },
        { path: `${c}/plan`, body: { summary: '再交' }, actor: await suite.stack.contactOf(caseId), status: 409, code: 'WRONG_STAGE' },
        { path: `${c}/jinhua-decision`, body: { certified: false, reason: 'x' }, actor: ACTORS.admin, status: 403, code: 'ROLE_NOT_ALLOWED' },
        { path: `${c}/assessors`, body: { assessorIds: [suite.stack.ids.alice] }, actor: ACTORS.admin, status: 409, code: 'TOO_FEW_ASSESSORS' },
        {
          path: `${c}/assessors`,
          body: { assessorIds: [suite.stack.ids.alice, suite.stack.ids.jinhua, 'someone'] },
          actor: ACTORS.admin,
          status: 400,
          code: 'VALIDATION_FAILED',
        },
        { path: `${c}/conflicts`, body: { assessorId: suite.stack.ids.auditor }, actor: ACTORS.admin, status: 400, code: 'VALIDATION_FAILED' },
        { path: `${c}/inspection-scores`, body: { scores: [], vetoes: [] }, actor: ACTORS.alice, status: 409, code: 'SCORE_SHEET_INVALID' },
      ];
      for (const attempt of attempts) {
        const result = await suite.stack.http.post<{ code: string; messageZh: string; messageEn: string }>(attempt.path, attempt.body, attempt.actor);
        expect([attempt.path, result.status, result.body.code]).toEqual([attempt.path, attempt.status, attempt.code]);
        expect(result.body.messageZh.length).toBeGreaterThan(0);
        expect(result.body.messageEn.length).toBeGreaterThan(0);
      }
      const named = await suite.stack.http.post<{ errors: { field: string; messages: string[] }[] }>(`${c}/assessors`, {
        assessorIds: [suite.stack.ids.alice, suite.stack.ids.jinhua, 'someone'],
      });
      expect(named.body.errors.map((error) => error.field)).toEqual(['assessorIds.1', 'assessorIds.2']);
      expect(named.body.errors[0]?.messages[0]).toContain('not an active assessor account');
      expect(await timeline(caseId)).toHaveLength(before);
    });
  },
);
