import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { DeleteObjectCommand, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import type { AuditReport } from '#persistence';
import { expectStatus } from '../support/case-journey.js';
import { ACCEPTED_SAMPLES, uploadDocument, type StoredDocument } from '../support/documents.js';
import { eventually } from '../support/http.js';
import type { AuthHeaders } from '../support/stack.js';
import { startApiProcess } from '../support/api-process.js';
import { startSeaweedFs, type SeaweedFs } from '../support/seaweedfs.js';
import { describeOnEachDatabase } from '../support/suite.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under a folder, recursively (the store's blobs and its scratch files). */
function filesUnder(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

let s3: SeaweedFs | undefined;

beforeAll(async () => {
  s3 = await startSeaweedFs();
});

afterAll(async () => {
  await s3?.stop();
});

/** The stack's variables for each store: its own folder, or the SeaweedFS started for this file. */
function storeEnvironment(store: 'folder' | 's3'): Readonly<Record<string, string>> {
  if (store === 'folder' || !s3) return {};
  return {
    DOCUMENT_STORE: 's3',
    DOCUMENT_S3_ENDPOINT: s3.endpoint,
    DOCUMENT_S3_REGION: s3.region,
    DOCUMENT_S3_BUCKET: s3.bucket,
    DOCUMENT_S3_ACCESS_KEY_ID: s3.accessKeyId,
    DOCUMENT_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  };
}

for (const store of ['folder', 's3'] as const)
  describeOnEachDatabase(`documents on the ${store} store`, { environment: () => storeEnvironment(store) }, (suite) => {
    let caseId: string;
    let otherCaseId: string;
    let contact: AuthHeaders;
    let otherContact: AuthHeaders;
    /** The stored blobs (their names end in the SHA-256), and the scratch files of uploads under way. */
    const s3Client = () =>
      new S3Client({
        endpoint: s3?.endpoint,
        region: s3?.region,
        forcePathStyle: true,
        credentials: { accessKeyId: s3?.accessKeyId ?? '', secretAccessKey: s3?.secretAccessKey ?? '' },
      });
    const storedBlobs = async (): Promise<string[]> => {
      if (store === 'folder') return filesUnder(join(suite.stack.config.dataDir, 'documents')).filter((path) => !path.includes('.incoming'));
      const keys: string[] = [];
      for await (const page of paginateListObjectsV2({ client: s3Client() }, { Bucket: s3?.bucket, Prefix: 'sha256/' }))
        keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ''));
      return keys;
    };
    const scratchFiles = () => filesUnder(join(suite.stack.config.dataDir, store === 'folder' ? 'documents/.incoming' : 'incoming'));
    const stored = async () => (await storedBlobs()).length + scratchFiles().length;
    const upload = (file: Parameters<typeof uploadDocument>[2], headers = contact, onCase = caseId) => uploadDocument(suite.stack.url, onCase, file, headers);
    const download = (id: string, headers: AuthHeaders, query = '') => fetch(`${suite.stack.url}/documents/${id}${query}`, { headers });
    const listed = async (onCase = caseId) => (await suite.stack.http.get<StoredDocument[]>(`/cases/${onCase}/documents`)).body;

    beforeAll(async () => {
      const campaignId = await suite.stack.createCampaign({ year: 2019, name: '佐证材料' });
      ({ caseId } = await suite.stack.enrollNewUnit(campaignId, '永康市第一人民医院', 'hospital'));
      ({ caseId: otherCaseId } = await suite.stack.enrollNewUnit(campaignId, '古山镇中心小学', 'school'));
      contact = await suite.stack.contactOf(caseId);
      otherContact = await suite.stack.contactOf(otherCaseId);
    });

    it.each(ACCEPTED_SAMPLES.map((sample) => [sample.mediaType, sample] as const))(
      'takes %s by its content and gives the same bytes back',
      async (_type, sample) => {
        const stored = await upload(sample);
        expect(stored.status).toBe(201);
        expect(stored.body).toMatchObject({
          caseId,
          fileName: sample.fileName,
          mediaType: sample.mediaType,
          size: sample.bytes.length,
          sha256: sha256(sample.bytes),
        });
        const answer = await download(stored.body.id, contact);
        expect(answer.status).toBe(200);
        expect(Buffer.from(await answer.arrayBuffer()).equals(sample.bytes)).toBe(true);
        expect(answer.headers.get('content-disposition')).toBe(
          `attachment; filename="${sample.fileName.replace(/[^\x20-\x7e]/g, '?')}"; filename*=UTF-8''${encodeURIComponent(sample.fileName)}`,
        );
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
        expect(answer.headers.get('content-type')).toContain(sample.mediaType);
      },
    );

    it('decides the type by the content, not the name or the claimed type, and refuses what it does not accept (415, the type found)', async () => {
      const pdfNamedJpeg = await upload({ fileName: '照片.jpg', claimedType: 'image/jpeg', bytes: ACCEPTED_SAMPLES[0]?.bytes ?? Buffer.alloc(0) });
      expect(pdfNamedJpeg.body.mediaType).toBe('application/pdf');
      const before = await stored();
      const gif = await upload({ fileName: '动图.gif', bytes: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') });
      expect(gif).toMatchObject({ status: 415, body: { code: 'DOCUMENT_TYPE_REFUSED', foundType: 'image/gif' } });
      const program = await upload({
        fileName: '报告.pdf',
        claimedType: 'application/pdf',
        bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array<number>(56).fill(0)]),
      });
      expect(program).toMatchObject({ status: 415, body: { code: 'DOCUMENT_TYPE_REFUSED', foundType: 'application/x-elf' } });
      expect(await stored()).toBe(before);
    });

    it('keeps the same bytes once, however often they are uploaded', async () => {
      const bytes = Buffer.from(`同一份台账 ${Date.now()}\n`);
      const [first, second] = [await upload({ fileName: '台账-1.txt', bytes }), await upload({ fileName: '台账-2.txt', bytes })];
      expect(first.body.id).not.toBe(second.body.id);
      expect(first.body.sha256).toBe(second.body.sha256);
      expect((await storedBlobs()).filter((path) => path.endsWith(first.body.sha256))).toHaveLength(1);
    });

    it('answers an empty file, a missing part and a body that is not multipart with a 4xx naming why, leaving nothing behind', async () => {
      const before = { rows: (await listed()).length, files: await stored() };
      expect(await upload({ fileName: '空.txt', bytes: Buffer.alloc(0) })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      const noFile = new FormData();
      noFile.append('note', '没有文件');
      const missing = await fetch(`${suite.stack.url}/cases/${caseId}/documents`, { method: 'POST', headers: contact, body: noFile });
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('file');
      expect((await suite.stack.http.post(`/cases/${caseId}/documents`, { file: 'x' }, contact)).body).toMatchObject({ code: 'MULTIPART_REQUIRED' });
      expect({ rows: (await listed()).length, files: await stored() }).toEqual(before);
    });

    it('refuses a file over the limit (413) and an upload cut off midway, leaving neither a row nor a file', async () => {
      const small = await suite.stack.extraApi({ DOCUMENT_MAX_BYTES: '2048' });
      const before = { rows: (await listed()).length, files: await stored() };
      const large = await uploadDocument(small.url, caseId, { fileName: '大文件.txt', bytes: Buffer.alloc(5000, 'a') }, contact);
      expect(large).toMatchObject({ status: 413, body: { code: 'DOCUMENT_TOO_LARGE', maxBytes: 2048 } });

      // A browser that goes away halfway: the head of a 1 MB upload, then the connection drops.
      const boundary = 'qinglian-cut-off';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="半截.txt"\r\nContent-Type: text/plain\r\n\r\n`;
      const url = new URL(`${suite.stack.url}/cases/${caseId}/documents`);
      const cut = httpRequest(url, {
        method: 'POST',
        headers: { ...contact, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(1_048_576) },
      });
      cut.on('error', () => undefined);
      cut.write(head + 'b'.repeat(100_000));
      await eventually('the upload to arrive in a scratch file', () => Promise.resolve(scratchFiles().length > 0 ? true : undefined), 10_000);
      cut.destroy();
      await eventually('the cut-off upload to be cleaned away', async () => ((await stored()) === before.files ? true : undefined), 10_000);
      expect((await listed()).length).toBe(before.rows);
      await small.close();
    });

    it('lets only those who see the case read its documents (404 otherwise), and the read-only auditor upload nothing', async () => {
      const stored = await upload(ACCEPTED_SAMPLES[0] ?? { fileName: 'x', bytes: Buffer.from('x') });
      expect((await download(stored.body.id, otherContact)).status).toBe(404);
      expect((await download(stored.body.id, suite.stack.actors.carol)).status).toBe(404);
      expect((await download(stored.body.id, suite.stack.actors.auditor)).status).toBe(200);
      expect((await suite.stack.http.get(`/cases/${caseId}/documents`, otherContact)).status).toBe(404);
      expect((await upload({ fileName: '别人的.txt', bytes: Buffer.from('越权') }, otherContact)).status).toBe(404);
      expect((await upload({ fileName: '审计.txt', bytes: Buffer.from('只读') }, suite.stack.actors.auditor)).status).toBe(403);
      expect((await listed()).map((document) => document.id)).toContain(stored.body.id);
    });

    it('streams a file larger than the api process may hold in its heap, in and out', async () => {
      const size = 200 * 1024 * 1024;
      const api = await startApiProcess(suite.stack.config, { DOCUMENT_MAX_BYTES: String(size + 1024), NODE_OPTIONS: '--max-old-space-size=128' });
      try {
        // A text file of `size` bytes, made as it is sent, hashed on the way out.
        const sent = createHash('sha256');
        const chunk = Buffer.alloc(1024 * 1024, '清廉'.repeat(4) + '\n');
        const boundary = 'qinglian-large';
        const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="大文件.txt"\r\nContent-Type: text/plain\r\n\r\n`);
        const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
        const body = Readable.from(
          (function* () {
            yield head;
            for (let sentBytes = 0; sentBytes < size; sentBytes += chunk.length) {
              sent.update(chunk);
              yield chunk;
            }
            yield tail;
          })(),
        );
        const answer = await new Promise<{ status: number; body: StoredDocument }>((resolve, reject) => {
          const upload = httpRequest(
            new URL(`${api.url}/cases/${caseId}/documents`),
            {
              method: 'POST',
              headers: { ...contact, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) },
            },
            (response) => {
              const parts: Buffer[] = [];
              response.on('data', (part: Buffer) => parts.push(part));
              response.on('end', () => {
                resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString()) as StoredDocument });
              });
            },
          );
          upload.on('error', reject);
          body.pipe(upload);
        });
        expect(answer.status).toBe(201);
        expect(answer.body).toMatchObject({ size, sha256: sent.digest('hex'), mediaType: 'text/plain' });
        const received = createHash('sha256');
        const download = await fetch(`${api.url}/documents/${answer.body.id}`, { headers: contact });
        for await (const part of download.body ?? []) received.update(part as Uint8Array);
        expect(received.digest('hex')).toBe(answer.body.sha256);
      } finally {
        await api.stop();
      }
    });

    it('reports a file a step rests on as missing once it is gone from the store, and refuses a step naming it', async () => {
      const bytes = Buffer.from(`${store} 创建方案：成立清廉医院建设领导小组。\n`);
      const plan = await upload({ fileName: '清廉医院创建方案.txt', bytes });
      await expectStatus(suite.stack.http.post(`/cases/${caseId}/plan`, { summary: '创建方案', documentIds: [plan.body.id] }, contact));
      const verify = () => expectStatus(suite.stack.http.get<AuditReport>(`/audit/verify?caseId=${encodeURIComponent(caseId)}&documents=true`));
      expect((await verify()).ok).toBe(true);
      if (store === 'folder')
        await rm(join(suite.stack.config.dataDir, 'documents', plan.body.sha256.slice(0, 2), plan.body.sha256.slice(2, 4), plan.body.sha256));
      else await s3Client().send(new DeleteObjectCommand({ Bucket: s3?.bucket, Key: `sha256/${plan.body.sha256}` }));
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.documents?.problems).toEqual([
        expect.objectContaining({ caseId, documentId: plan.body.id, problem: 'missing', expected: sha256(bytes), found: null }),
      ]);
      await expectStatus(suite.stack.http.post(`/cases/${caseId}/plan/review`, { approve: true }));
      const refused = await suite.stack.http.post<{ code: string }>(
        `/cases/${caseId}/progress-reports`,
        { summary: '进度', documentIds: [plan.body.id] },
        contact,
      );
      expect([refused.status, refused.body.code]).toEqual([409, 'DOCUMENT_CONTENT_MISSING']);
      // The same bytes uploaded again make the record whole.
      await upload({ fileName: '重传.txt', bytes });
      expect((await verify()).ok).toBe(true);
    });

    it('previews images and PDF inline in a sandbox when asked, and never anything else', async () => {
      const pdf = await upload(ACCEPTED_SAMPLES[0] ?? { fileName: 'x', bytes: Buffer.from('x') });
      const preview = await download(pdf.body.id, contact, '?inline=true');
      expect(preview.headers.get('content-disposition')).toMatch(/^inline;/);
      expect(preview.headers.get('content-security-policy')).toMatch(/^sandbox;/);
      const text = await upload({ fileName: '说明.html', bytes: Buffer.from('<html><script>alert(1)</script></html>') });
      expect(text.body.mediaType).toBe('text/plain');
      const attached = await download(text.body.id, contact, '?inline=true');
      expect(attached.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(attached.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    });
  });
