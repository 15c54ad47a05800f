import 'reflect-metadata';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { AppConfig, ConfigError } from '#config';
import { migrateUp, migrationSourceFolder, openOrm } from '#persistence';

const USAGE = `用法 / usage:
  node dist/apps/cli/src/main.js migration:up              apply pending migrations
  node dist/apps/cli/src/main.js migration:create <name>   generate a migration from the entities (run migration:up first)`;

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true });
  const [command, name] = positionals;
  const config = AppConfig.fromEnvironment();
  const target = config.database.kind === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL';
  switch (command) {
    case 'migration:up': {
      const orm = await openOrm(config.database);
      try {
        const applied = await migrateUp(orm);
        console.log(applied.length ? `${target}: applied ${applied.join(', ')}` : `${target}: schema is up to date`);
      } finally {
        await orm.close();
      }
      return 0;
    }
    case 'migration:create': {
      if (!name || !/^[A-Za-z0-9_]+$/.test(name)) {
        console.error('migration:create needs a name of letters, digits and underscores');
        return 2;
      }
      const orm = await openOrm(config.database);
      try {
        const result = await orm.migrator.create(migrationSourceFolder(config.database.kind), false, false, name);
        if (!result.fileName) {
          console.log(`${target}: no schema changes`);
          return 0;
        }
        const file = basename(result.fileName, '.ts');
        console.log(`${target}: wrote ${migrationSourceFolder(config.database.kind)}/${file}.ts`);
        console.log(`Add it to the index.ts beside it: { name: '${file}', class: ${file} }`);
      } finally {
        await orm.close();
      }
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
