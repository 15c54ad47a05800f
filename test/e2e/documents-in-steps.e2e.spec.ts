import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from '@jest/globals';
import { indicatorsOf, type DocumentRef, type IndicatorFramework } from '#domain';
import type { RecordedCaseEvent } from '#contracts';
import { expectStatus, type AssessorSession } from '../support/case-journey.js';
import { runCli } from '../support/cli.js';
import { ACCEPTED_SAMPLES, uploadDocument, type StoredDocument } from '../support/documents.js';
import { eventually } from '../support/http.js';
import type { AuthHeaders } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';
import { recordHistory } from '../support/temporal.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const PDF = ACCEPTED_SAMPLES.find((sample) => sample.mediaType === 'application/pdf')?.bytes ?? Buffer.alloc(0);

interface Refusal {
  code: string;
  errors?: { field: string; messages: string[] }[];
}

const fieldsOf = (refusal: Refusal) => (refusal.errors ?? []).map((error) => error.field);

interface AuditAnswer {
  ok: boolean;
  firstBrokenLink: unknown;
  documents?: {
    referencesChecked: number;
    problems: { caseId: string; sequence: number; documentId: string; problem: string; expected: string; found: string | null }[];
  };
}

// Housekeeping removes every upload not yet referenced when it runs (0 days), and runs only when triggered here.
describeOnEachDatabase(
  'documents named by the steps of a case',
  { environment: { DOCUMENT_UNREFERENCED_DAYS: '0', SCHEDULE_DOCUMENT_HOUSEKEEPING_CRON: '0 0 1 1 *' } },
  (suite) => {
    let caseId: string;
    let otherCaseId: string;
    let contact: AuthHeaders;
    let otherContact: AuthHeaders;
    let plan: StoredDocument;
    const c = () => `/cases/${caseId}`;
    const upload = async (fileName: string, bytes: Buffer, headers = contact, onCase = caseId) =>
      expectStatus(uploadDocument(suite.stack.url, onCase, { fileName, bytes }, headers), 201);
    const events = (onCase = caseId) => expectStatus(suite.stack.http.get<RecordedCaseEvent[]>(`/cases/${onCase}/events`));
    const lastEvent = async (type: string) => (await events()).filter((event) => event.type === type).at(-1);
    const blobOf = (sha: string) => join(suite.stack.config.dataDir, 'documents', sha.slice(0, 2), sha.slice(2, 4), sha);
    const refOf = (document: StoredDocument): DocumentRef => ({
      documentId: document.id,
      sha256: document.sha256,
      name: document.fileName,
      size: document.size,
      type: document.mediaType,
    });
    const download = (id: string, headers: AuthHeaders) => fetch(`${suite.stack.url}/documents/${id}`, { headers });

    beforeAll(async () => {
      const campaignId = await suite.stack.createCampaign({ year: 2019, name: '材料引用' });
      ({ caseId } = await suite.stack.enrollNewUnit(campaignId, '永康市人民检察院', 'agency'));
      ({ caseId: otherCaseId } = await suite.stack.enrollNewUnit(campaignId, '芝英镇芝英一村', 'village'));
      contact = await suite.stack.contactOf(caseId);
      otherContact = await suite.stack.contactOf(otherCaseId);
    });

    it('records each document a plan names by id with its hash, name, size and type; other free-text references stay notes', async () => {
      plan = await upload('清廉机关创建方案.pdf', PDF);
      const minutes = await upload('党组会议纪要.txt', Buffer.from('党组会议研究部署清廉机关建设。\n'));
      await expectStatus(
        suite.stack.http.post(`${c()}/plan`, { summary: '创建方案', documentIds: [plan.id], documentRefs: ['纸质版存档 2019-01', minutes.id] }, contact),
      );
      const submitted = await lastEvent('PlanSubmitted');
      expect(submitted?.payload).toEqual({ summary: '创建方案', documentRefs: ['纸质版存档 2019-01'], documents: [refOf(plan), refOf(minutes)] });
      expect(submitted?.payload.documents).toEqual([
        expect.objectContaining({ sha256: sha256(PDF), size: PDF.length, type: 'application/pdf' }),
        expect.anything(),
      ]);
      await expectStatus(suite.stack.http.post(`${c()}/plan/review`, { approve: true }));
    });

    it("refuses a step naming another unit's document, an unknown one or a malformed id, naming the field, and writes nothing", async () => {
      const theirs = await upload('芝英一村三资台账.txt', Buffer.from('三资台账'), otherContact, otherCaseId);
      const before = await events();
      const refusedWith = async (body: object): Promise<Refusal> =>
        expectStatus(suite.stack.http.post<Refusal>(`${c()}/progress-reports`, { summary: '进度', ...body }, contact), 400);

      const foreign = await refusedWith({ documentIds: [plan.id, theirs.id] });
      expect(foreign.code).toBe('DOCUMENT_UNKNOWN');
      expect(fieldsOf(foreign)).toEqual(['documentIds[1]']);
      expect(foreign.errors?.[0]?.messages[0]).toContain(theirs.id);
      expect((await refusedWith({ documentRefs: [theirs.id] })).code).toBe('DOCUMENT_UNKNOWN');
      expect((await refusedWith({ documentIds: ['00000000-0000-4000-8000-000000000000'] })).code).toBe('DOCUMENT_UNKNOWN');
      expect(fieldsOf(await refusedWith({ documentIds: ['方案.pdf'] }))).toEqual(['documentIds']);

      expect(await events()).toEqual(before);
      const state = await expectStatus(suite.stack.http.get<{ progressReports: number }>(c()));
      expect(state.progressReports).toBe(0);
      // Their own contact may still rest their own steps on it.
      await expectStatus(suite.stack.http.post(`/cases/${otherCaseId}/plan`, { summary: '村方案', documentIds: [theirs.id] }, otherContact));
    });

    it('refuses a document whose bytes are gone from the store, writing nothing, and takes it once the same bytes are uploaded again', async () => {
      const bytes = Buffer.from('第一季度进度报告：完成廉政风险点排查。\n');
      const report = await upload('第一季度进度报告.txt', bytes);
      await rm(blobOf(report.sha256));
      const before = await events();
      const refusal = await expectStatus(
        suite.stack.http.post<Refusal>(`${c()}/progress-reports`, { summary: '第一季度', documentIds: [report.id] }, contact),
        409,
      );
      expect(refusal.code).toBe('DOCUMENT_CONTENT_MISSING');
      expect(fieldsOf(refusal)).toEqual(['documentIds[0]']);
      expect(await events()).toEqual(before);

      await upload('第一季度进度报告（重传）.txt', bytes);
      await expectStatus(suite.stack.http.post(`${c()}/progress-reports`, { summary: '第一季度', documentIds: [report.id] }, contact));
      expect((await lastEvent('ProgressReportSubmitted'))?.payload.documents).toEqual([refOf(report)]);
    });

    it('carries documents through the evidence of each indicator, the inspection findings and the Jinhua decision', async () => {
      await expectStatus(suite.stack.http.post(`${c()}/readiness`, {}, contact));
      const framework = await expectStatus(suite.stack.http.get<IndicatorFramework>('/frameworks/agency/2019.1'));
      const ledger = await upload('廉政风险防控台账.xlsx', ACCEPTED_SAMPLES.find((sample) => sample.fileName.endsWith('.xlsx'))?.bytes ?? Buffer.alloc(0));
      const sheet = (evidence: boolean) => ({
        scores: indicatorsOf(framework).map((indicator) => ({
          indicatorCode: indicator.code,
          points: indicator.weight * 0.95,
          ...(evidence && indicator.evidenceRequired ? { documentIds: [ledger.id] } : {}),
        })),
      });
      const assessors: AssessorSession[] = await Promise.all([suite.stack.signUp('assessor'), suite.stack.signUp('assessor')]);
      await expectStatus(suite.stack.http.post(`${c()}/assessors`, { assessorIds: assessors.map((assessor) => assessor.id) }));
      // A document stands in for the evidence an indicator requires.
      await expectStatus(suite.stack.http.post(`${c()}/self-assessment`, sheet(true), contact));
      const selfAssessed = await lastEvent('SelfAssessmentSubmitted');
      const scores = (selfAssessed?.payload.sheet as { scores: { indicatorCode: string; documents?: DocumentRef[] }[] }).scores;
      const required = indicatorsOf(framework).filter((indicator) => indicator.evidenceRequired);
      expect(required.length).toBeGreaterThan(0);
      for (const indicator of required) expect(scores.find((score) => score.indicatorCode === indicator.code)?.documents).toEqual([refOf(ledger)]);

      const findings: StoredDocument[] = [];
      for (const [index, assessor] of assessors.entries()) {
        const record = await upload(`检查发现-${String(index + 1)}.txt`, Buffer.from(`检查组成员 ${String(index + 1)} 的检查记录\n`), assessor.headers);
        findings.push(record);
        await expectStatus(
          suite.stack.http.post(`${c()}/inspection-scores`, { ...sheet(false), findings: ['台账齐全'], documentIds: [record.id] }, assessor.headers),
        );
      }
      // Shown once the round is concluded (scores and findings stay hidden while it is open).
      const scored = (await events()).filter((event) => event.type === 'InspectionScoresSubmitted');
      expect(scored.map((event) => event.payload)).toEqual(
        findings.map((record, index) => expect.objectContaining({ assessorId: assessors[index]?.id, documents: [refOf(record)] })),
      );
      await expectStatus(suite.stack.http.post(`${c()}/recommendation`, {}));
      const jinhua = await suite.stack.signUp('jinhua_reviewer');
      const notice = await upload(
        '金华市级认定通知.ofd',
        ACCEPTED_SAMPLES.find((sample) => sample.fileName.endsWith('.ofd'))?.bytes ?? Buffer.alloc(0),
        jinhua.headers,
      );
      await expectStatus(
        suite.stack.http.post(
          `${c()}/jinhua-decision`,
          { certified: true, documentNumber: '金纪〔2019〕12号', certifiedOn: '2019-12-20', documentIds: [notice.id] },
          jinhua.headers,
        ),
      );
      expect((await lastEvent('Certified'))?.payload).toEqual({ documentNumber: '金纪〔2019〕12号', certifiedOn: '2019-12-20', documents: [refOf(notice)] });
      // Kept for the replay tier (npm run record:histories): a case whose steps rest on documents by id.
      if (suite.kind === 'SQLite') await recordHistory(suite.env.client, caseId, 'documents-by-id');
    });

    it('reports a stored file altered on disk at the event that references it, over HTTP and with npm run audit:verify -- --documents', async () => {
      const planEvent = await lastEvent('PlanSubmitted');
      const original = await readFile(blobOf(plan.sha256));
      const intact = await expectStatus(suite.stack.http.get<AuditAnswer>(`/audit/verify?caseId=${encodeURIComponent(caseId)}&documents=true`));
      expect(intact).toMatchObject({ ok: true, documents: { problems: [] } });
      expect(intact.documents?.referencesChecked).toBeGreaterThanOrEqual(8);

      const altered = Buffer.concat([original, Buffer.from('% 篡改')]);
      await writeFile(blobOf(plan.sha256), altered);
      try {
        const report = await expectStatus(suite.stack.http.get<AuditAnswer>(`/audit/verify?caseId=${encodeURIComponent(caseId)}&documents=true`));
        expect(report.ok).toBe(false);
        expect(report.firstBrokenLink).toBeNull();
        expect(report.documents?.problems).toEqual([
          {
            caseId,
            sequence: planEvent?.sequence,
            documentId: plan.id,
            name: plan.fileName,
            problem: 'altered',
            expected: plan.sha256,
            found: sha256(altered),
          },
        ]);
        // The chains alone still hold: only the file changed.
        expect((await expectStatus(suite.stack.http.get<AuditAnswer>(`/audit/verify?caseId=${encodeURIComponent(caseId)}`))).ok).toBe(true);

        const cli = await runCli(['audit:verify', '--documents'], { DATABASE_URL: suite.database.url, DATA_DIR: suite.stack.config.dataDir });
        expect(cli.status).toBe(3);
        expect(cli.stdout).toContain(`${caseId} #${String(planEvent?.sequence)} document ${plan.id} (${plan.fileName}): altered`);
      } finally {
        await writeFile(blobOf(plan.sha256), original);
      }
      const cli = await runCli(['audit:verify', '--documents'], { DATABASE_URL: suite.database.url, DATA_DIR: suite.stack.config.dataDir });
      expect(cli.stdout).toContain('stored files intact');
      expect(cli.status).toBe(0);
    });

    it('removes by schedule the uploads no step referenced, and never one a step did, nor bytes it shares', async () => {
      const stray = await upload('草稿.txt', Buffer.from('未提交的草稿\n'));
      const copyOfPlan = await upload('方案副本.pdf', PDF);
      expect(copyOfPlan.sha256).toBe(plan.sha256);
      await eventually('the housekeeping schedule', async () => {
        const trigger = await suite.stack.http.post('/schedules/qinglian-document-housekeeping/trigger', {});
        return trigger.status === 200 ? trigger : undefined;
      });
      await eventually('the unreferenced uploads removed', async () => ((await download(copyOfPlan.id, contact)).status === 404 ? true : undefined));
      expect((await download(stray.id, contact)).status).toBe(404);
      expect(existsSync(blobOf(stray.sha256))).toBe(false);
      const kept = await download(plan.id, contact);
      expect(kept.status).toBe(200);
      expect(sha256(Buffer.from(await kept.arrayBuffer()))).toBe(plan.sha256);
      const listed = await expectStatus(suite.stack.http.get<StoredDocument[]>(`${c()}/documents`));
      expect(listed.map((document) => document.id)).not.toContain(stray.id);
      expect(listed.map((document) => document.id)).toContain(plan.id);
    });
  },
);
