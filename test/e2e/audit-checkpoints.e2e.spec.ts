import { createPublicKey } from 'node:crypto';
import { expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/core';
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import type { AuditCheckpointWritten } from '#contracts';
import { keyIdOf, openOrm, type AuditReport } from '#persistence';
import { runCli } from '../support/cli.js';
import { eventually } from '../support/http.js';
import { describeOnEachDatabase } from '../support/suite.js';

const SCHEDULE = 'qinglian-audit-checkpoint';

// The schedule's own calendar is moved out of the way (1 January, 00:00): the tests run it when they mean to.
const CRON = '0 0 1 1 *';

describeOnEachDatabase('signed audit checkpoints', { environment: { SCHEDULE_AUDIT_CHECKPOINT_CRON: CRON } }, (suite) => {
  /** Runs the checkpoint schedule now and answers the run's result. */
  async function runSchedule(): Promise<AuditCheckpointWritten> {
    const runs = async () => (await suite.env.client.schedule.getHandle(SCHEDULE).describe()).info.recentActions;
    const before = (await runs()).length;
    expect((await suite.stack.http.post(`/schedules/${SCHEDULE}/trigger`, {})).status).toBe(200);
    const run = await eventually('a new run of the checkpoint schedule', async () => (await runs())[before]?.action.workflow);
    return (await suite.env.client.workflow.getHandle(run.workflowId, run.firstExecutionRunId).result()) as AuditCheckpointWritten;
  }

  const verify = async (query = ''): Promise<AuditReport> => {
    const answer = await suite.stack.http.get<AuditReport>(`/audit/verify${query}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  /** The CLI on the stack's database, data folder and cluster. */
  const cli = (args: string[]) =>
    runCli(args, {
      DATABASE_URL: suite.database.url,
      DATA_DIR: suite.stack.config.dataDir,
      TEMPORAL_ADDRESS: suite.env.address,
      TEMPORAL_TASK_QUEUE: suite.stack.config.temporal.taskQueue,
    });

  it('writes a checkpoint on the schedule’s run, which the verification then holds the trail against; the api serves its key', async () => {
    const listed = (await suite.stack.http.get<{ id: string; cron: string; timezone: string }[]>('/schedules')).body.find(
      (schedule) => schedule.id === SCHEDULE,
    );
    expect(listed).toMatchObject({ cron: CRON, timezone: 'Asia/Shanghai' });
    const campaign = await suite.stack.createCampaign({ year: 2019, name: '检查点测试' });
    await suite.stack.enrollNewUnit(campaign, '上畈村');

    const written = await runSchedule();
    expect(written).toMatchObject({ number: 1, stores: [`folder ${suite.stack.config.auditCheckpoints.directory}`] });
    expect(written.cases).toBeGreaterThanOrEqual(1);
    expect(written.accountEvents).toBeGreaterThanOrEqual(1);
    const report = await verify();
    expect(report).toMatchObject({
      ok: true,
      checkpoints: { checkpointsChecked: 1, problems: [], latest: { number: 1, root: written.root } },
      readModel: { problemCount: 0 },
    });

    const key = await suite.stack.http.call<string>('GET', '/audit/checkpoints/public-key', undefined, suite.stack.actors.auditor);
    expect(key.status).toBe(200);
    expect(key.headers.get('content-type')).toContain('application/x-pem-file');
    expect(key.headers.get('audit-checkpoint-key-id')).toBe(written.keyId);
    expect(keyIdOf(createPublicKey(key.body))).toBe(written.keyId);
  });

  it('is written and verified from the command line too, asking each case’s workflow for its last sequence', async () => {
    const written = await cli(['audit:checkpoint']);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    expect(written.stdout).toContain('audit checkpoint #2 written');
    const verified = await cli(['audit:verify', '--workflows']);
    expect(verified.stdout).toContain('checkpoints hold: 2 checkpoints, latest #2');
    expect(verified.stdout).toMatch(/workflows agree: \d+ cases/);
    expect(verified.status).toBe(0);
    expect(await verify('?workflows=true')).toMatchObject({ ok: true, workflows: { reachable: true, problems: [] } });
  });

  it('refuses, on the schedule’s run, to sign over a case’s deleted last event; the verification names the case and sequence', async () => {
    const campaign = await suite.stack.createCampaign({ year: 2019, name: '删除测试' });
    const { caseId } = await suite.stack.enrollNewUnit(campaign, '后吴村');
    await runSchedule();
    const events = (await suite.stack.http.get<{ sequence: number }[]>(`/cases/${caseId}/events`)).body;
    const last = events.at(-1)?.sequence ?? 0;
    expect(last).toBeGreaterThanOrEqual(1);

    // As the tables' owner, behind the application's back: the event gone, the read model made to match.
    const owner: MikroORM = await openOrm(suite.database.config);
    try {
      const connection = owner.em.getConnection();
      if (suite.kind === 'PostgreSQL') await connection.execute('alter table case_event disable trigger user');
      else for (const name of ['case_event_refuse_update', 'case_event_refuse_delete']) await connection.execute(`drop trigger if exists ${name}`);
      await connection.execute('delete from case_event where case_id = ? and sequence = ?', [caseId, last]);
      if (suite.kind === 'PostgreSQL') await connection.execute('alter table case_event enable trigger user');
      await connection.execute('update case_record set last_sequence = ? where case_id = ?', [last - 1, caseId]);
    } finally {
      await owner.close();
    }

    const refused = await runSchedule().then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(WorkflowFailedError);
    const failure = (refused as WorkflowFailedError).cause?.cause;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'AuditCheckpointRefused', nonRetryable: true });
    expect((failure as ApplicationFailure).message).toContain(`events missing: ${caseId} #${last}`);

    const report = await verify('?workflows=true');
    expect(report.ok).toBe(false);
    expect(report.checkpoints?.problems).toContainEqual(
      expect.objectContaining({ problem: 'events_missing', chain: caseId, fromSequence: last, toSequence: last, checkpoint: 3 }),
    );
    // The case's workflow still knows the deleted event.
    expect(report.workflows?.problems).toEqual([{ caseId, problem: 'disagrees', chainLastSequence: last - 1, workflowLastSequence: last }]);
    const cliReport = await cli(['audit:verify', '--case', caseId]);
    expect(cliReport.status).toBe(3);
    expect(cliReport.stdout).toContain(`events missing: ${caseId} #${last}`);
  });
});
