import { describe, expect, it } from '@jest/globals';
import type { Actor } from './actors.js';
import { CaseRuleViolation } from './case-rule-violation.js';
import {
  decideAnnualReview,
  decideAssignAssessors,
  decideDeclareConflict,
  decideDeclareReady,
  decideEnrollment,
  decideExtendDeadline,
  decideInspectionScores,
  decideJinhuaDecision,
  decideProgressReport,
  decideRecommend,
  decideRectification,
  decideReviewPlan,
  decideRevoke,
  decideSelfAssessment,
  decideSubmitPlan,
  decideUrge,
  decideWithdraw,
  type CaseRulesContext,
  type Decision,
} from './case-rules.js';
import { evolveCase, initialCaseState, type CaseState } from './case-state.js';
import { resolverOver } from './documents.js';
import { openSteps } from './open-steps.js';
import { parseFramework } from './indicators/framework-schema.js';
import { DEFAULT_THRESHOLDS, type ScoreSheet } from './indicators/scoring.js';

const name = (zh: string) => ({ zh, en: zh });
const noDocuments = resolverOver([]);
const context: CaseRulesContext = {
  framework: parseFramework(
    {
      category: 'village',
      version: '2019.1',
      name: name('清廉村居'),
      dimensions: [
        { code: 'D1', name: name('四全举措'), indicators: [{ code: 'I1', name: name('三资全纳管'), weight: 70, evidenceRequired: true }] },
        { code: 'D2', name: name('监督'), indicators: [{ code: 'I2', name: name('监事会监督'), weight: 30, evidenceRequired: false }] },
      ],
      vetoItems: [{ code: 'V1', name: name('集体资产重大流失') }],
    },
    'inline',
  ),
  thresholds: DEFAULT_THRESHOLDS,
};

const admin: Actor = { id: 'admin-1', role: 'administrator' };
const contact: Actor = { id: 'contact-1', role: 'unit_contact' };
const alice: Actor = { id: 'assessor-alice', role: 'assessor' };
const bob: Actor = { id: 'assessor-bob', role: 'assessor' };
const carol: Actor = { id: 'assessor-carol', role: 'assessor' };
const jinhua: Actor = { id: 'jinhua-1', role: 'jinhua_reviewer' };
const report = { summary: '四全举措推进情况', documentRefs: ['报告-1'] };

function sheet(i1: number, i2: number, vetoes: string[] = []): ScoreSheet {
  return {
    scores: [
      { indicatorCode: 'I1', points: i1, evidence: ['三资台账'] },
      { indicatorCode: 'I2', points: i2, evidence: [] },
    ],
    vetoes,
  };
}

function apply(state: CaseState, decision: Decision): CaseState {
  return decision.reduce(evolveCase, state);
}

function refusal(decide: () => unknown): string {
  try {
    decide();
  } catch (error) {
    if (error instanceof CaseRuleViolation) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

const enrolled = apply(initialCaseState({ caseId: 'case:c:u', campaignId: 'c', unitId: 'u', unitName: '石柱镇塘里村', category: 'village' }), [
  { type: 'CaseEnrolled', payload: { campaignId: 'c', unitId: 'u', unitName: '石柱镇塘里村', category: 'village' } },
]);

function cultivated(): CaseState {
  let state = apply(enrolled, decideSubmitPlan(enrolled, { actor: contact, ...report }, noDocuments));
  state = apply(state, decideReviewPlan(state, { actor: admin, approve: true }));
  state = apply(state, decideProgressReport(state, { actor: contact, ...report }, noDocuments));
  return apply(state, decideDeclareReady(state, { actor: contact }));
}

function inInspection(): CaseState {
  let state = cultivated();
  state = apply(state, decideAssignAssessors(state, { actor: admin, assessorIds: [alice.id, bob.id] }));
  return apply(state, decideSelfAssessment(state, { actor: contact, sheet: sheet(65, 28) }, context, noDocuments));
}

describe('the case rules, step by step', () => {
  it('goes from enrollment through cultivation, self-assessment, inspection, recommendation to certification', () => {
    let state = inInspection();
    expect(state).toMatchObject({ stage: 'inspection', selfAssessmentTotal: 93, inspection: { round: 1, sheets: {} } });

    const first = decideInspectionScores(state, { actor: alice, sheet: sheet(62, 26), findings: ['台账齐全'] }, context, noDocuments);
    expect(first.map((event) => event.type)).toEqual(['InspectionScoresSubmitted']);
    state = apply(state, first);
    const second = decideInspectionScores(state, { actor: bob, sheet: sheet(60, 25), findings: [] }, context, noDocuments);
    expect(second.map((event) => event.type)).toEqual(['InspectionScoresSubmitted', 'InspectionConcluded']);
    state = apply(state, second);
    expect(state).toMatchObject({ stage: 'passed', lastOutcome: { kind: 'pass', total: 86.5 } });

    state = apply(state, decideRecommend(state, { actor: admin, batch: '2019-第一批' }));
    expect(state.stage).toBe('recommended');
    state = apply(
      state,
      decideJinhuaDecision(state, { actor: jinhua, certified: true, documentNumber: '金纪〔2019〕12号', certifiedOn: '2019-12-20' }, noDocuments),
    );
    expect(state).toMatchObject({ stage: 'certified', certification: { documentNumber: '金纪〔2019〕12号', certifiedOn: '2019-12-20' } });
    state = apply(state, decideAnnualReview(state, { actor: admin, year: 2020, summary: '保持' }));
    state = apply(state, decideRevoke(state, { actor: admin, reason: '村干部严重违纪，一票否决' }));
    expect(state.stage).toBe('revoked');
    expect(refusal(() => decideWithdraw(state, { actor: admin, reason: 'x' }))).toBe('CASE_CLOSED');
  });

  it('sends a shortfall to rectification and re-inspects in a new round, within the bounded rounds', () => {
    let state = inInspection();
    state = apply(state, decideInspectionScores(state, { actor: alice, sheet: sheet(55, 20), findings: ['三资台账不全'] }, context, noDocuments));
    state = apply(state, decideInspectionScores(state, { actor: bob, sheet: sheet(53, 22), findings: [] }, context, noDocuments));
    expect(state).toMatchObject({ stage: 'rectification', rectificationRounds: 1, lastOutcome: { kind: 'rectification', total: 75 } });
    state = apply(state, decideRectification(state, { actor: contact, ...report }, noDocuments));
    expect(state).toMatchObject({ stage: 'inspection', inspection: { round: 2, sheets: {} } });
    state = apply(state, decideInspectionScores(state, { actor: alice, sheet: sheet(56, 20), findings: [] }, context, noDocuments));
    state = apply(state, decideInspectionScores(state, { actor: bob, sheet: sheet(54, 22), findings: [] }, context, noDocuments));
    state = apply(state, decideRectification(state, { actor: contact, ...report }, noDocuments));
    state = apply(state, decideInspectionScores(state, { actor: alice, sheet: sheet(56, 20), findings: [] }, context, noDocuments));
    state = apply(state, decideInspectionScores(state, { actor: bob, sheet: sheet(54, 22), findings: [] }, context, noDocuments));
    expect(state).toMatchObject({ stage: 'not_recommended', rectificationRounds: 2, lastOutcome: { kind: 'fail' } });
  });

  it('fails a vetoed unit whatever its scores', () => {
    let state = inInspection();
    state = apply(state, decideInspectionScores(state, { actor: alice, sheet: sheet(70, 30, ['V1']), findings: [] }, context, noDocuments));
    state = apply(state, decideInspectionScores(state, { actor: bob, sheet: sheet(70, 30), findings: [] }, context, noDocuments));
    expect(state).toMatchObject({ stage: 'not_recommended', lastOutcome: { kind: 'fail', total: 100 } });
  });
});

describe('what the case rules refuse', () => {
  it('refuses steps by the wrong role', () => {
    expect(
      refusal(() => {
        decideEnrollment(contact);
      }),
    ).toBe('ROLE_NOT_ALLOWED');
    expect(refusal(() => decideSubmitPlan(enrolled, { actor: alice, ...report }, noDocuments))).toBe('ROLE_NOT_ALLOWED');
    expect(refusal(() => decideReviewPlan(enrolled, { actor: contact, approve: true }))).toBe('ROLE_NOT_ALLOWED');
    const recommended = (() => {
      let state = inInspection();
      state = apply(state, decideInspectionScores(state, { actor: alice, sheet: sheet(70, 30), findings: [] }, context, noDocuments));
      state = apply(state, decideInspectionScores(state, { actor: bob, sheet: sheet(70, 30), findings: [] }, context, noDocuments));
      return apply(state, decideRecommend(state, { actor: admin }));
    })();
    expect(refusal(() => decideJinhuaDecision(recommended, { actor: admin, certified: false, reason: 'x' }, noDocuments))).toBe('ROLE_NOT_ALLOWED');
  });

  it('refuses steps in the wrong stage or order', () => {
    expect(refusal(() => decideProgressReport(enrolled, { actor: contact, ...report }, noDocuments))).toBe('PLAN_NOT_APPROVED');
    expect(refusal(() => decideDeclareReady(enrolled, { actor: contact }))).toBe('NOT_READY');
    expect(refusal(() => decideSelfAssessment(enrolled, { actor: contact, sheet: sheet(60, 20) }, context, noDocuments))).toBe('WRONG_STAGE');
    expect(refusal(() => decideReviewPlan(enrolled, { actor: admin, approve: true }))).toBe('NO_PLAN_PENDING');
    expect(refusal(() => decideRecommend(inInspection(), { actor: admin }))).toBe('WRONG_STAGE');
    expect(refusal(() => decideRevoke(inInspection(), { actor: admin, reason: 'x' }))).toBe('WRONG_STAGE');
    expect(refusal(() => decideRectification(inInspection(), { actor: contact, ...report }, noDocuments))).toBe('WRONG_STAGE');
  });

  it('demands a reason to return a plan, withdraw, revoke, extend or replace assessors', () => {
    const submitted = apply(enrolled, decideSubmitPlan(enrolled, { actor: contact, ...report }, noDocuments));
    expect(refusal(() => decideReviewPlan(submitted, { actor: admin, approve: false, reason: '  ' }))).toBe('REASON_REQUIRED');
    expect(apply(submitted, decideReviewPlan(submitted, { actor: admin, approve: false, reason: '缺少三务公开措施' })).planStatus).toBe('returned');
    expect(refusal(() => decideWithdraw(enrolled, { actor: admin, reason: '' }))).toBe('REASON_REQUIRED');
    expect(refusal(() => decideExtendDeadline(enrolled, { actor: admin, deadline: 'cultivation', dueOn: '2019-09-30', reason: '' }))).toBe('REASON_REQUIRED');
    const assigned = apply(cultivated(), decideAssignAssessors(cultivated(), { actor: admin, assessorIds: [alice.id, bob.id] }));
    expect(refusal(() => decideAssignAssessors(assigned, { actor: admin, assessorIds: [alice.id, carol.id] }))).toBe('REASON_REQUIRED');
    expect(apply(assigned, decideAssignAssessors(assigned, { actor: admin, assessorIds: [alice.id, carol.id], reason: '工作调动' })).assessorIds).toEqual([
      alice.id,
      carol.id,
    ]);
  });

  it('keeps four eyes and conflicts of interest', () => {
    const ready = cultivated();
    expect(refusal(() => decideAssignAssessors(ready, { actor: admin, assessorIds: [alice.id, alice.id] }))).toBe('TOO_FEW_ASSESSORS');
    const conflicted = apply(ready, decideDeclareConflict(ready, { actor: carol, assessorId: carol.id }));
    expect(refusal(() => decideDeclareConflict(ready, { actor: carol, assessorId: bob.id }))).toBe('NOT_YOUR_CONFLICT');
    expect(refusal(() => decideAssignAssessors(conflicted, { actor: admin, assessorIds: [alice.id, carol.id] }))).toBe('ASSESSOR_CONFLICT');

    let state = inInspection();
    expect(refusal(() => decideInspectionScores(state, { actor: carol, sheet: sheet(60, 20), findings: [] }, context, noDocuments))).toBe('NOT_ASSIGNED');
    state = apply(state, decideInspectionScores(state, { actor: alice, sheet: sheet(60, 20), findings: [] }, context, noDocuments));
    expect(refusal(() => decideInspectionScores(state, { actor: alice, sheet: sheet(61, 20), findings: [] }, context, noDocuments))).toBe('ALREADY_SCORED');
    // A conflict found mid-inspection removes the assessor and their scores; the round waits for a replacement.
    state = apply(state, decideDeclareConflict(state, { actor: admin, assessorId: alice.id }));
    expect(state.assessorIds).toEqual([bob.id]);
    expect(state.inspection?.sheets).toEqual({});
    expect(refusal(() => decideInspectionScores(state, { actor: bob, sheet: sheet(60, 20), findings: [] }, context, noDocuments))).toBe('TOO_FEW_ASSESSORS');
  });

  it('refuses an incomplete self-assessment and a deadline that is not later', () => {
    const ready = cultivated();
    const partial: ScoreSheet = { scores: [{ indicatorCode: 'I2', points: 20, evidence: [] }], vetoes: [] };
    expect(refusal(() => decideSelfAssessment(ready, { actor: contact, sheet: partial }, context, noDocuments))).toBe('SCORE_SHEET_INVALID');
    const extended = apply(ready, decideExtendDeadline(ready, { actor: admin, deadline: 'self_assessment', dueOn: '2019-10-15', reason: '汛期' }));
    expect(extended.deadlines).toEqual({ self_assessment: '2019-10-15' });
    expect(refusal(() => decideExtendDeadline(extended, { actor: admin, deadline: 'self_assessment', dueOn: '2019-10-15', reason: '再延' }))).toBe('NOT_LATER');
  });

  it('takes a document as the evidence an indicator requires, and records what it is in place of its id', () => {
    const ready = cultivated();
    const ledger = { documentId: '0b7e9d2c-1f3a-4c5b-8e6d-7f8a9b0c1d2e', sha256: 'b'.repeat(64), name: '三资台账.xlsx', size: 2048, type: 'application/xlsx' };
    const withoutEvidence: ScoreSheet = {
      scores: [
        { indicatorCode: 'I1', points: 60, evidence: [] },
        { indicatorCode: 'I2', points: 20, evidence: [] },
      ],
      vetoes: [],
    };
    expect(refusal(() => decideSelfAssessment(ready, { actor: contact, sheet: withoutEvidence }, context, noDocuments))).toBe('SCORE_SHEET_INVALID');
    const documented: ScoreSheet = {
      ...withoutEvidence,
      scores: [
        { indicatorCode: 'I1', points: 60, evidence: [], documentIds: [ledger.documentId] },
        { indicatorCode: 'I2', points: 20, evidence: [] },
      ],
    };
    const [event] = decideSelfAssessment(ready, { actor: contact, sheet: documented }, context, resolverOver([ledger]));
    expect(event).toEqual({
      type: 'SelfAssessmentSubmitted',
      payload: {
        sheet: {
          scores: [
            { indicatorCode: 'I1', points: 60, evidence: [], documents: [ledger] },
            { indicatorCode: 'I2', points: 20, evidence: [] },
          ],
          vetoes: [],
        },
        total: 80,
      },
    });
    expect(refusal(() => decideSelfAssessment(ready, { actor: contact, sheet: documented }, context, noDocuments))).toBe('DOCUMENT_UNKNOWN');
  });

  it('gives every refusal in Chinese and English', () => {
    try {
      decideSubmitPlan(inInspection(), { actor: contact, ...report }, noDocuments);
    } catch (error) {
      expect(error).toBeInstanceOf(CaseRuleViolation);
      expect((error as CaseRuleViolation).messageZh).toContain('检查验收');
      expect((error as CaseRuleViolation).messageEn).toContain('Inspection');
    }
    expect.assertions(3);
  });
});

describe('催办 (urge): the office reminds the unit of the step it owes, now', () => {
  it('names the step the unit owes, its due date and the office’s words', () => {
    const dated = apply(enrolled, [
      { type: 'DeadlineSet', payload: { deadline: 'cultivation', enteredOn: '2019-06-03', duration: { days: 120, unit: 'calendar' }, dueOn: '2019-10-08' } },
    ]);
    expect(decideUrge(dated, { actor: admin, message: '  请于本周内提交  ' })).toEqual({ task: 'submit_plan', dueOn: '2019-10-08', message: '请于本周内提交' });
    expect(decideUrge(cultivated(), { actor: admin, message: ' ' })).toEqual({ task: 'submit_self_assessment', dueOn: null, message: null });
  });

  it('is the office’s alone, and refused while the unit owes nothing or once the case is closed', () => {
    expect(refusal(() => decideUrge(enrolled, { actor: contact }))).toBe('ROLE_NOT_ALLOWED');
    const planSubmitted = apply(enrolled, decideSubmitPlan(enrolled, { actor: contact, ...report }, noDocuments));
    expect(refusal(() => decideUrge(planSubmitted, { actor: admin }))).toBe('NOTHING_TO_URGE');
    expect(refusal(() => decideUrge(inInspection(), { actor: admin }))).toBe('NOTHING_TO_URGE');
    const withdrawn = apply(enrolled, decideWithdraw(enrolled, { actor: admin, reason: '主动退出' }));
    expect(refusal(() => decideUrge(withdrawn, { actor: admin }))).toBe('CASE_CLOSED');
    expect(openSteps(planSubmitted, admin)).not.toContain('urge');
  });
});

describe('the steps open to a person now (可办理事项)', () => {
  it('offers each person exactly the steps the rules would take, as the case moves', () => {
    expect(openSteps(enrolled, contact)).toEqual(['submitPlan']);
    expect(openSteps(enrolled, admin)).toEqual(['assignAssessors', 'declareConflict', 'withdraw', 'extendDeadline', 'urge']);
    expect(openSteps(enrolled, jinhua)).toEqual([]);
    const submitted = apply(enrolled, decideSubmitPlan(enrolled, { actor: contact, ...report }, noDocuments));
    expect(openSteps(submitted, contact)).toEqual([]);
    expect(openSteps(submitted, admin)).toContain('reviewPlan');
    const approved = apply(submitted, decideReviewPlan(submitted, { actor: admin, approve: true }));
    expect(openSteps(approved, contact)).toEqual(['submitProgressReport']);
    expect(openSteps(cultivated(), contact)).toEqual(['submitSelfAssessment']);

    let state = inInspection();
    expect(openSteps(state, alice)).toEqual(['declareConflict', 'submitInspectionScores']);
    // An unassigned assessor may declare a conflict, but does not see the case (its access scope): nothing to score.
    expect(openSteps(state, carol)).toEqual(['declareConflict']);
    state = apply(state, decideInspectionScores(state, { actor: alice, sheet: sheet(62, 26), findings: [] }, context, noDocuments));
    expect(openSteps(state, alice)).toEqual(['declareConflict']);
    // The last assessor's step stays open although the probe's empty sheet cannot conclude the round.
    expect(openSteps(state, bob)).toEqual(['declareConflict', 'submitInspectionScores']);
    state = apply(state, decideInspectionScores(state, { actor: bob, sheet: sheet(60, 25), findings: [] }, context, noDocuments));
    expect(state.stage).toBe('passed');
    expect(openSteps(state, admin)).toEqual(['declareConflict', 'recommend', 'withdraw', 'extendDeadline']);
    state = apply(state, decideRecommend(state, { actor: admin }));
    expect(openSteps(state, jinhua)).toEqual(['recordJinhuaDecision']);
  });

  it('leaves stack traces as it found them, and a probe that fails other than by a rule throws with its stack', () => {
    const limit = Error.stackTraceLimit;
    expect(openSteps(enrolled, contact)).toEqual(['submitPlan']);
    expect(Error.stackTraceLimit).toBe(limit);
    // A state no fold produces (its assessors missing): a step's decision fails on it as a bug would.
    const broken = { ...inInspection(), assessorIds: undefined } as unknown as CaseState;
    let thrown: unknown;
    try {
      openSteps(broken, alice);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).stack).toContain('open-steps');
    expect(Error.stackTraceLimit).toBe(limit);
  });
});
