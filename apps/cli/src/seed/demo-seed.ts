import { randomInt } from 'node:crypto';
import pMap from 'p-map';
import {
  addCalendarDays,
  addWorkingDays,
  CASE_STAGE_NAMES,
  CASE_STAGES,
  type CaseStage,
  type CategoryCode,
  type DeadlineKind,
  type HumanRole,
  type IndicatorFramework,
  type IsoDate,
} from '#domain';
import { ApiClient, type Bearer } from './api-client.js';
import { caseSteps, completeCultivation, uniformSheet, type CaseSteps } from './case-journey.js';
import { assignDemoPaths, type AssignedPath, type DemoPath } from './demo-paths.js';
import { seedYongkang2019Campaign } from './seed-command.js';
import { PLACEHOLDER_PREFIX, YONGKANG_2019_UNITS, type SeedUnit } from './yongkang-2019.js';

/**
 * The demo campaign's stage durations: short enough that, on the compressed case clock, the cases the demo moves
 * first are overdue by the time it is ready, those in self-assessment are due soon, the rest follow within minutes.
 */
export const DEMO_STAGE_DURATIONS = {
  cultivation: { days: 30, unit: 'calendar' },
  self_assessment: { days: 4, unit: 'working' },
  inspection: { days: 10, unit: 'working' },
  rectification: { days: 2, unit: 'working' },
} as const satisfies Record<DeadlineKind, { days: number; unit: 'calendar' | 'working' }>;

/** Steps run for this many units at once: enough to keep the worker busy on two cores, not so many that they queue. */
const CONCURRENCY = 6;

export interface DemoAccount {
  readonly role: HumanRole;
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
}

export interface DemoExampleContact {
  readonly username: string;
  readonly unitName: string;
  readonly standing: string;
}

export interface SeededDemo {
  readonly campaignId: string;
  /** The staff accounts, each with its own password (shown once). */
  readonly accounts: readonly DemoAccount[];
  /** Every unit's contact shares this password; their usernames are contact.01 … contact.71, by unit. */
  readonly contactPassword: string;
  readonly contactCount: number;
  readonly examples: readonly DemoExampleContact[];
  /** Cases of the campaign per stage, as the api lists them. */
  readonly stages: Readonly<Record<CaseStage, number>>;
}

export interface DemoSeedOptions {
  readonly api: string;
  readonly admin: { readonly username: string; readonly password: string };
  /** The office's today on the case clock (for the certification date). */
  readonly today: () => IsoDate;
  /** Real milliseconds of one case day (how long to wait for the first due dates to pass). */
  readonly dayMs: number;
  readonly log: (line: string) => void;
}

/** A passphrase of 16 random letters and digits (about 82 bits), in groups of four; stored only as its hash. */
export function demoPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(''));
  return groups.join('-');
}

const STAFF: readonly Omit<DemoAccount, 'password'>[] = [
  { role: 'auditor', username: 'audit.zhou', displayName: '审计人员 周敏' },
  { role: 'jinhua_reviewer', username: 'jinhua.chen', displayName: '金华市纪委 陈立' },
  { role: 'assessor', username: 'assessor.wang', displayName: '检查组 王芳' },
  { role: 'assessor', username: 'assessor.li', displayName: '检查组 李强' },
  { role: 'assessor', username: 'assessor.zhao', displayName: '检查组 赵敏' },
];

const contactUsername = (unitIndex: number): string => `contact.${String(unitIndex + 1).padStart(2, '0')}`;

export interface DemoCase {
  readonly caseId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly category: CategoryCode;
}

export interface Cast {
  readonly office: Bearer;
  readonly jinhua: Bearer;
  readonly assessors: readonly { readonly id: string; readonly as: Bearer }[];
  contactOf(unitName: string): Promise<Bearer>;
}

/** The demo's campaign with its cases enrolled and the people who take their steps, signed in. */
export interface DemoCampaign {
  readonly campaignId: string;
  readonly client: ApiClient;
  readonly cast: Cast;
  /** The case enrolled for each unit, by unit name. */
  readonly caseOf: ReadonlyMap<string, DemoCase>;
  frameworkOf(category: CategoryCode): Promise<IndicatorFramework>;
  /** The staff accounts, each with its own password (shown once). */
  readonly accounts: readonly DemoAccount[];
  readonly contactPassword: string;
}

/**
 * The 2019 Yongkang campaign with the demo's stage durations, `units` (by default its 71) enrolled, one account per
 * role and a contact per unit, through the running api as the administrator.
 */
export async function prepareDemoCampaign(
  client: ApiClient,
  admin: { readonly username: string; readonly password: string },
  log: (line: string) => void,
  units: readonly SeedUnit[] = YONGKANG_2019_UNITS,
): Promise<DemoCampaign> {
  const office = (await client.login(admin.username, admin.password)).accessToken;
  const { campaignId } = await seedYongkang2019Campaign(client, office, () => undefined, { stageDurations: DEMO_STAGE_DURATIONS }, units);
  const listed = await client.get<{ items: DemoCase[] }>(`/cases?campaignId=${campaignId}&pageSize=100`, office);
  const caseOf = new Map(listed.items.map((item) => [item.unitName, item]));
  log(`已纳入培育 / enrolled: ${listed.items.length} 个单位 / units`);

  const accounts = STAFF.map((account) => ({ ...account, password: demoPassword() }));
  const contactPassword = demoPassword();
  const create = (account: Omit<DemoAccount, 'password'> & { unitId?: string }, password: string) =>
    client.post<{ id: string }>('/accounts', { ...account, password }, office);
  const staff = await pMap(
    accounts,
    async (account) => ({ ...account, ...(await create(account, account.password)), ...(await client.login(account.username, account.password)) }),
    {
      concurrency: 2,
    },
  );
  await pMap(
    units,
    (unit) =>
      create(
        {
          role: 'unit_contact',
          username: contactUsername(YONGKANG_2019_UNITS.indexOf(unit)),
          displayName: `${unit.name} 联络人`,
          unitId: caseOf.get(unit.name)?.unitId ?? '',
        },
        contactPassword,
      ),
    { concurrency: 2 },
  );
  log(`已创建账户 / accounts created: ${staff.length} 名工作人员 / staff, ${units.length} 名单位联络人 / unit contacts`);

  const sessions = new Map<string, Promise<Bearer>>();
  const byRole = (role: HumanRole) => staff.filter((account) => account.role === role);
  const cast: Cast = {
    office,
    jinhua: byRole('jinhua_reviewer')[0]?.accessToken ?? '',
    assessors: byRole('assessor').map((assessor) => ({ id: assessor.accountId, as: assessor.accessToken })),
    contactOf: (unitName) => {
      let session = sessions.get(unitName);
      if (!session) {
        const index = YONGKANG_2019_UNITS.findIndex((unit) => unit.name === unitName);
        session = client.login(contactUsername(index), contactPassword).then((login) => login.accessToken);
        sessions.set(unitName, session);
      }
      return session;
    },
  };

  const campaign = await client.get<{ settings: { frameworkVersions: Record<CategoryCode, string> } }>(`/campaigns/${campaignId}`, office);
  const frameworks = new Map<CategoryCode, Promise<IndicatorFramework>>();
  const frameworkOf = (category: CategoryCode) => {
    let framework = frameworks.get(category);
    if (!framework) {
      framework = client.get<IndicatorFramework>(`/frameworks/${category}/${campaign.settings.frameworkVersions[category]}`, office);
      frameworks.set(category, framework);
    }
    return framework;
  };
  return { campaignId, client, cast, caseOf, frameworkOf, accounts, contactPassword };
}

/**
 * Takes every case along its path (demo-paths.ts), `concurrency` cases at a time, each step as the person who takes
 * it; `index` in `assigned` varies scores, assessors and numbers between units.
 */
export async function walkDemoPaths(
  campaign: DemoCampaign,
  assigned: readonly AssignedPath<SeedUnit>[],
  options: { readonly today: () => IsoDate; readonly concurrency: number; readonly log: (line: string) => void },
): Promise<void> {
  let done = 0;
  await pMap(
    assigned.entries(),
    async ([index, { unit, path }]) => {
      const demoCase = campaign.caseOf.get(unit.name);
      if (!demoCase) throw new Error(`${unit.name} was not enrolled`);
      await walk(path, index, demoCase, {
        client: campaign.client,
        cast: campaign.cast,
        framework: await campaign.frameworkOf(demoCase.category),
        today: options.today,
      });
      done += 1;
      if (done % 10 === 0 || done === assigned.length) options.log(`  ${done}/${assigned.length} 单位已就位 / units on their paths`);
    },
    { concurrency: options.concurrency },
  );
}

/**
 * `npm run demo`'s data, through the running api: the 2019 Yongkang campaign with the demo's stage durations, its
 * 71 units enrolled, one account per role and a contact per unit, and every unit taken along its path (demo-paths.ts)
 * by the people who take each step. Ready once the first cases are overdue on the case clock.
 */
export async function seedDemo(options: DemoSeedOptions): Promise<SeededDemo> {
  const { log } = options;
  const started = Date.now();
  const campaign = await prepareDemoCampaign(new ApiClient(options.api), options.admin, log);
  const { client, cast, campaignId, accounts, contactPassword } = campaign;
  const assigned = assignDemoPaths(YONGKANG_2019_UNITS);
  await walkDemoPaths(campaign, assigned, { today: options.today, concurrency: CONCURRENCY, log });
  log(`演示路径完成 / paths done in ${Math.round((Date.now() - started) / 1000)} s`);

  const exampleOf = (path: DemoPath, standing: string): DemoExampleContact => {
    // A unit the article names, where the path has one.
    const onPath = assigned.filter((each) => each.path === path).map((each) => each.unit);
    const unit = onPath.find((each) => !each.name.startsWith(PLACEHOLDER_PREFIX)) ?? onPath[0];
    if (!unit) throw new Error(`no unit takes the path ${path}`);
    return { username: contactUsername(YONGKANG_2019_UNITS.indexOf(unit)), unitName: unit.name, standing };
  };
  const overdue = exampleOf('rectificationOverdue', '整改，逾期 / rectification, overdue');
  log('等待模拟时钟使首批案件逾期 / waiting for the case clock to make the first cases overdue…');
  await untilOverdue(client, await cast.contactOf(overdue.unitName), 6 * options.dayMs + 30_000);

  const stages = Object.fromEntries(
    await Promise.all(
      CASE_STAGES.map(
        async (stage) =>
          [stage, (await client.get<{ total: number }>(`/cases?campaignId=${campaignId}&stage=${stage}&pageSize=1`, cast.office)).total] as const,
      ),
    ),
  ) as Record<CaseStage, number>;
  return {
    campaignId,
    accounts: [{ role: 'administrator', username: options.admin.username, displayName: '市纪委项目办', password: options.admin.password }, ...accounts],
    contactPassword,
    contactCount: YONGKANG_2019_UNITS.length,
    examples: [
      overdue,
      exampleOf('cultivationPlanReturned', '培育，方案被退回 / cultivation, plan returned'),
      exampleOf('selfAssessmentAssigned', '自评 / self-assessment'),
      exampleOf('certified', '已认定 / certified'),
    ],
    stages,
  };
}

/** Polls the contact's tasks until one is overdue (the case clock moves on its own). */
async function untilOverdue(client: ApiClient, contact: Bearer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const tasks = await client.get<{ items: { dueStatus: string }[] }>('/me/tasks', contact);
    if (tasks.items.some((task) => task.dueStatus === 'overdue')) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no case became overdue within ${Math.round(timeoutMs / 1000)} s: is the case clock running?`);
}

interface Walk {
  readonly client: ApiClient;
  readonly cast: Cast;
  readonly framework: IndicatorFramework;
  readonly today: () => IsoDate;
}

/** Takes one case along its path; `index` varies scores, assessors and numbers between units. */
async function walk(path: DemoPath, index: number, demoCase: DemoCase, { client, cast, framework, today }: Walk): Promise<unknown> {
  const steps: CaseSteps<Bearer> = caseSteps((stepPath, body, as) => client.post(stepPath, body, as), demoCase.caseId);
  const contact = await cast.contactOf(demoCase.unitName);
  const people = { office: cast.office, contact };
  const [first, second] = [cast.assessors[index % 3], cast.assessors[(index + 1) % 3]] as const;
  if (!first || !second) throw new Error('the demo needs three assessors');
  const plan = `${demoCase.unitName}清廉细胞创建方案：组织领导、制度建设、廉政风险防控、廉洁文化、监督检查、示范引领六大平台建设`;
  const progress = `${demoCase.unitName}第三季度创建进度：廉政风险点排查完成，制度汇编已印发`;
  const share = (base: number) => base + (index % 5) / 100;

  const cultivate = () => completeCultivation(steps, people, { plan, progress });
  const selfAssess = async () => {
    await cultivate();
    await steps.assignAssessors(cast.office, [first.id, second.id]);
    await steps.submitSelfAssessment(contact, uniformSheet(framework, share(0.9)));
  };
  const inspect = async (shares: readonly [number, number], findings: readonly string[] = []) => {
    await selfAssess();
    await steps.submitInspectionScores(first.as, uniformSheet(framework, shares[0]), findings);
    await steps.submitInspectionScores(second.as, uniformSheet(framework, shares[1]), findings);
  };
  const toRectification = () => inspect([0.8, 0.78], ['廉政风险防控台账不完整', '廉洁文化阵地建设未达标']);
  const toRecommended = async () => {
    await inspect([share(0.88), share(0.86)]);
    await steps.recommend(cast.office, '2019年第一批');
  };
  const certify = async () => {
    await toRecommended();
    const notice = await client.upload(
      demoCase.caseId,
      { name: '金华市级清廉细胞示范点认定通知.txt', type: 'text/plain', content: `${demoCase.unitName}：经审核，认定为金华市级清廉细胞示范点。` },
      cast.jinhua,
    );
    await steps.certify(cast.jinhua, { documentNumber: `金纪〔2019〕${String(index + 1)}号`, certifiedOn: today(), documentIds: [notice] });
  };
  const extend = async (deadline: DeadlineKind, later: (due: IsoDate) => IsoDate, reason: string) => {
    const state = await client.get<{ deadlines: Partial<Record<DeadlineKind, IsoDate>> }>(`/cases/${demoCase.caseId}`, cast.office);
    const due = state.deadlines[deadline];
    if (due === undefined) throw new Error(`${demoCase.caseId} has no ${deadline} due date to extend`);
    await steps.extendDeadline(cast.office, deadline, later(due), reason);
  };

  switch (path) {
    case 'rectificationOverdue':
      return toRectification();
    case 'rectificationExtended':
      await toRectification();
      return extend('rectification', (due) => addWorkingDays(due, 5), '单位申请：整改涉及制度修订，须经党委会审议');
    case 'inspectionSecondRound':
      await toRectification();
      return steps.submitRectification(contact, '整改报告：已补齐廉政风险防控台账，廉洁文化阵地完成改造');
    case 'inspectionOneScore':
      await selfAssess();
      await steps.submitInspectionScores(first.as, uniformSheet(framework, share(0.87)));
      return;
    case 'inspectionAwaitingScores':
      return selfAssess();
    case 'selfAssessmentAssigned':
      await cultivate();
      await steps.assignAssessors(cast.office, [first.id, second.id]);
      return;
    case 'selfAssessmentUnassigned':
      return cultivate();
    case 'passed':
      return inspect([share(0.88), share(0.86)]);
    case 'recommended':
      return toRecommended();
    case 'certified':
      return certify();
    case 'certifiedReviewed':
      await certify();
      await steps.recordAnnualReview(cast.jinhua, 2019, '年度复核：示范点各项制度运行良好，保持命名');
      return;
    case 'revoked':
      await certify();
      return steps.revoke(cast.office, '发生违纪违法问题，一票否决，撤销命名');
    case 'notCertified':
      await toRecommended();
      return steps.declineCertification(cast.jinhua, '示范引领作用不够突出，暂不予认定');
    case 'notRecommended':
      return inspect([0.62, 0.6], ['廉政风险防控机制缺失']);
    case 'withdrawnInCultivation':
      await steps.submitPlan(contact, plan);
      return steps.withdraw(cast.office, '单位机构改革，主动申请退出创建');
    case 'withdrawnInSelfAssessment':
      await cultivate();
      return steps.withdraw(cast.office, '单位主要负责人调整，申请退出本年度创建');
    case 'cultivationNoPlan':
      return;
    case 'cultivationPlanSubmitted':
      return steps.submitPlan(contact, plan);
    case 'cultivationPlanReturned':
      await steps.submitPlan(contact, plan);
      return steps.returnPlan(cast.office, '方案未覆盖廉政风险防控平台，请补充完善后重新提交');
    case 'cultivationPlanApproved':
      await steps.submitPlan(contact, plan);
      return steps.approvePlan(cast.office);
    case 'cultivationReporting':
      await steps.submitPlan(contact, plan);
      await steps.approvePlan(cast.office);
      return steps.submitProgressReport(contact, progress);
    case 'cultivationExtended':
      await steps.submitPlan(contact, plan);
      await steps.approvePlan(cast.office);
      await steps.submitProgressReport(contact, progress);
      return extend('cultivation', (due) => addCalendarDays(due, 30), '单位申请：配合年度巡察整改，延长培育期');
  }
}

/** The campaign's stages in words, with their counts (stages without a case left out). */
export function describeStages(stages: Readonly<Record<CaseStage, number>>): string {
  return CASE_STAGES.filter((stage) => stages[stage] > 0)
    .map((stage) => `${CASE_STAGE_NAMES[stage].zh} ${stages[stage]}`)
    .join(' · ');
}
