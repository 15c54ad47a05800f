import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125091923_initial } from './Migration20261125091923_initial.js';

/** Every PostgreSQL migration, oldest first. `npm run migration:create` prints the line to add here. */
export const POSTGRESQL_MIGRATIONS: MigrationObject[] = [{ name: 'Migration20261125091923_initial', class: Migration20261125091923_initial }];
