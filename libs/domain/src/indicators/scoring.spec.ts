import { describe, expect, it } from '@jest/globals';
import { CaseRuleViolation } from '../case-rule-violation.js';
import type { IndicatorFramework } from './framework.js';
import { InvalidFrameworkError, parseFramework } from './framework-schema.js';
import { assertScoreSheet, combineInspections, decideInspectionOutcome, DEFAULT_THRESHOLDS, thresholdProblems, type ScoreSheet } from './scoring.js';

const name = (zh: string) => ({ zh, en: zh });
const rawFramework = {
  category: 'school',
  version: '2019.1',
  name: name('清廉学校'),
  dimensions: [
    { code: 'D1', name: name('阳光工程'), indicators: [{ code: 'I1', name: name('阳光招生'), weight: 60, evidenceRequired: true }] },
    { code: 'D2', name: name('清廉教育'), indicators: [{ code: 'I2', name: name('清廉文化'), weight: 40, evidenceRequired: false }] },
  ],
  vetoItems: [{ code: 'V1', name: name('招生舞弊') }],
};
const framework: IndicatorFramework = parseFramework(rawFramework, 'inline');

function sheet(i1: number, i2: number, vetoes: string[] = []): ScoreSheet {
  return {
    scores: [
      { indicatorCode: 'I1', points: i1, evidence: ['招生公示.pdf'] },
      { indicatorCode: 'I2', points: i2, evidence: [] },
    ],
    vetoes,
  };
}

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CaseRuleViolation) return `${error.code}: ${error.messageEn}`;
    if (error instanceof InvalidFrameworkError) return error.problems.join(' | ');
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(parseFramework.name, () => {
  it('refuses weights that do not total 100, naming the field', () => {
    const light = { ...rawFramework, dimensions: [rawFramework.dimensions[0]] };
    expect(problemOf(() => parseFramework(light, 'light.json'))).toBe('dimensions: indicator weights total 60, not 100');
  });

  it('refuses a code used twice', () => {
    const second = rawFramework.dimensions[1];
    const clash = { ...rawFramework, dimensions: [rawFramework.dimensions[0], { ...second, code: 'I1' }] };
    expect(problemOf(() => parseFramework(clash, 'clash.json'))).toBe('dimensions: codes used more than once: I1');
  });

  it('refuses a malformed version and unknown fields, every problem at once', () => {
    const problems = problemOf(() => parseFramework({ ...rawFramework, version: 'v1', extra: 1 }, 'x.json'));
    expect(problems).toContain('version: must be <year>.<revision>, e.g. 2019.1');
    expect(problems).toContain('extra');
  });
});

describe(assertScoreSheet.name, () => {
  it('accepts a complete self-assessment with the mandatory evidence', () => {
    expect(() => {
      assertScoreSheet(framework, sheet(50, 30), { complete: true, evidence: true });
    }).not.toThrow();
  });

  it('refuses a self-assessment with an indicator unscored or mandatory evidence missing', () => {
    const partial: ScoreSheet = { scores: [{ indicatorCode: 'I2', points: 30, evidence: [] }], vetoes: [] };
    expect(
      problemOf(() => {
        assertScoreSheet(framework, partial, { complete: true, evidence: true });
      }),
    ).toContain('indicators not scored: I1');
    const noEvidence: ScoreSheet = {
      scores: [
        { indicatorCode: 'I1', points: 50, evidence: ['  '] },
        { indicatorCode: 'I2', points: 30, evidence: [] },
      ],
      vetoes: [],
    };
    expect(
      problemOf(() => {
        assertScoreSheet(framework, noEvidence, { complete: true, evidence: true });
      }),
    ).toContain('I1: evidence is required');
  });

  it('refuses points out of range, unknown or repeated indicators and unknown veto items, all at once', () => {
    const wrong: ScoreSheet = {
      scores: [
        { indicatorCode: 'I1', points: 61, evidence: ['x'] },
        { indicatorCode: 'I1', points: 1, evidence: ['x'] },
        { indicatorCode: 'X9', points: 1, evidence: [] },
      ],
      vetoes: ['V7'],
    };
    const problems = problemOf(() => {
      assertScoreSheet(framework, wrong, { complete: false, evidence: false });
    });
    expect(problems).toMatch(/^SCORE_SHEET_INVALID/);
    for (const expected of ['I1: points must be from 0 to 60', 'I1: scored more than once', 'X9: not an indicator', 'V7: not a veto item']) {
      expect(problems).toContain(expected);
    }
  });
});

describe(combineInspections.name, () => {
  it('needs at least two assessors', () => {
    expect(problemOf(() => combineInspections(framework, [sheet(60, 40)]))).toMatch(/^TOO_FEW_ASSESSORS/);
  });

  it('takes the mean of the assessors, reports their spread and every veto found', () => {
    const combined = combineInspections(framework, [sheet(55, 35), sheet(50, 30, ['V1']), sheet(57.5, 38)]);
    expect(combined).toEqual({ total: 88.5, assessorTotals: [90, 80, 95.5], spread: 15.5, vetoes: ['V1'] });
  });
});

describe(decideInspectionOutcome.name, () => {
  const outcome = (total: number, roundsUsed = 0, vetoes: string[] = []) =>
    decideInspectionOutcome({ total, assessorTotals: [total, total], spread: 0, vetoes }, DEFAULT_THRESHOLDS, roundsUsed).kind;

  it('grades by the campaign thresholds, at the boundaries', () => {
    expect(outcome(90)).toBe('excellent');
    expect(outcome(89.99)).toBe('pass');
    expect(outcome(85)).toBe('pass');
    expect(outcome(84.99)).toBe('rectification');
    expect(outcome(70)).toBe('rectification');
    expect(outcome(69.99)).toBe('fail');
  });

  it('bounds the rectification rounds', () => {
    expect(outcome(80, 1)).toBe('rectification');
    expect(outcome(80, 2)).toBe('fail');
  });

  it('fails a vetoed unit whatever its score, saying why in both languages', () => {
    const vetoed = decideInspectionOutcome({ total: 100, assessorTotals: [100, 100], spread: 0, vetoes: ['V1'] }, DEFAULT_THRESHOLDS, 0);
    expect(vetoed).toMatchObject({ kind: 'fail', reasonZh: '触发一票否决项：V1', reasonEn: 'veto item(s) found: V1' });
  });
});

describe(thresholdProblems.name, () => {
  it('accepts the defaults and names what is inconsistent', () => {
    expect(thresholdProblems(DEFAULT_THRESHOLDS)).toEqual([]);
    expect(thresholdProblems({ pass: 95, excellent: 90, rectificationFloor: 96, maxRectificationRounds: 9 })).toEqual([
      '整改底线须在 0 与合格线之间 / rectificationFloor must be between 0 and pass',
      '合格线须大于 0 且不高于优秀线 / pass must be above 0 and at most excellent',
      '整改轮次须为 0 至 5 的整数 / maxRectificationRounds must be a whole number from 0 to 5',
    ]);
  });
});
