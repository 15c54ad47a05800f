import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Client } from '@temporalio/client';
import { AppConfig, repoRoot } from '#config';
import { notFound, SYSTEM_ACTOR, type Actor } from '#domain';
import {
  AccountStore,
  AuditVerifier,
  CaseEventEntity,
  CaseRecordEntity,
  CheckpointLog,
  likePattern,
  type AuditReport,
  type VerifyOptions,
  type VerifyProgress,
} from '#persistence';
import { workflowLastSequence } from '#temporal';
import { queriedTimeRange } from '../common/time-range.dto.js';
import type { AuditEventPageDto, AuditEventsQuery, AuditVerificationReportDto, VerifyAuditQuery } from './audit.dto.js';
import { ApiMetrics } from '../metrics/api-metrics.js';

/** 审计: the audit log across every case, and the verification of its hash chains (also with progress, and as a report). */
@Injectable()
export class AuditService {
  private code: AuditVerificationReportDto['code'] | undefined;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(AuditVerifier) private readonly verifier: AuditVerifier,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(CheckpointLog) private readonly checkpoints: CheckpointLog,
    @Inject(Client) private readonly temporal: Client,
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
  ) {}

  /** The events of every case, newest first, by actor, type, case, campaign and time; each with its unit and its actor's name. */
  async events(query: AuditEventsQuery): Promise<AuditEventPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { from, before } = queriedTimeRange(query);
    const filters: FilterQuery<CaseEventEntity>[] = [
      ...(query.actorId === undefined ? [] : [{ actorId: query.actorId }]),
      ...(query.type === undefined ? [] : [{ type: query.type }]),
      ...(query.caseId === undefined ? [] : [{ caseId: query.caseId }]),
      // Case ids are case:<campaign>:<unit>.
      ...(query.campaignId === undefined ? [] : [{ caseId: { $like: likePattern(`case:${query.campaignId}:`, 'prefix') } }]),
      ...(from === null ? [] : [{ occurredAt: { $gte: from } }]),
      ...(before === null ? [] : [{ occurredAt: { $lt: before } }]),
    ];
    const em = this.orm.em.fork();
    const [events, total] = await em.findAndCount(CaseEventEntity, filters.length ? { $and: filters } : {}, {
      fields: ['id', 'caseId', 'sequence', 'type', 'actorId', 'actorRole', 'reason', 'occurredAt', 'hash'],
      orderBy: { occurredAt: 'desc', caseId: 'asc', sequence: 'desc' },
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const caseIds = [...new Set(events.map((event) => event.caseId))];
    const actorIds = [...new Set(events.map((event) => event.actorId).filter((id) => id !== SYSTEM_ACTOR.id))];
    const [records, names] = await Promise.all([
      caseIds.length
        ? em.find(CaseRecordEntity, { caseId: { $in: caseIds } }, { fields: ['caseId', 'campaignId', 'unitId', 'unitName'] })
        : Promise.resolve([]),
      actorIds.length ? this.accounts.namesOf(actorIds) : Promise.resolve(new Map<string, string>()),
    ]);
    const cases = new Map(records.map((record) => [record.caseId, record]));
    const items = events.map((event) => {
      const record = cases.get(event.caseId);
      return {
        eventId: event.id,
        caseId: event.caseId,
        campaignId: record?.campaignId ?? null,
        unitId: record?.unitId ?? null,
        unitName: record?.unitName ?? null,
        sequence: event.sequence,
        type: event.type,
        actor: { id: event.actorId, role: event.actorRole, name: names.get(event.actorId) ?? null },
        reason: event.reason,
        occurredAt: event.occurredAt.toISOString(),
        hash: event.hash,
      };
    });
    return { items, total, page, pageSize };
  }

  /** GET /api/audit/verify's verification, optionally told of its progress and stopped by a signal. */
  verify(query: VerifyAuditQuery, progress: { onProgress?: (progress: VerifyProgress) => void; signal?: AbortSignal } = {}): Promise<AuditReport> {
    const options: VerifyOptions = {
      documents: query.documents === 'true',
      ...(query.workflows === 'true' ? { workflowLastSequence: workflowLastSequence(this.temporal) } : {}),
      ...progress,
    };
    const scope = query.caseId === undefined ? 'all' : 'case';
    const verified = query.caseId === undefined ? this.verifier.verifyAll(options) : this.verifier.verifyCase(query.caseId, options);
    return verified.then((report) => {
      this.metrics.auditVerifications.inc({ scope, result: report.ok ? 'ok' : 'problems' });
      return report;
    });
  }

  /** The verification as a report to keep: when, by whom, on which database and code, of what. */
  async report(query: VerifyAuditQuery, actor: Actor): Promise<AuditVerificationReportDto> {
    const startedAt = new Date();
    const [report, names] = await Promise.all([this.verify(query), this.accounts.namesOf([actor.id])]);
    return {
      title: '清廉细胞示范点创建管理 · 审计记录校验报告 / Qinglian audit verification report',
      startedAt: startedAt.toISOString(),
      generatedAt: new Date().toISOString(),
      generatedBy: { id: actor.id, role: actor.role, name: names.get(actor.id) ?? null },
      database: this.config.database.kind,
      code: this.codeVersion(),
      scope: { caseId: query.caseId ?? null, documents: query.documents === 'true', workflows: query.workflows === 'true' },
      report,
    };
  }

  /** The public key audit checkpoints are verified with (PEM), and its key id. */
  async checkpointPublicKey(): Promise<{ readonly pem: string; readonly keyId: string }> {
    const key = await this.checkpoints.publicKey();
    if (!key) throw notFound('审计检查点公钥', 'Audit checkpoint public key', 'public-key.pem', 'CHECKPOINT_KEY_UNKNOWN');
    return key;
  }

  /** The release (package.json) and, in a git checkout, the commit it runs from (images have no .git: null). */
  private codeVersion(): AuditVerificationReportDto['code'] {
    if (this.code) return this.code;
    const root = repoRoot();
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    this.code = { version, commit: gitCommit(join(root, '.git')) };
    return this.code;
  }
}

/** The commit HEAD names in a git folder (following a branch reference, loose or packed), or null. */
function gitCommit(gitDir: string): string | null {
  try {
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (ref === undefined) return /^[0-9a-f]{40}$/.test(head) ? head : null;
    const loose = join(gitDir, ref);
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
    const packed = readFileSync(join(gitDir, 'packed-refs'), 'utf8')
      .split('\n')
      .find((line) => line.endsWith(` ${ref}`));
    return packed?.split(' ')[0] ?? null;
  } catch {
    return null;
  }
}
