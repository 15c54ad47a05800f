import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { MikroORM } from '@mikro-orm/core';
import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '#config';
import type { RecordedCaseEvent } from '#contracts';
import {
  checkpointLogFor,
  CheckpointRefused,
  checkpointSigningKey,
  CheckpointWriter,
  describeCheckpointProblem,
  eventsInChainOrder,
  type AuditReport,
  type CheckpointLog,
} from '#persistence';
import { workflowLastSequence } from '#temporal';

/** Exit code when the trail (or the checkpoints, the read model, the workflows) does not hold. */
export const EXIT_TRAIL_BROKEN = 3;

/** The lines audit:verify prints after the chains and the files: checkpoints, read model, account events, workflows. */
export function describeTrailChecks(report: AuditReport): string[] {
  const lines: string[] = [];
  const checkpoints = report.checkpoints;
  if (checkpoints) {
    const latest = checkpoints.latest;
    const against = latest
      ? `${checkpoints.checkpointsChecked} checkpoints, latest #${latest.number} of ${latest.createdAt} (${latest.cases} cases, ${latest.events} events, key ${latest.keyId.slice(0, 16)}…)`
      : 'no checkpoint written yet';
    lines.push(
      checkpoints.problemCount === 0
        ? `检查点相符 / checkpoints hold: ${against}`
        : `与检查点不符 / checkpoints CONTRADICTED: ${checkpoints.problemCount} problems against ${against}`,
      ...checkpoints.problems.map((problem) => `  ${describeCheckpointProblem(problem)}`),
    );
  }
  const readModel = report.readModel;
  lines.push(
    readModel.problemCount === 0
      ? `案件视图相符 / read model agrees: ${readModel.casesChecked} cases`
      : `案件视图与事件链不符 / read model DISAGREES: ${readModel.problemCount} cases`,
    ...readModel.problems.map(
      (problem) =>
        `  ${problem.caseId}: ${problem.problem}, chain last sequence ${problem.chainLastSequence ?? '—'}, case_record ${problem.recordLastSequence ?? '—'}`,
    ),
  );
  const account = report.accountEvents;
  if (account) {
    const link = account.firstBrokenLink;
    lines.push(
      link
        ? `账户记录链被篡改 / account events chain BROKEN at #${link.sequence} (${link.problem}): expected ${link.expected}, found ${link.found}`
        : `账户记录链完整 / account events chain intact: ${account.eventsChecked} events`,
    );
  }
  const workflows = report.workflows;
  if (workflows) {
    if (!workflows.reachable) lines.push(`未能询问工作流 / workflows NOT checked (Temporal out of reach): ${workflows.error ?? ''}`);
    else {
      lines.push(
        workflows.problemCount === 0
          ? `工作流相符 / workflows agree: ${workflows.casesChecked} cases`
          : `工作流与事件链不符 / workflows DISAGREE: ${workflows.problemCount} cases`,
        ...workflows.problems.map(
          (problem) =>
            `  ${problem.caseId}: ${problem.problem}, chain last sequence ${problem.chainLastSequence}, workflow ${problem.workflowLastSequence ?? '—'}`,
        ),
      );
    }
  }
  lines.push(report.ok ? '结论：完整 / verdict: OK' : '结论：有问题 / verdict: PROBLEMS FOUND');
  return lines;
}

/**
 * Runs `use` with a way to ask each case's workflow for its last sequence; when Temporal cannot be reached, every ask
 * rejects with why (the report then says the workflows were not checked).
 */
export async function withWorkflowHeads<T>(config: AppConfig, use: (lastSequenceOf: (caseId: string) => Promise<number | null>) => Promise<T>): Promise<T> {
  let connection: Connection;
  try {
    connection = await Connection.connect({ address: config.temporal.address, connectTimeout: '5 seconds' });
  } catch (error) {
    const reason = `${config.temporal.address}: ${error instanceof Error ? error.message : String(error)}`;
    return use(() => Promise.reject(new Error(reason)));
  }
  try {
    return await use(workflowLastSequence(new Client({ connection, namespace: config.temporal.namespace })));
  } finally {
    await connection.close();
  }
}

/** audit:checkpoint — signs and writes the next checkpoint; refuses (exit 3) when the trail contradicts the last one. */
export async function writeCheckpoint(orm: MikroORM, config: AppConfig): Promise<number> {
  const log: CheckpointLog = checkpointLogFor(config);
  try {
    const written = await new CheckpointWriter(orm, log, checkpointSigningKey(config)).write();
    console.log(
      `审计检查点已写入 / audit checkpoint #${written.number} written: ${written.cases} cases, ${written.events} events, ` +
        `${written.accountEvents} account events, root ${written.root}, key ${written.keyId}\n  → ${written.stores.join('\n  → ')}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof CheckpointRefused)) throw error;
    console.error(error.message);
    return EXIT_TRAIL_BROKEN;
  }
}

/**
 * audit:export — every stored event (or one case's) as JSON lines, in chain order, each exactly as GET
 * /api/cases/:caseId/events answers it but unredacted: what an outside auditor recomputes the checkpoints from.
 */
export async function exportEvents(
  orm: MikroORM,
  options: { readonly caseId: string | undefined; readonly out: string | undefined },
): Promise<{ events: number }> {
  const output: Writable = options.out === undefined ? process.stdout : createWriteStream(options.out, { flags: 'wx' });
  let count = 0;
  for await (const event of eventsInChainOrder(orm.em.fork(), { batchSize: 1000, ...(options.caseId === undefined ? {} : { caseId: options.caseId }) })) {
    const recorded: RecordedCaseEvent = {
      eventId: event.id,
      caseId: event.caseId,
      sequence: event.sequence,
      type: event.type,
      payload: event.payload,
      actor: { id: event.actorId, role: event.actorRole },
      reason: event.reason,
      occurredAt: event.occurredAt.toISOString(),
      frameworkVersion: event.frameworkVersion,
      prevHash: event.prevHash,
      hash: event.hash,
    };
    if (!output.write(`${JSON.stringify(recorded)}\n`)) await once(output, 'drain');
    count += 1;
  }
  if (output !== process.stdout) {
    output.end();
    await once(output, 'finish');
  }
  return { events: count };
}
