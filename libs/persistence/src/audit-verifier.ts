import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { documentsReferencedBy } from '#domain';
import { eventBodyOf } from './case-projection.js';
import { BlobMissing, type BlobStore } from './documents/blob-store.js';
import { CaseEventEntity } from './entities/index.js';
import { eventsInChainOrder } from './event-stream.js';
import { GENESIS_HASH, hashEvent, hashedFieldsOf } from './event-hash.js';

export type BrokenLinkProblem = 'sequence' | 'prev_hash' | 'hash';

/** The first place where a case's chain does not hold: what was expected there and what was found. */
export interface BrokenLink {
  readonly caseId: string;
  readonly sequence: number;
  readonly problem: BrokenLinkProblem;
  readonly expected: string;
  readonly found: string;
}

/** A file an event rests on that is gone from the store, or whose bytes no longer hash to what the event recorded. */
export interface DocumentProblem {
  readonly caseId: string;
  readonly sequence: number;
  readonly documentId: string;
  readonly name: string;
  readonly problem: 'missing' | 'altered';
  /** The SHA-256 the event recorded. */
  readonly expected: string;
  /** The SHA-256 of the bytes now stored (null when they are gone). */
  readonly found: string | null;
}

/** What re-hashing the stored files referenced by events found. */
export interface DocumentsReport {
  /** References checked (a file referenced by several events counts for each). */
  readonly referencesChecked: number;
  /** Distinct stored files re-hashed. */
  readonly filesHashed: number;
  /** Every reference whose file is missing or altered, in chain order (at most 1,000 listed). */
  readonly problems: readonly DocumentProblem[];
  readonly problemCount: number;
}

export interface AuditReport {
  readonly ok: boolean;
  readonly casesChecked: number;
  readonly eventsChecked: number;
  readonly firstBrokenLink: BrokenLink | null;
  /** Present when the stored files were checked too (\`--documents\`). */
  readonly documents?: DocumentsReport;
}

/** How far a verification has come, of the totals counted before it began. */
export interface VerifyProgress {
  readonly casesChecked: number;
  readonly casesTotal: number;
  readonly eventsChecked: number;
  readonly eventsTotal: number;
}

export interface VerifyOptions {
  /** Also re-hash every stored file an event references. */
  readonly documents?: boolean;
  /**
   * Told the totals before the walk begins (cases and events, counted first), then again each time a case has been
   * checked; the caller decides how often to pass it on.
   */
  readonly onProgress?: (progress: VerifyProgress) => void;
  /** Ends the walk early (the one who asked went away): it rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

const PROBLEMS_LISTED = 1000;

/** Re-hashes stored files, each once per verification however many events reference it. */
class StoredFileCheck {
  private readonly hashes = new Map<string, string | null>();
  referencesChecked = 0;
  problemCount = 0;
  readonly problems: DocumentProblem[] = [];

  constructor(private readonly blobs: BlobStore) {}

  get filesHashed(): number {
    return this.hashes.size;
  }

  async check(event: CaseEventEntity): Promise<void> {
    for (const ref of documentsReferencedBy(eventBodyOf(event))) {
      this.referencesChecked += 1;
      const found = await this.hashOf(ref.sha256);
      if (found === ref.sha256) continue;
      this.problemCount += 1;
      if (this.problems.length < PROBLEMS_LISTED) {
        this.problems.push({
          caseId: event.caseId,
          sequence: event.sequence,
          documentId: ref.documentId,
          name: ref.name,
          problem: found === null ? 'missing' : 'altered',
          expected: ref.sha256,
          found,
        });
      }
    }
  }

  report(): DocumentsReport {
    return { referencesChecked: this.referencesChecked, filesHashed: this.filesHashed, problems: this.problems, problemCount: this.problemCount };
  }

  private async hashOf(sha256: string): Promise<string | null> {
    const known = this.hashes.get(sha256);
    if (known !== undefined) return known;
    let found: string | null;
    try {
      const hash = createHash('sha256');
      await pipeline(await this.blobs.open(sha256), hash);
      found = hash.digest('hex');
    } catch (error) {
      if (!(error instanceof BlobMissing)) throw error;
      found = null;
    }
    this.hashes.set(sha256, found);
    return found;
  }
}

interface ChainPosition {
  caseId: string | null;
  sequence: number;
  hash: string;
}

/**
 * Walks the hash chains of the audit trail, one case or the whole store, in keyset-paged batches; on request also
 * re-hashes the stored files the events reference.
 */
export class AuditVerifier {
  constructor(
    private readonly orm: MikroORM,
    private readonly blobs: BlobStore | null = null,
    private readonly batchSize = 1000,
  ) {}

  verifyCase(caseId: string, options: VerifyOptions = {}): Promise<AuditReport> {
    return this.walk(caseId, options);
  }

  verifyAll(options: VerifyOptions = {}): Promise<AuditReport> {
    return this.walk(null, options);
  }

  private async walk(onlyCase: string | null, options: VerifyOptions): Promise<AuditReport> {
    if (options.documents && !this.blobs) throw new Error('the audit verifier was made without the document store');
    const files = options.documents && this.blobs ? new StoredFileCheck(this.blobs) : null;
    const chains = await this.walkChains(onlyCase, files, options);
    if (!files) return chains;
    const documents = files.report();
    return { ...chains, ok: chains.ok && documents.problemCount === 0, documents };
  }

  private async walkChains(onlyCase: string | null, files: StoredFileCheck | null, options: VerifyOptions): Promise<AuditReport> {
    let position: ChainPosition = { caseId: null, sequence: 0, hash: GENESIS_HASH };
    let casesChecked = 0;
    let eventsChecked = 0;
    const totals = options.onProgress ? await this.totals(onlyCase) : null;
    // A case is reported once all of its events are checked, i.e. when the next case begins (and at the end).
    const report = (casesDone: number, eventsDone: number): void => {
      if (totals) options.onProgress?.({ casesChecked: casesDone, casesTotal: totals.cases, eventsChecked: eventsDone, eventsTotal: totals.events });
    };
    report(0, 0);
    const events = eventsInChainOrder(this.orm.em.fork(), { batchSize: this.batchSize, ...(onlyCase === null ? {} : { caseId: onlyCase }) });
    for await (const event of events) {
      if (event.caseId !== position.caseId) {
        if (position.caseId !== null) report(casesChecked, eventsChecked);
        options.signal?.throwIfAborted();
        position = { caseId: event.caseId, sequence: 0, hash: GENESIS_HASH };
        casesChecked += 1;
      }
      eventsChecked += 1;
      const broken = brokenLink(event, position);
      if (broken) return { ok: false, casesChecked, eventsChecked, firstBrokenLink: broken };
      await files?.check(event);
      position = { caseId: event.caseId, sequence: event.sequence, hash: event.hash };
    }
    report(casesChecked, eventsChecked);
    return { ok: true, casesChecked, eventsChecked, firstBrokenLink: null };
  }

  /** The cases and events a walk will meet, counted in one query before it begins (no hashing, no payloads read). */
  private async totals(onlyCase: string | null): Promise<{ cases: number; events: number }> {
    const em = this.orm.em.fork() as SqlEntityManager;
    const where = onlyCase === null ? {} : { caseId: onlyCase };
    const [cases, events] = await Promise.all([em.createQueryBuilder(CaseEventEntity).where(where).getCount('caseId', true), em.count(CaseEventEntity, where)]);
    return { cases, events };
  }
}

function brokenLink(event: CaseEventEntity, previous: ChainPosition): BrokenLink | null {
  const at = { caseId: event.caseId, sequence: event.sequence };
  if (event.sequence !== previous.sequence + 1) {
    return { ...at, problem: 'sequence', expected: String(previous.sequence + 1), found: String(event.sequence) };
  }
  if (event.prevHash !== previous.hash) {
    return { ...at, problem: 'prev_hash', expected: previous.hash, found: event.prevHash };
  }
  const recomputed = hashEvent(event.prevHash, hashedFieldsOf(event));
  return recomputed === event.hash ? null : { ...at, problem: 'hash', expected: recomputed, found: event.hash };
}
