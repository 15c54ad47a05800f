import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/core';
import { DeleteObjectCommand, GetObjectRetentionCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  ACCOUNT_EVENTS_CHAIN,
  appendAccountEvent,
  AuditVerifier,
  CaseEventStore,
  CheckpointLog,
  CheckpointRefused,
  checkpointFileName,
  CheckpointWriter,
  FolderCheckpointStore,
  hashEvent,
  keyIdOf,
  migrateUp,
  openOrm,
  parseCheckpoint,
  S3CheckpointStore,
  statementDigest,
  type AuditReport,
  type CheckpointProblem,
} from '#persistence';
import type { RecordedCaseEvent } from '#contracts';
import { exportEvents } from '../../apps/cli/src/audit-commands.js';
import { DATABASE_KINDS, createSqliteDatabase, type TestDatabase } from '../support/databases.js';
import { enrollmentEvent, planSubmittedEvent } from '../support/case-events.js';
import { startSeaweedFs, type SeaweedFs } from '../support/seaweedfs.js';

const run = promisify(execFile);
const ADMIN = { id: 'admin-1', role: 'administrator' } as const;

async function chainOf(store: CaseEventStore, caseId: string, from: number, to: number, payload?: Record<string, unknown>): Promise<void> {
  for (let sequence = from; sequence <= to; sequence += 1) {
    await store.append(
      sequence === 1
        ? enrollmentEvent(caseId)
        : planSubmittedEvent(caseId, sequence, payload ? { event: { type: 'PlanSubmitted', payload: payload as never } } : {}),
    );
  }
}

/** The problems a report has against the checkpoints about one chain. */
function about(report: AuditReport, chain: string): CheckpointProblem[] {
  return report.checkpoints?.problems.filter((problem) => problem.chain === chain) ?? [];
}

describe.each(DATABASE_KINDS)('signed audit checkpoints on %s', (kind, createDatabase) => {
  let database: TestDatabase;
  let orm: MikroORM;
  let events: CaseEventStore;
  let directory: string;
  let log: CheckpointLog;
  let writer: CheckpointWriter;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  // Three threads, each over its own range of cases: what the checkpoints catch is caught in every range.
  const verifier = (): AuditVerifier => new AuditVerifier(orm, { checkpoints: log, batchSize: 3, threads: 3, eventsPerThread: 1 });

  /** What the tables' owner may do behind the application's back: switch the append-only triggers off, then change rows. */
  async function asTableOwner(table: 'case_event' | 'account_event', statements: readonly (readonly [string, unknown[]])[]): Promise<void> {
    const connection = orm.em.getConnection();
    if (kind === 'PostgreSQL') await connection.execute(`alter table ${table} disable trigger user`);
    else {
      const triggers = (await connection.execute(`select name from sqlite_master where type = 'trigger' and tbl_name = ?`, [table])) as { name: string }[];
      for (const { name } of triggers) await connection.execute(`drop trigger "${name}"`);
    }
    for (const [sql, params] of statements) await connection.execute(sql, params);
    if (kind === 'PostgreSQL') await connection.execute(`alter table ${table} enable trigger user`);
  }

  /** Changes event `from` of a case and re-hashes it and every event after it, so that the chain holds again. */
  async function rewriteFrom(caseId: string, from: number): Promise<void> {
    const recorded = await events.listForCase(caseId);
    let prevHash = recorded[from - 2]?.hash ?? '';
    const statements: [string, unknown[]][] = [];
    for (const event of recorded.slice(from - 1)) {
      const payload = event.sequence === from ? { ...event.payload, summary: '事后改写的方案' } : event.payload;
      const hash = hashEvent(prevHash, {
        id: event.eventId,
        caseId,
        sequence: event.sequence,
        type: event.type,
        actorId: event.actor.id,
        actorRole: event.actor.role,
        reason: event.reason,
        payload,
        occurredAt: event.occurredAt,
        frameworkVersion: event.frameworkVersion,
      });
      statements.push(['update case_event set payload = ?, prev_hash = ?, hash = ? where id = ?', [JSON.stringify(payload), prevHash, hash, event.eventId]]);
      prevHash = hash;
    }
    await asTableOwner('case_event', statements);
  }

  beforeAll(async () => {
    database = await createDatabase();
    orm = await openOrm(database.config);
    await migrateUp(orm);
    events = new CaseEventStore(orm);
    directory = mkdtempSync(join(tmpdir(), 'qinglian-checkpoints-'));
    log = new CheckpointLog([new FolderCheckpointStore(directory)], publicKey);
    writer = new CheckpointWriter(orm, log, privateKey);

    await chainOf(events, 'case:cp:tail-deleted', 1, 4);
    await chainOf(events, 'case:cp:whole-deleted', 1, 2);
    await chainOf(events, 'case:cp:rewritten-late', 1, 3);
    await chainOf(events, 'case:cp:rewritten-early', 1, 3);
    // Numbers JSON writes in more than one way, for the outside auditor's canonical JSON.
    await chainOf(events, 'case:cp:intact', 1, 2, { summary: '五议两公开', documentRefs: [], weight: 0.00001, share: 12.5, large: 1e21 });
    for (const username of ['office.admin', 'audit.zhou']) await appendAccountEvent(orm.em.fork(), 'LoginSucceeded', { username, actor: ADMIN });
    await writer.write();
    await chainOf(events, 'case:cp:rewritten-late', 4, 5);
    await chainOf(events, 'case:cp:rewritten-early', 4, 5);
    await appendAccountEvent(orm.em.fork(), 'LoggedOut', { username: 'office.admin', actor: ADMIN });
    await writer.write();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes numbered, read-only, chained checkpoints of every head, with the public key beside them; the verifier finds them holding', async () => {
    const first = parseCheckpoint(await readFile(join(directory, checkpointFileName(1))));
    const second = parseCheckpoint(await readFile(join(directory, checkpointFileName(2))));
    expect(statSync(join(directory, checkpointFileName(2))).mode & 0o222).toBe(0);
    expect(second.statement).toMatchObject({ number: 2, previous: statementDigest(first.statement), cases: 5, events: 18, accountEvents: 3, treeSize: 6 });
    expect(second.statement.keyId).toBe(keyIdOf(publicKey));
    expect(second.leaves.map((leaf) => [leaf.chain, leaf.sequence])).toEqual([
      [ACCOUNT_EVENTS_CHAIN, 3],
      ['case:cp:intact', 2],
      ['case:cp:rewritten-early', 5],
      ['case:cp:rewritten-late', 5],
      ['case:cp:tail-deleted', 4],
      ['case:cp:whole-deleted', 2],
    ]);
    expect(second.leaves.find((leaf) => leaf.chain === 'case:cp:tail-deleted')?.hash).toBe((await events.listForCase('case:cp:tail-deleted'))[3]?.hash);
    expect(await readFile(join(directory, 'public-key.pem'), 'utf8')).toBe(publicKey.export({ type: 'spki', format: 'pem' }));
    expect(statSync(join(directory, 'keys', `${keyIdOf(publicKey)}.pem`)).isFile()).toBe(true);

    const report = await verifier().verifyAll();
    expect(report).toMatchObject({
      ok: true,
      casesChecked: 5,
      eventsChecked: 18,
      firstBrokenLink: null,
      checkpoints: { checkpointsChecked: 2, keyIds: [keyIdOf(publicKey)], problems: [], problemCount: 0 },
      readModel: { casesChecked: 5, problemCount: 0 },
      accountEvents: { ok: true, eventsChecked: 3 },
    });
    expect(report.checkpoints?.latest).toEqual({
      number: 2,
      createdAt: second.statement.createdAt,
      root: second.statement.root,
      cases: 5,
      events: 18,
      accountEvents: 3,
      keyId: keyIdOf(publicKey),
    });
  });

  it('is checkable by an outside auditor: python3 recomputes the leaves and the root from audit:export, openssl verifies the signature', async () => {
    const work = mkdtempSync(join(tmpdir(), 'qinglian-auditor-'));
    try {
      const exported = join(work, 'events.jsonl');
      await exportEvents(orm, { caseId: undefined, out: exported });
      await writeFile(join(work, 'public-key.pem'), await readFile(join(directory, 'public-key.pem')));
      const checkpoint = join(directory, checkpointFileName(2));
      const recipe = ['docs/audit-checkpoint-verify.py', checkpoint, exported, '--public-key', join(work, 'public-key.pem')];
      const out = ['--statement-out', join(work, 'statement.bin'), '--signature-out', join(work, 'signature.bin')];
      const recomputed = await run('python3', [...recipe, ...out]);
      expect(recomputed.stdout).toContain('OK: every covered case recomputes to the signed root');
      const verified = await run('openssl', [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        join(work, 'public-key.pem'),
        '-rawin',
        '-in',
        join(work, 'statement.bin'),
        '-sigfile',
        join(work, 'signature.bin'),
      ]);
      expect(verified.stdout).toContain('Signature Verified Successfully');

      // The same recipe on an export whose event was changed afterwards names the case and the sequence.
      const lines = (await readFile(exported, 'utf8')).trim().split('\n');
      const changed = lines.map((line) => {
        const event = JSON.parse(line) as RecordedCaseEvent;
        return event.caseId === 'case:cp:intact' && event.sequence === 2 ? JSON.stringify({ ...event, payload: { ...event.payload, share: 12.6 } }) : line;
      });
      await writeFile(exported, `${changed.join('\n')}\n`);
      const refused = await run('python3', [...recipe, ...out]).then(
        () => null,
        (error: unknown) => error as { code: number; stdout: string },
      );
      expect(refused?.code).toBe(1);
      expect(refused?.stdout).toMatch(/PROBLEM: case:cp:intact #2: the fields hash to [0-9a-f]{64}, the event says/);
      // A statement changed by one byte fails openssl.
      const statement = await readFile(join(work, 'statement.bin'));
      await writeFile(join(work, 'statement.bin'), Buffer.from(statement.toString().replace('"events":18', '"events":17')));
      await expect(
        run('openssl', [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          join(work, 'public-key.pem'),
          '-rawin',
          '-in',
          join(work, 'statement.bin'),
          '-sigfile',
          join(work, 'signature.bin'),
        ]),
      ).rejects.toMatchObject({ stdout: expect.stringContaining('Signature Verification Failure') });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('(a) reports a case’s last event deleted (its read-model row adjusted to match), and the writer refuses to sign over it', async () => {
    await asTableOwner('case_event', [["delete from case_event where case_id = 'case:cp:tail-deleted' and sequence = 4", []]]);
    await orm.em.getConnection().execute("update case_record set last_sequence = 3 where case_id = 'case:cp:tail-deleted'");
    const expected = {
      problem: 'events_missing',
      checkpoint: 2,
      chain: 'case:cp:tail-deleted',
      fromSequence: 4,
      toSequence: 4,
      expected: expect.stringMatching(/^[0-9a-f]{64}$/),
      found: null,
      store: null,
    };
    const report = await verifier().verifyAll();
    expect(report.ok).toBe(false);
    // The chain that is left holds, and so does the read model: only the checkpoint shows the deletion.
    expect(report.firstBrokenLink).toBeNull();
    expect(report.readModel.problems).toEqual([]);
    expect(about(report, 'case:cp:tail-deleted')).toEqual([expected]);
    expect(about(await verifier().verifyCase('case:cp:tail-deleted'), 'case:cp:tail-deleted')).toEqual([expected]);

    const refused = await writer.write().then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(CheckpointRefused);
    expect((refused as CheckpointRefused).problems).toEqual([{ ...expected, expected: expect.any(String) }]);
    expect((refused as CheckpointRefused).message).toContain('events missing: case:cp:tail-deleted #4');
    expect(await new FolderCheckpointStore(directory).numbers()).toEqual([1, 2]);
  });

  it('(b) reports a whole case deleted with its read-model row', async () => {
    await asTableOwner('case_event', [["delete from case_event where case_id = 'case:cp:whole-deleted'", []]]);
    await orm.em.getConnection().execute("delete from case_record where case_id = 'case:cp:whole-deleted'");
    const report = await verifier().verifyAll();
    expect(report.readModel.problems).toEqual([]);
    expect(about(report, 'case:cp:whole-deleted')).toEqual([
      expect.objectContaining({ problem: 'case_missing', checkpoint: 2, fromSequence: 1, toSequence: 2 }),
    ]);
    expect(about(await verifier().verifyCase('case:cp:whole-deleted'), 'case:cp:whole-deleted')).toEqual([
      expect.objectContaining({ problem: 'case_missing', checkpoint: 2, fromSequence: 1, toSequence: 2 }),
    ]);
  });

  it('(c) reports a chain rewritten from an event onwards and re-hashed, narrowed down by the earlier checkpoints', async () => {
    const before = await events.listForCase('case:cp:rewritten-late');
    await rewriteFrom('case:cp:rewritten-late', 4);
    await rewriteFrom('case:cp:rewritten-early', 2);
    const report = await verifier().verifyAll();
    // Re-hashed: every link holds again.
    expect(report.firstBrokenLink).toBeNull();
    // Checkpoint 1 covered #3, which still holds; checkpoint 2 covered #5, which does not: changed after #3, at or before #5.
    expect(about(report, 'case:cp:rewritten-late')).toEqual([
      {
        problem: 'head_changed',
        checkpoint: 2,
        chain: 'case:cp:rewritten-late',
        fromSequence: 4,
        toSequence: 5,
        expected: before[4]?.hash,
        found: (await events.listForCase('case:cp:rewritten-late'))[4]?.hash,
        store: null,
      },
    ]);
    // Rewritten from #2: already the head checkpoint 1 covered (#3) is changed.
    expect(about(report, 'case:cp:rewritten-early')).toEqual([
      expect.objectContaining({ problem: 'head_changed', checkpoint: 1, fromSequence: 1, toSequence: 3 }),
    ]);
  });

  it('reports the account events’ last event deleted', async () => {
    await asTableOwner('account_event', [['delete from account_event where sequence = 3', []]]);
    const report = await verifier().verifyAll();
    expect(report.accountEvents).toMatchObject({ ok: true, eventsChecked: 2 });
    expect(about(report, ACCOUNT_EVENTS_CHAIN)).toEqual([
      expect.objectContaining({ problem: 'events_missing', checkpoint: 2, fromSequence: 3, toSequence: 3 }),
    ]);
  });

  it('reports a checkpoint file changed (root) or removed (link)', async () => {
    const second = join(directory, checkpointFileName(2));
    const file = parseCheckpoint(await readFile(second));
    await chmod(second, 0o644);
    await writeFile(second, JSON.stringify({ ...file, leaves: file.leaves.filter((leaf) => leaf.chain !== 'case:cp:whole-deleted') }));
    await rm(join(directory, checkpointFileName(1)));
    const problems = (await verifier().verifyAll()).checkpoints?.problems.filter((problem) => problem.chain === null);
    expect(problems).toEqual([
      expect.objectContaining({ problem: 'root', checkpoint: 2, expected: file.statement.root }),
      expect.objectContaining({ problem: 'root', checkpoint: 2, expected: expect.stringContaining('cases 5'), found: expect.stringContaining('cases 4') }),
      expect.objectContaining({ problem: 'link', checkpoint: 2, expected: 'checkpoint #1', found: 'checkpoint #2' }),
    ]);
  });
});

describe('signed audit checkpoints in an object store (SeaweedFS, object lock)', () => {
  let seaweed: SeaweedFs;
  let database: TestDatabase;
  let orm: MikroORM;
  let directory: string;
  let bucket: S3CheckpointStore;
  let s3: S3Client;
  const BUCKET = 'qinglian-audit-checkpoints';
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  beforeAll(async () => {
    seaweed = await startSeaweedFs();
    database = await createSqliteDatabase();
    orm = await openOrm(database.config);
    await migrateUp(orm);
    await chainOf(new CaseEventStore(orm), 'case:s3:one', 1, 2);
    directory = mkdtempSync(join(tmpdir(), 'qinglian-checkpoints-'));
    const credentials = { accessKeyId: seaweed.accessKeyId, secretAccessKey: seaweed.secretAccessKey };
    bucket = new S3CheckpointStore({ endpoint: seaweed.endpoint, region: seaweed.region, bucket: BUCKET, ...credentials, retentionDays: 1 });
    s3 = new S3Client({ endpoint: seaweed.endpoint, region: seaweed.region, forcePathStyle: true, credentials });
  }, 90_000);

  afterAll(async () => {
    s3.destroy();
    await orm.close();
    await database.drop();
    rmSync(directory, { recursive: true, force: true });
    await seaweed.stop();
  });

  it('writes each checkpoint once to the bucket (created with object lock) and the folder; concurrent writers take the next numbers', async () => {
    const log = new CheckpointLog([bucket, new FolderCheckpointStore(directory)], publicKey);
    const written = await Promise.all([new CheckpointWriter(orm, log, privateKey).write(), new CheckpointWriter(orm, log, privateKey).write()]);
    expect(written.map((checkpoint) => checkpoint.number).sort()).toEqual([1, 2]);
    expect(written[0].stores).toEqual([`s3://${BUCKET}`, `folder ${directory}`]);
    expect(await bucket.numbers()).toEqual([1, 2]);
    expect(await new FolderCheckpointStore(directory).numbers()).toEqual([1, 2]);
    expect(await bucket.currentPublicKey()).toBe(publicKey.export({ type: 'spki', format: 'pem' }));

    const retention = await s3.send(new GetObjectRetentionCommand({ Bucket: BUCKET, Key: checkpointFileName(1) }));
    expect(retention.Retention?.Mode).toBe('COMPLIANCE');
    expect(retention.Retention?.RetainUntilDate?.getTime()).toBeGreaterThan(Date.now());

    // The store refuses to write a number again (If-None-Match), and the same bytes again count as written.
    const bytes = (await bucket.read(1)) ?? Buffer.alloc(0);
    expect(await bucket.create(1, Buffer.from('{"forged":true}'))).toBe('taken');
    expect(await bucket.create(1, bytes)).toBe('written');
    expect(await new AuditVerifier(orm, { checkpoints: log }).verifyAll()).toMatchObject({ ok: true, checkpoints: { checkpointsChecked: 2, problems: [] } });
  });

  it('keeps a locked checkpoint: deleting its version is refused; writing over it or hiding it is reported, and the first version read', async () => {
    const log = new CheckpointLog([bucket, new FolderCheckpointStore(directory)], publicKey);
    const original = await bucket.read(1);
    const { VersionId } = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: checkpointFileName(1) }));
    expect(VersionId).toEqual(expect.any(String));
    await expect(s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: checkpointFileName(1), VersionId }))).rejects.toMatchObject({ name: 'AccessDenied' });

    // With the bucket's write credentials: a plain overwrite (a new version) and a delete marker.
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: checkpointFileName(1), Body: '{"forged":true}' }));
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: checkpointFileName(2) }));
    await bucket.numbers();
    expect(await bucket.read(1)).toEqual(original);
    const report = await new AuditVerifier(orm, { checkpoints: log }).verifyAll();
    expect(report.checkpoints?.problems).toEqual([
      expect.objectContaining({ problem: 'overwritten', checkpoint: 1, store: `s3://${BUCKET}`, found: '2 versions; its first is read' }),
      expect.objectContaining({
        problem: 'overwritten',
        checkpoint: 2,
        store: `s3://${BUCKET}`,
        found: 'hidden by a delete marker; its first version is read',
      }),
    ]);

    // A checkpoint removed from the folder shows against the bucket.
    await rm(join(directory, checkpointFileName(2)));
    const again = await new AuditVerifier(orm, { checkpoints: log }).verifyAll();
    expect(again.checkpoints?.problems).toContainEqual(expect.objectContaining({ problem: 'missing_from_store', checkpoint: 2, store: `folder ${directory}` }));
  });
});
