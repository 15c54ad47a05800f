import 'reflect-metadata';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/core';
import { AppConfig, ConfigError, type DatabaseConfig } from '#config';
import { seedYongkang2019 } from './seed/seed-command.js';
import { withOneRunToken } from './seed/one-run-token.js';
import {
  AccountRejected,
  AppRoleRejected,
  AccountStore,
  AuditVerifier,
  blobStoreFor,
  checkpointLogFor,
  grantAppRole,
  migrateUp,
  migrationSourceFolder,
  openOrm,
  ProjectionRebuilder,
  type AuditReport,
  type VerifyOptions,
} from '#persistence';
import { SYSTEM_ACTOR } from '#domain';
import { readPassword } from './read-password.js';
import { describeTrailChecks, EXIT_TRAIL_BROKEN, exportEvents, withWorkflowHeads, writeCheckpoint } from './audit-commands.js';

const USAGE = `用法 / usage:
  node dist/apps/cli/src/main.js migration:up              apply pending migrations; with DATABASE_APP_ROLE (PostgreSQL, run as the
                                                           tables' owner) then grant that role the app's privileges
  node dist/apps/cli/src/main.js migration:create <name>   generate a migration from the entities (run migration:up first)
  node dist/apps/cli/src/main.js audit:verify [--case <id>] [--documents] [--workflows]
                                                           verify the audit trail's hash chains, against the signed checkpoints,
                                                           the read model and the account events' chain; with --documents re-hash
                                                           every stored file an event references, with --workflows ask each case's
                                                           workflow for its last sequence (exit 3 when anything is wrong)
  node dist/apps/cli/src/main.js audit:checkpoint          sign and write the next audit checkpoint (exit 3, writing nothing, when
                                                           the trail contradicts the last checkpoint)
  node dist/apps/cli/src/main.js audit:export [--case <id>] [--out <file>]
                                                           every event as JSON lines (unredacted), for an outside auditor
  node dist/apps/cli/src/main.js projections:rebuild       rebuild the case read model and the stage statistics from the events
                                                           (stop the workers first)
  node dist/apps/cli/src/main.js account:create-admin --username <name> [--display-name <name>]
                                                           create an administrator; the password is read from standard input
  node dist/apps/cli/src/main.js seed:yongkang-2019 [--api http://127.0.0.1:3000]   the 2019 Yongkang campaign, through the running api
                                                           (as QINGLIAN_API_TOKEN, an administrator's api token; without it, as an
                                                           administrator's token issued in DATABASE_URL for this run and revoked after)`;

function describeReport(report: AuditReport): string {
  const counted = `${report.casesChecked} cases, ${report.eventsChecked} events`;
  const link = report.firstBrokenLink;
  const lines = link
    ? [
        `审计记录被篡改 / audit trail BROKEN (${counted} checked)`,
        `  case:     ${link.caseId}`,
        `  sequence: ${link.sequence}`,
        `  problem:  ${link.problem}`,
        `  expected: ${link.expected}`,
        `  found:    ${link.found}`,
      ]
    : [`审计记录完整 / audit trail intact: ${counted}`];
  const documents = report.documents;
  if (!documents) return lines.join('\n');
  const checked = `${documents.referencesChecked} references, ${documents.filesHashed} files re-hashed`;
  if (documents.problemCount === 0) return [...lines, `文件完整 / stored files intact: ${checked}`].join('\n');
  lines.push(`文件缺失或被改动 / stored files MISSING OR ALTERED: ${documents.problemCount} of ${checked}`);
  for (const problem of documents.problems) {
    lines.push(
      `  ${problem.caseId} #${problem.sequence} document ${problem.documentId} (${problem.name}): ${problem.problem}, expected ${problem.expected}, found ${problem.found ?? '—'}`,
    );
  }
  return lines.join('\n');
}

interface Options {
  case?: string;
  documents?: boolean;
  workflows?: boolean;
  out?: string;
  api?: string;
  username?: string;
  'display-name'?: string;
}

/** A command on the app database: it gets an open connection, closed after it whatever happens. */
type DatabaseCommand = (
  orm: MikroORM,
  context: { target: string; kind: DatabaseConfig['kind']; name: string | undefined; values: Options; config: AppConfig },
) => Promise<number>;

const DATABASE_COMMANDS: Readonly<Record<string, DatabaseCommand>> = {
  'migration:up': async (orm, { target, config }) => {
    const applied = await migrateUp(orm);
    console.log(applied.length ? `${target}: applied ${applied.join(', ')}` : `${target}: schema is up to date`);
    if (config.databaseAppRole === undefined) return 0;
    try {
      const granted = await grantAppRole(orm, config.databaseAppRole);
      console.log(
        `${target}: role ${granted.role} may SELECT, INSERT on ${granted.eventTables.join(', ')} and SELECT, INSERT, UPDATE, DELETE on ${granted.readModelTables.length} read-model tables`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof AppRoleRejected)) throw error;
      console.error(`DATABASE_APP_ROLE: ${error.message}`);
      return 2;
    }
  },
  'migration:create': async (orm, { target, kind, name }) => {
    if (!name || !/^[A-Za-z0-9_]+$/.test(name)) {
      console.error('migration:create needs a name of letters, digits and underscores');
      return 2;
    }
    const result = await orm.migrator.create(migrationSourceFolder(kind), false, false, name);
    if (!result.fileName) {
      console.log(`${target}: no schema changes`);
      return 0;
    }
    const file = basename(result.fileName, '.ts');
    console.log(`${target}: wrote ${migrationSourceFolder(kind)}/${file}.ts`);
    console.log(`Add it to the index.ts beside it: { name: '${file}', class: ${file} }`);
    if (/trigger/i.test(result.code)) {
      // The schema diff re-emits case_event's append-only triggers with an empty body.
      console.warn('WARNING: this migration touches triggers: remove any statement on the case_event triggers unless you mean to change them.');
    }
    return 0;
  },
  'account:create-admin': async (orm, { target, values }) => {
    const username = values.username;
    if (!username) {
      console.error('account:create-admin needs --username <name>');
      return 2;
    }
    const password = await readPassword('新管理员口令 / password for the new administrator: ');
    try {
      const account = await new AccountStore(orm).create(
        { username, displayName: values['display-name'] ?? username, role: 'administrator', password },
        SYSTEM_ACTOR,
      );
      console.log(`${target}: 已创建管理员 / administrator created: ${account.username} (${account.id})`);
      return 0;
    } catch (error) {
      if (!(error instanceof AccountRejected)) throw error;
      for (const problem of error.problems) console.error(`${problem.field}: ${problem.zh} / ${problem.en}`);
      return 2;
    }
  },
  'audit:verify': async (orm, { values, config }) => {
    const documents = values.documents === true;
    const verifier = new AuditVerifier(orm, {
      blobs: documents ? blobStoreFor(config.documents.store, join(config.dataDir, 'incoming')) : null,
      checkpoints: checkpointLogFor(config),
    });
    const verify = (options: VerifyOptions): Promise<AuditReport> =>
      values.case === undefined ? verifier.verifyAll(options) : verifier.verifyCase(values.case, options);
    const report =
      values.workflows === true
        ? await withWorkflowHeads(config, (workflowLastSequence) => verify({ documents, workflowLastSequence }))
        : await verify({ documents });
    console.log([describeReport(report), ...describeTrailChecks(report)].join('\n'));
    return report.ok ? 0 : EXIT_TRAIL_BROKEN;
  },
  'audit:checkpoint': (orm, { config }) => writeCheckpoint(orm, config),
  'audit:export': async (orm, { values }) => {
    const { events } = await exportEvents(orm, { caseId: values.case, out: values.out });
    if (values.out !== undefined) console.error(`已导出 / exported ${events} events to ${values.out}`);
    return 0;
  },
  'projections:rebuild': async (orm, { target }) => {
    const rebuilt = await new ProjectionRebuilder(orm).rebuild();
    console.log(`${target}: case read model and stage statistics rebuilt from ${rebuilt.events} events of ${rebuilt.cases} cases`);
    return 0;
  },
};

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      case: { type: 'string' },
      documents: { type: 'boolean' },
      workflows: { type: 'boolean' },
      out: { type: 'string' },
      api: { type: 'string' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
    },
  });
  const [command, name] = positionals;
  if (command === 'seed:yongkang-2019') {
    const log = (line: string): void => {
      console.log(line);
    };
    const token = process.env.QINGLIAN_API_TOKEN;
    if (token) {
      await seedYongkang2019(values.api ?? 'http://127.0.0.1:3000', token, log);
      return 0;
    }
    // No token given: one for this run only, issued in the api's own database and revoked when the run ends.
    const config = AppConfig.fromEnvironment();
    const orm = await openOrm(config.database);
    try {
      const api = values.api ?? `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${config.http.port}`;
      await withOneRunToken(orm, (secret) => seedYongkang2019(api, secret, log), log);
      return 0;
    } finally {
      await orm.close();
    }
  }
  const run = command === undefined ? undefined : DATABASE_COMMANDS[command];
  if (!run) {
    console.error(USAGE);
    return 2;
  }
  const config = AppConfig.fromEnvironment();
  const target = config.database.kind === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL';
  const orm = await openOrm(config.database);
  try {
    return await run(orm, { target, kind: config.database.kind, name, values, config });
  } finally {
    await orm.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
