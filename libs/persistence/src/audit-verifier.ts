import type { MikroORM } from '@mikro-orm/core';
import type { CaseEventEntity } from './entities/index.js';
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

export interface AuditReport {
  readonly ok: boolean;
  readonly casesChecked: number;
  readonly eventsChecked: number;
  readonly firstBrokenLink: BrokenLink | null;
}

interface ChainPosition {
  caseId: string | null;
  sequence: number;
  hash: string;
}

/** Walks the hash chains of the audit trail, one case or the whole store, in keyset-paged batches. */
export class AuditVerifier {
  constructor(
    private readonly orm: MikroORM,
    private readonly batchSize = 1000,
  ) {}

  verifyCase(caseId: string): Promise<AuditReport> {
    return this.walk(caseId);
  }

  verifyAll(): Promise<AuditReport> {
    return this.walk(null);
  }

  private async walk(onlyCase: string | null): Promise<AuditReport> {
    let position: ChainPosition = { caseId: null, sequence: 0, hash: GENESIS_HASH };
    let casesChecked = 0;
    let eventsChecked = 0;
    const events = eventsInChainOrder(this.orm.em.fork(), { batchSize: this.batchSize, ...(onlyCase === null ? {} : { caseId: onlyCase }) });
    for await (const event of events) {
      if (event.caseId !== position.caseId) {
        position = { caseId: event.caseId, sequence: 0, hash: GENESIS_HASH };
        casesChecked += 1;
      }
      eventsChecked += 1;
      const broken = brokenLink(event, position);
      if (broken) return { ok: false, casesChecked, eventsChecked, firstBrokenLink: broken };
      position = { caseId: event.caseId, sequence: event.sequence, hash: event.hash };
    }
    return { ok: true, casesChecked, eventsChecked, firstBrokenLink: null };
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
