import { beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { expectStatus as ok } from '../support/case-journey.js';
import type { AuthHeaders } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';

interface AuditEvent {
  eventId: string;
  caseId: string;
  campaignId: string | null;
  unitId: string | null;
  unitName: string | null;
  sequence: number;
  type: string;
  actor: { id: string; role: string; name: string | null };
  reason: string | null;
  occurredAt: string;
  hash: string;
}

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

interface Refusal {
  code: string;
  errors?: { field: string; messages: string[] }[];
}

interface VerifyReport {
  ok: boolean;
  casesChecked: number;
  eventsChecked: number;
  firstBrokenLink: { caseId: string; sequence: number; problem: string } | null;
}

type StreamLine =
  | { type: 'progress'; casesChecked: number; casesTotal: number; eventsChecked: number; eventsTotal: number }
  | { type: 'report'; report: VerifyReport }
  | { type: 'error'; code: string };

/** Shanghai's calendar date of an instant, shifted by some days. */
const shanghaiDate = (instant: string, days = 0) => new Date(Date.parse(instant) + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describeOnEachDatabase('the auditor’s record', (suite) => {
  let campaignId: string;
  let firstCase: string;
  let secondCase: string;
  let contact: { id: string; headers: AuthHeaders };

  const events = (query: string, headers?: AuthHeaders) => ok(suite.stack.http.get<Page<AuditEvent>>(`/audit/events?${query}`, headers));
  /** Every event the query matches, read a page of 100 at a time. */
  async function allEvents(query: string): Promise<AuditEvent[]> {
    const read: AuditEvent[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await events(`${query}&pageSize=100&page=${page}`);
      read.push(...answer.items);
      if (read.length >= answer.total || answer.items.length === 0) return read;
    }
  }

  /** The verification stream as its lines. */
  async function verifyStream(query = ''): Promise<{ contentType: string | null; lines: StreamLine[] }> {
    const response = await fetch(`${suite.stack.url}/audit/verify/stream${query}`, { headers: suite.stack.actors.auditor });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.endsWith('\n')).toBe(true);
    return {
      contentType: response.headers.get('content-type'),
      lines: text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as StreamLine),
    };
  }

  beforeAll(async () => {
    const { stack } = suite;
    campaignId = await stack.createCampaign({ year: 2025, name: '审计日志测试' });
    const first = await stack.enrollNewUnit(campaignId, '审计日志村');
    firstCase = first.caseId;
    secondCase = (await stack.enrollNewUnit(campaignId, '审计日志医院', 'hospital')).caseId;
    const signedIn = await stack.signUp('unit_contact', { unitId: first.unitId });
    contact = { id: signedIn.id, headers: signedIn.headers };
    await ok(stack.http.post(`/cases/${firstCase}/plan`, { summary: '初稿' }, contact.headers));
    await ok(stack.http.post(`/cases/${firstCase}/plan/review`, { approve: false, reason: '请补充阳光工程内容' }));
    await ok(stack.http.post(`/cases/${firstCase}/plan`, { summary: '修改稿' }, contact.headers));
  });

  describe('the audit log (GET /api/audit/events)', () => {
    it('lists every case’s events newest first, each with its unit, its actor’s name and role, its reason and hash', async () => {
      const all = await allEvents(`campaignId=${campaignId}`);
      const trail = await ok(suite.stack.http.get<{ sequence: number; hash: string; type: string }[]>(`/cases/${firstCase}/events`));
      expect(all.filter((event) => event.caseId === firstCase).map((event) => [event.sequence, event.type, event.hash])).toEqual(
        [...trail].reverse().map((event) => [event.sequence, event.type, event.hash]),
      );
      expect(all.map((event) => event.occurredAt)).toEqual([...all.map((event) => event.occurredAt)].sort().reverse());
      expect(new Set(all.map((event) => event.caseId))).toEqual(new Set([firstCase, secondCase]));

      const returned = all.find((event) => event.type === 'PlanReturned');
      expect(returned).toMatchObject({
        caseId: firstCase,
        campaignId,
        unitName: '审计日志村',
        actor: { id: suite.stack.ids.admin, role: 'administrator', name: 'office.admin' },
        reason: '请补充阳光工程内容',
      });
      expect(all.find((event) => event.type === 'DeadlineSet')?.actor).toEqual({ id: 'system', role: 'system', name: null });
      expect(all.find((event) => event.caseId === secondCase)?.unitName).toBe('审计日志医院');
    });

    it('filters by person, by event type and by case, and pages', async () => {
      const byContact = await events(`actorId=${contact.id}`);
      expect(byContact.total).toBe(2);
      expect(byContact.items.map((event) => [event.type, event.actor.role, event.actor.name])).toEqual([
        ['PlanSubmitted', 'unit_contact', expect.stringMatching(/^unit-contact-\d+$/)],
        ['PlanSubmitted', 'unit_contact', expect.stringMatching(/^unit-contact-\d+$/)],
      ]);
      const enrollments = await events(`type=CaseEnrolled&campaignId=${campaignId}`);
      expect(enrollments.items.map((event) => [event.caseId, event.sequence])).toEqual([
        [secondCase, 1],
        [firstCase, 1],
      ]);
      expect((await events(`caseId=${encodeURIComponent(secondCase)}&type=PlanSubmitted`)).total).toBe(0);

      const all = await allEvents(`campaignId=${campaignId}`);
      const pageTwo = await events(`campaignId=${campaignId}&pageSize=2&page=2`);
      expect(pageTwo).toMatchObject({ total: all.length, page: 2, pageSize: 2 });
      expect(pageTwo.items.map((event) => event.eventId)).toEqual(all.slice(2, 4).map((event) => event.eventId));
    });

    it('filters by time: instants with their offset, and dates as whole days in Asia/Shanghai', async () => {
      const all = await allEvents(`campaignId=${campaignId}`);
      const returned = all.find((event) => event.type === 'PlanReturned');
      const at = returned?.occurredAt ?? '';
      const since = await allEvents(`campaignId=${campaignId}&from=${encodeURIComponent(at)}`);
      expect(since.map((event) => event.eventId)).toEqual(all.filter((event) => event.occurredAt >= at).map((event) => event.eventId));
      expect(since.some((event) => event.eventId === returned?.eventId)).toBe(true);
      const until = await allEvents(`campaignId=${campaignId}&to=${encodeURIComponent(at)}`);
      expect(until.map((event) => event.eventId)).toEqual(all.filter((event) => event.occurredAt <= at).map((event) => event.eventId));
      // The same instant written in Beijing time.
      const beijing = new Date(Date.parse(at) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
      expect((await events(`campaignId=${campaignId}&from=${encodeURIComponent(beijing)}`)).total).toBe(since.length);

      const today = shanghaiDate(at);
      expect((await events(`campaignId=${campaignId}&from=${today}&to=${today}`)).total).toBe(all.length);
      expect((await events(`campaignId=${campaignId}&to=${shanghaiDate(at, -1)}`)).total).toBe(0);
      expect((await events(`campaignId=${campaignId}&from=${shanghaiDate(at, 1)}`)).total).toBe(0);

      const backwards = await suite.stack.http.get<Refusal>(`/audit/events?from=${today}&to=${shanghaiDate(at, -1)}`);
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors?.map((error) => error.field)).toEqual(['to']);
    });

    it('is the office’s and the auditors’ only', async () => {
      expect((await events(`actorId=${contact.id}`, suite.stack.actors.auditor)).total).toBe(2);
      expect((await suite.stack.http.get('/audit/events', contact.headers)).status).toBe(403);
      expect((await suite.stack.http.get('/audit/events', suite.stack.actors.alice)).status).toBe(403);
    });
  });

  describe('account records (GET /api/account-events)', () => {
    it('pages and filters by account, type and time', async () => {
      const records = (query: string) =>
        ok(suite.stack.http.get<Page<{ id: string; type: string; accountId: string | null; occurredAt: string }>>(`/account-events?${query}`));
      const own = await records(`accountId=${contact.id}&pageSize=100`);
      expect(own.items.map((record) => record.type).sort()).toEqual(['AccountCreated', 'LoginSucceeded']);
      const logins = await records(`accountId=${contact.id}&type=LoginSucceeded`);
      expect(logins).toMatchObject({ total: 1, items: [{ type: 'LoginSucceeded', accountId: contact.id }] });
      const created = own.items.find((record) => record.type === 'AccountCreated')?.occurredAt ?? '';
      expect((await records(`accountId=${contact.id}&to=${encodeURIComponent(created)}`)).items.map((record) => record.type)).toEqual(['AccountCreated']);
      expect((await records(`accountId=${contact.id}&from=${shanghaiDate(created, 1)}`)).total).toBe(0);

      const everything = await records('pageSize=100');
      const second = await records('pageSize=1&page=2');
      expect(second).toMatchObject({ total: everything.total, page: 2, pageSize: 1 });
      expect(second.items.map((record) => record.id)).toEqual(everything.items.slice(1, 2).map((record) => record.id));
      expect(everything.items.map((record) => record.occurredAt)).toEqual([...everything.items.map((record) => record.occurredAt)].sort().reverse());
    });
  });

  describe('verification with progress, and as a report', () => {
    it('streams progress lines and ends with the report GET /api/audit/verify answers', async () => {
      const expected = await ok(suite.stack.http.get<VerifyReport>('/audit/verify'));
      expect(expected.ok).toBe(true);
      const { contentType, lines } = await verifyStream();
      expect(contentType).toMatch(/^application\/x-ndjson/);
      expect(lines.at(-1)).toEqual({ type: 'report', report: expected });
      const progress = lines.filter((line) => line.type === 'progress');
      expect(progress[0]).toEqual({
        type: 'progress',
        casesChecked: 0,
        casesTotal: expected.casesChecked,
        eventsChecked: 0,
        eventsTotal: expected.eventsChecked,
      });
      expect(lines.slice(0, -1).every((line) => line.type === 'progress')).toBe(true);

      const one = await verifyStream(`?caseId=${encodeURIComponent(firstCase)}`);
      expect(one.lines.at(-1)).toEqual({
        type: 'report',
        report: await ok(suite.stack.http.get<VerifyReport>(`/audit/verify?caseId=${encodeURIComponent(firstCase)}`)),
      });
      expect(one.lines[0]).toMatchObject({ type: 'progress', casesTotal: 1 });
    });

    it('answers the report as a file: when, by whom, on which database and code, and the result', async () => {
      const response = await fetch(`${suite.stack.url}/audit/verify/report?documents=true`, { headers: suite.stack.actors.auditor });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=qinglian-audit-verification-\d{8}T\d{6}Z\.json$/);
      const report = (await response.json()) as Record<string, unknown> & { report: VerifyReport & { documents?: unknown } };
      expect(report).toMatchObject({
        generatedBy: { id: suite.stack.ids.auditor, role: 'auditor', name: 'auditor-1' },
        database: suite.kind === 'SQLite' ? 'sqlite' : 'postgresql',
        code: { version: '0.1.0' },
        scope: { caseId: null, documents: true },
      });
      expect(report.report).toEqual(await ok(suite.stack.http.get<VerifyReport>('/audit/verify?documents=true')));
      expect(report.report.documents).toMatchObject({ problemCount: 0 });
      expect(Date.parse(String(report.generatedAt))).toBeGreaterThanOrEqual(Date.parse(String(report.startedAt)));
    });

    // Last: it breaks the store's chain for good.
    it('reports a planted break at its case and sequence, in the stream, in GET /api/audit/verify and in the report', async () => {
      const trail = await ok(suite.stack.http.get<{ sequence: number; type: string }[]>(`/cases/${firstCase}/events`));
      const returned = trail.find((event) => event.type === 'PlanReturned')?.sequence ?? 0;
      expect(returned).toBeGreaterThan(1);
      const orm = suite.stack.worker.app.get<MikroORM>(MikroORM);
      const connection = orm.em.getConnection();
      // What someone with the database owner's rights could do behind the application's back.
      const rewrite = `update case_event set reason = '改过的理由' where case_id = '${firstCase}' and sequence = ${returned}`;
      if (suite.kind === 'PostgreSQL') {
        await connection.execute('alter table case_event disable trigger user');
        await connection.execute(rewrite);
        await connection.execute('alter table case_event enable trigger user');
      } else {
        await connection.execute('drop trigger if exists case_event_refuse_update');
        await connection.execute(rewrite);
      }

      const verified = await ok(suite.stack.http.get<VerifyReport>('/audit/verify'));
      expect(verified).toMatchObject({ ok: false, firstBrokenLink: { caseId: firstCase, sequence: returned, problem: 'hash' } });
      const { lines } = await verifyStream();
      expect(lines.at(-1)).toEqual({ type: 'report', report: verified });
      const file = await ok(suite.stack.http.get<{ report: VerifyReport }>('/audit/verify/report', suite.stack.actors.auditor));
      expect(file.report).toEqual(verified);
    });
  });
});
