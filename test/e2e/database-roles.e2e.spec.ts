import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { completeCultivation, expectStatus as ok } from '../support/case-journey.js';
import { runCli } from '../support/cli.js';
import { createRoleSeparatedDatabase, refusal, type RoleSeparatedDatabase } from '../support/database-roles.js';
import { startStack, type RunningStack } from '../support/stack.js';
import { useDevServer } from '../support/suite.js';

interface CaseView {
  readonly caseId: string;
  readonly stage: string;
}

const devServer = useDevServer();

// Its own block, so that the stack stops before the file's dev server does.
describe('the api and the worker connected as the app’s role, the migrations run as the owner (PostgreSQL, as docker compose runs them)', () => {
  let database: RoleSeparatedDatabase;
  let stack: RunningStack;
  let app: pg.Client;
  let campaignId: string;

  const migrateAsOwner = () => runCli(['migration:up'], { DATABASE_URL: database.owner.url, DATABASE_APP_ROLE: database.appRole });

  /** A case enrolled and taken through cultivation; what the api shows of it and what the app's role reads in the tables. */
  async function caseThroughCultivation(
    unitName: string,
  ): Promise<{ view: CaseView; events: number; lastSequence: number | undefined; stage: string | undefined }> {
    const { caseId } = await stack.enrollNewUnit(campaignId, unitName);
    await completeCultivation(stack, caseId);
    const view = await ok(stack.http.get<CaseView>(`/cases/${caseId}`));
    const events = await app.query<{ count: string }>('select count(*) as count from case_event where case_id = $1', [caseId]);
    const record = await app.query<{ last_sequence: number; stage: string }>('select last_sequence, stage from case_record where case_id = $1', [caseId]);
    return { view, events: Number(events.rows[0]?.count), lastSequence: record.rows[0]?.last_sequence, stage: record.rows[0]?.stage };
  }

  beforeAll(async () => {
    database = await createRoleSeparatedDatabase();
    const migrated = await migrateAsOwner();
    if (migrated.status !== 0) throw new Error(`migration:up as the owner: ${migrated.status} ${migrated.stderr}`);
    app = await database.appClient();
    stack = await startStack(devServer.env, database.app);
    campaignId = await stack.createCampaign({ year: 2019, name: '数据库角色 2019' });
  });

  afterAll(async () => {
    await stack.stop();
    await database.drop();
  });

  it('takes case steps and records logins, every row written as the app’s role', async () => {
    const { view, events, lastSequence, stage } = await caseThroughCultivation('东湖村');
    expect(events).toBeGreaterThanOrEqual(5);
    expect(lastSequence).toBe(events);
    expect(stage).toBe(view.stage);
    const logins = await app.query<{ count: string }>(`select count(*) as count from account_event where type = 'LoginSucceeded'`);
    expect(Number(logins.rows[0]?.count)).toBeGreaterThan(0);
    const owners = await app.query<{ owner: string }>(`select distinct tableowner as owner from pg_tables where schemaname = current_schema()`);
    expect(owners.rows).toEqual([{ owner: database.ownerRole }]);
  });

  it('cannot change what it wrote', async () => {
    for (const sql of ['update case_event set actor_id = $$forged$$', 'delete from account_event', 'alter table case_event disable trigger user']) {
      expect([sql, (await refusal(app, sql))?.code]).toEqual([sql, '42501']);
    }
  });

  it('keeps working when the migration job runs again while it runs', async () => {
    const again = await migrateAsOwner();
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('PostgreSQL: schema is up to date');
    expect(again.stdout).toContain(
      `PostgreSQL: role ${database.appRole} may SELECT, INSERT on account_event, case_event and SELECT, INSERT, UPDATE, DELETE on`,
    );
    const { view, events, lastSequence, stage } = await caseThroughCultivation('西津社区');
    expect(lastSequence).toBe(events);
    expect(stage).toBe(view.stage);
  });
});
