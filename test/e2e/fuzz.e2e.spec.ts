import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { indicatorsOf, type IndicatorFramework } from '#domain';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import {
  describeRequest,
  excerpt,
  generateRequests,
  operationsOf,
  streamSeed,
  type FuzzContext,
  type FuzzRequest,
  type OpenApiDocument,
} from '../support/fuzz/generator.js';
import type { HttpResult } from '../support/http.js';
import { startStack, TEST_PASSWORD, type RunningStack } from '../support/stack.js';
import { startDevServer } from '../support/temporal.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

/**
 * Malformed requests to every operation of the api's own OpenAPI document, as an administrator's and as a unit
 * contact's api token (tokens, so that nothing the fuzzer sends logs it out or locks it). No answer may be a 5xx,
 * take longer than REQUEST_TIMEOUT_MS, or end without one. FUZZ_SEED and FUZZ_REQUESTS (per database, shared by
 * the two tokens) choose the run; `npm run test:fuzz` is the full-size run. FUZZ_LOG_LEVEL=error prints the api's
 * logs (a 5xx with its stack trace).
 */
const SEED = integerFromEnvironment('FUZZ_SEED', 20_191_231);
const REQUESTS = integerFromEnvironment('FUZZ_REQUESTS', 1_500);
/** Requests in flight at once; above 1 the order of effects (and so some answers) varies between runs. */
const CONCURRENCY = Math.max(1, integerFromEnvironment('FUZZ_CONCURRENCY', 1));
/** A file to append every request and its answer to, one JSON object a line. */
const DUMP = process.env.FUZZ_DUMP;
const REQUEST_TIMEOUT_MS = 15_000;

function integerFromEnvironment(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, not ${text}`);
  return value;
}

interface Outcome {
  readonly status: number | null;
  readonly body: string;
  readonly error: string | null;
  readonly milliseconds: number;
}

/** Sends the request exactly as generated (node:http, so that nothing normalises its path). */
function send(origin: URL, agent: Agent, request: FuzzRequest, token: string): Promise<Outcome> {
  const started = performance.now();
  const headers: Record<string, string> = { ...request.headers };
  const authorization = request.authorization === undefined ? 'Bearer {token}' : request.authorization;
  if (authorization !== null) headers.authorization = authorization.replace('{token}', token);
  // node:http sends a GET's or a DELETE's body without a length unless told, and the server then reads it as the next request.
  if (request.body !== undefined) headers['content-length'] = String(request.body.length);
  return new Promise((resolve) => {
    const done = (status: number | null, body: string, error: string | null) => {
      resolve({ status, body, error, milliseconds: performance.now() - started });
    };
    try {
      const outgoing = httpRequest(
        {
          host: origin.hostname,
          port: origin.port,
          method: request.method,
          path: request.path,
          headers,
          agent,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            done(response.statusCode ?? null, Buffer.concat(chunks).toString('utf8'), null);
          });
          response.on('error', (error) => {
            done(response.statusCode ?? null, Buffer.concat(chunks).toString('utf8'), `answer cut off: ${error.message}`);
          });
        },
      );
      outgoing.on('error', (error) => {
        done(
          null,
          '',
          error.name === 'AbortError' || error.name === 'TimeoutError' ? `no answer within ${REQUEST_TIMEOUT_MS} ms` : `connection: ${error.message}`,
        );
      });
      outgoing.end(request.body);
    } catch (error) {
      done(null, '', `not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startDevServer();
});

afterAll(async () => {
  await env.teardown();
});

describe.each(DATABASE_KINDS)('fuzzing the api on %s', (kind, createDatabase) => {
  let database: TestDatabase;
  let stack: RunningStack;
  let robot: WebhookReceiver;
  let document: OpenApiDocument;
  let fixture: { campaignId: string; caseId: string };
  const callers: { role: string; token: string; context: FuzzContext }[] = [];

  async function ok<T>(result: Promise<HttpResult<T>>, status = 200): Promise<T> {
    const answer = await result;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  beforeAll(async () => {
    database = await createDatabase();
    // The unit's group chat is a robot on loopback, the only host allowed: a case delivers its notices holding the
    // lock its steps wait for, retrying an unreachable chat for about 15 s, which would read as a hang here.
    robot = await startWebhookReceiver('SECfuzz0123456789');
    stack = await startStack(env, database, {
      GROUP_CHAT_ALLOWED_HOSTS: new URL(robot.url).host,
      ...(process.env.FUZZ_LOG_LEVEL ? { LOG_LEVEL: process.env.FUZZ_LOG_LEVEL } : {}),
    });
    const { http, ids } = stack;
    document = await ok(http.get<OpenApiDocument>('/docs-json'));

    const campaignId = (await ok(http.post<{ id: string }>('/campaigns', { year: 2019, name: '模糊测试' }), 201)).id;
    const enroll = async (name: string) => {
      const unit = await ok(http.post<{ id: string }>('/units', { name, category: 'village' }), 201);
      const enrolled = await ok(http.post<{ caseId: string }>(`/campaigns/${campaignId}/enrollments`, { unitId: unit.id }), 201);
      return { unitId: unit.id, caseId: enrolled.caseId };
    };
    const own = await enroll('模糊测试村');
    // Steps that end a case (withdrawal, revocation) get a case of their own, so the others stay in cultivation.
    const spare = await enroll('备用村');
    // The same unit in a campaign at the edges of what is valid: its cultivation ends beyond the calendar (期限待定).
    const edgeCampaignId = (
      await ok(
        http.post<{ id: string }>('/campaigns', {
          year: 2027,
          name: '模糊测试边界',
          thresholds: { pass: 100, excellent: 100, rectificationFloor: 0, maxRectificationRounds: 0 },
          targets: { village: 0 },
          stageDurations: { cultivation: { days: 730, unit: 'working' }, self_assessment: { days: 1, unit: 'working' } },
          reminderPolicy: { beforeDueWorkingDays: [60, 1], onDueDay: false, overdueEveryWorkingDays: 0, escalateAfterWorkingDays: 60, sendAt: '23:59' },
        }),
        201,
      )
    ).id;
    const edgeCaseId = (await ok(http.post<{ caseId: string }>(`/campaigns/${edgeCampaignId}/enrollments`, { unitId: own.unitId }), 201)).caseId;
    await ok(http.post(`/cases/${own.caseId}/assessors`, { assessorIds: [ids.alice, ids.bob] }));
    const framework = await ok(http.get<IndicatorFramework>('/frameworks/village/2019.1'));
    const sheet = {
      scores: indicatorsOf(framework).map((indicator) => ({ indicatorCode: indicator.code, points: indicator.weight * 0.9, evidence: ['台账'] })),
    };
    const victim = (await stack.signUp('assessor')).id;
    const login = await stack.signUp('auditor', { username: 'fuzz-login' });
    const spareToken = (await ok(http.post<{ id: string }>('/api-tokens', { name: '备用令牌', role: 'auditor' }), 201)).id;

    const tokenOf = async (role: string, unitId?: string) =>
      ok(http.post<{ id: string; token: string }>('/api-tokens', { name: `模糊测试 ${role}`, role, expiresInDays: 1, ...(unitId ? { unitId } : {}) }), 201);
    // The tokens the fuzzer authenticates with are in no list of values it sends, so it never revokes them.
    const context = (unitId: string): FuzzContext => ({
      parameters: {
        caseId: [own.caseId, edgeCaseId],
        campaignId: [campaignId, edgeCampaignId],
        unitId: [unitId],
        accountId: [victim],
        tokenId: [spareToken],
        notificationId: [randomUUID()],
        category: ['village'],
        version: ['2019.1'],
        scheduleId: ['qinglian-progress-report-call'],
      },
      operationParameters: {
        'POST /api/cases/{caseId}/withdrawal': { caseId: [spare.caseId] },
        'POST /api/cases/{caseId}/revocation': { caseId: [spare.caseId] },
      },
      fields: {
        unitId: [unitId],
        assessorIds: [[ids.alice, ids.bob]],
        assessorId: [ids.carol],
        username: ['fuzz-login'],
        password: [TEST_PASSWORD],
        currentPassword: [TEST_PASSWORD],
        newPassword: ['another passphrase for the fuzzer'],
        refreshToken: [login.refreshToken],
        webhookUrl: [robot.url],
        secret: ['SECfuzz0123456789'],
      },
      bodies: {
        'POST /api/cases/{caseId}/self-assessment': [sheet],
        'POST /api/cases/{caseId}/inspection-scores': [sheet],
        'POST /api/cases/{caseId}/deadline-extensions': [{ reason: '模糊测试', deadline: 'cultivation', dueOn: '2019-10-31' }],
        'POST /api/cases/{caseId}/jinhua-decision': [{ certified: true, documentNumber: '金纪〔2019〕12号', certifiedOn: '2019-12-20' }],
        'POST /api/campaigns/{campaignId}/enrollments/batch': [{ units: [{ name: '模糊批量村', category: 'village' }] }],
        'POST /api/campaigns/{campaignId}/enrollments/batch/stream': [{ units: [{ name: '模糊流式村', category: 'village' }] }],
        'POST /api/cases/{caseId}/annual-reviews': [{ year: 2020, summary: '年度复核' }],
        'POST /api/accounts': [{ username: 'fuzz-created', displayName: '模糊', role: 'assessor', password: TEST_PASSWORD }],
      },
    });
    const admin = await tokenOf('administrator');
    const contact = await tokenOf('unit_contact', own.unitId);
    fixture = { campaignId, caseId: own.caseId };
    callers.push({ role: 'administrator', token: admin.token, context: context(own.unitId) });
    callers.push({ role: 'unit_contact', token: contact.token, context: context(own.unitId) });
  });

  afterAll(async () => {
    await stack.stop();
    await robot.stop();
    await database.drop();
  });

  it('answers 400 naming the field to each request the fuzzer once found answering 5xx, or storing what it should refuse', async () => {
    const [admin, contact] = callers.map((caller) => ({ authorization: `Bearer ${caller.token}` }));
    const { campaignId, caseId } = fixture;
    const found: [string, string, string, unknown, Record<string, string> | undefined][] = [
      ['page', 'GET', '/cases?page=100000000000000000000', undefined, admin],
      ['page', 'GET', '/inbox?page=100000000000000000000', undefined, contact],
      ['asOf', 'GET', `/cases/${caseId}/state?asOf=20191231`, undefined, admin],
      ['note', 'POST', '/schedules/qinglian-progress-report-call/pause', { note: '清'.repeat(500) }, admin],
      ['units', 'POST', `/campaigns/${campaignId}/enrollments/batch`, { units: [[{ name: '嵌套村', category: 'village' }]] }, admin],
      ['scores', 'POST', `/cases/${caseId}/self-assessment`, { scores: [[{ indicatorCode: 'VI-1.1', points: 1 }]] }, contact],
      ['thresholds', 'POST', '/campaigns', { year: 2019, name: '数组分数线', thresholds: [{ pass: 90 }] }, admin],
    ];
    const answers = await Promise.all(
      found.map(async ([field, method, path, body, headers]) => {
        const answer = await stack.http.call<{ errors?: { field: string }[] }>(method, path, body, headers);
        return `${method} ${path.slice(0, 60)} → ${answer.status} ${answer.body.errors?.some((error) => error.field === field) ? `naming ${field}` : JSON.stringify(answer.body)}`;
      }),
    );
    expect(answers).toEqual(found.map(([field, method, path]) => `${method} ${path.slice(0, 60)} → 400 naming ${field}`));
    // The same new unit in batches at the same time: the unit is inserted once, every batch enrolls it.
    const batches = await Promise.all(
      Array.from({ length: 6 }, () => stack.http.post(`/campaigns/${campaignId}/enrollments/batch`, { units: [{ name: '并发村', category: 'village' }] })),
    );
    expect(batches.map((batch) => batch.status)).toEqual(batches.map(() => 200));
  });

  it(
    `answers ${REQUESTS} malformed requests to every operation (seed ${SEED}) without a 5xx, a hang or a dropped connection`,
    async () => {
      const origin = new URL(stack.url);
      const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const perCaller = Math.ceil(REQUESTS / callers.length);
      const streams = callers.map((caller) => ({
        caller,
        requests: generateRequests(document, caller.context, { seed: streamSeed(SEED, caller.role), count: perCaller }),
      }));
      // The callers take turns, so each one's requests meet the state the other's leave behind.
      function* turns(): Generator<{ caller: (typeof callers)[number]; request: FuzzRequest }> {
        for (let more = true; more;) {
          more = false;
          for (const { caller, requests } of streams) {
            const next = requests.next();
            if (next.done) continue;
            more = true;
            yield { caller, request: next.value };
          }
        }
      }
      const failures: string[] = [];
      const statuses = new Map<string, number>();
      const reached = new Set<string>();
      const started = performance.now();
      let sent = 0;
      const queue = turns();
      const sender = async () => {
        for (let next = queue.next(); !next.done; next = queue.next()) {
          const { caller, request } = next.value;
          const outcome = await send(origin, agent, request, caller.token);
          sent += 1;
          const status = outcome.status === null ? 'none' : String(outcome.status);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (outcome.status !== null && outcome.status !== 401) reached.add(request.operation);
          if (DUMP)
            appendFileSync(
              DUMP,
              `${JSON.stringify({ role: caller.role, request: describeRequest(request), body: excerpt(request.body), status: outcome.status, error: outcome.error, milliseconds: Math.round(outcome.milliseconds), answer: excerpt(outcome.body, 600) })}\n`,
            );
          if (outcome.error !== null || (outcome.status ?? 500) >= 500) {
            failures.push(
              [
                `${caller.role} ${describeRequest(request)}`,
                `  headers: ${JSON.stringify(request.headers)}${request.authorization === undefined ? '' : ` authorization: ${JSON.stringify(request.authorization)}`}`,
                `  body: ${excerpt(request.body)}`,
                `  → ${outcome.error ?? String(outcome.status)} after ${Math.round(outcome.milliseconds)} ms: ${excerpt(outcome.body, 600)}`,
              ].join('\n'),
            );
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, sender));
      agent.destroy();
      const seconds = (performance.now() - started) / 1000;
      console.info(
        `fuzz ${kind}: ${sent} requests, seed ${SEED}, ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(0)}/s); answers ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
      );

      expect(failures).toEqual([]);
      // Every operation was reached past authentication, and the fuzzer's own tokens still work.
      expect(
        operationsOf(document)
          .map((operation) => operation.key)
          .filter((key) => !reached.has(key)),
      ).toEqual([]);
      for (const caller of callers) {
        expect((await stack.http.get<{ role: string }>('/auth/me', { authorization: `Bearer ${caller.token}` })).body.role).toBe(caller.role);
      }
    },
    120_000 + REQUESTS * 100,
  );
});
