import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import { AppConfig } from '#config';
import { SYSTEM_ACTOR, type HumanRole } from '#domain';
import { AccountStore, migrateUp, NotificationStore, UnitEntity } from '#persistence';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import type { TestDatabase } from './databases.js';

export const NOTIFY_SECRET = 'SECtest-robot-signing-secret';
/** The signing secret of the units' own group-chat robots in the tests (not the office's). */
export const UNIT_CHAT_SECRET = 'SECunit-robot-signing-secret';
/** The key the worker contexts of one test file seal and open the units' robot secrets with. */
export const TEST_SECRETS_KEY = randomBytes(32).toString('base64');

/** The worker's Nest context (real activities and channels) on a migrated database, with the given receivers. */
export async function startNotificationContext(
  database: TestDatabase,
  receivers: { smtpUrl?: string; webhookUrl?: string },
  environment: Record<string, string> = {},
): Promise<INestApplicationContext> {
  const config = AppConfig.fromEnvironment({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    MAIL_FROM: '市纪委 <office@qinglian.test>',
    NOTIFY_TIMEOUT_MS: '5000',
    // The units' robots stand in on loopback.
    GROUP_CHAT_ALLOWED_HOSTS: '127.0.0.1',
    SECRETS_ENCRYPTION_KEY: TEST_SECRETS_KEY,
    ...(receivers.smtpUrl ? { SMTP_URL: receivers.smtpUrl } : {}),
    ...(receivers.webhookUrl ? { NOTIFY_WEBHOOK_URL: receivers.webhookUrl, NOTIFY_WEBHOOK_SECRET: NOTIFY_SECRET } : {}),
    ...environment,
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), { logger: false });
  await migrateUp(app.get<MikroORM>(MikroORM));
  return app;
}

let sequence = 0;

/** An active account (and, for a unit contact, its unit), with an email address unless `email` is null. */
export async function createRecipient(
  app: INestApplicationContext,
  role: HumanRole,
  options: { unitId?: string; email?: string | null; emailEnabled?: boolean; webhookEnabled?: boolean } = {},
): Promise<{ id: string; email: string | null; unitId: string | null }> {
  sequence += 1;
  const orm = app.get<MikroORM>(MikroORM);
  let unitId = options.unitId ?? null;
  if (role === 'unit_contact' && unitId === null) {
    unitId = randomUUID();
    await orm.em
      .fork()
      .insert(UnitEntity, new UnitEntity({ id: unitId, name: `通知测试村${sequence}`, category: 'village', ownership: null, createdAt: new Date() }));
  }
  const account = await new AccountStore(orm).create(
    { username: `${role.replace('_', '-')}-n${sequence}`, displayName: `收件人${sequence}`, role, unitId, password: 'notification recipient passphrase' },
    SYSTEM_ACTOR,
  );
  const email = options.email === undefined ? `${account.username}@example.gov.cn` : options.email;
  await app
    .get(NotificationStore)
    .savePreference(account.id, { emailEnabled: options.emailEnabled ?? true, emailAddress: email, webhookEnabled: options.webhookEnabled ?? true });
  return { id: account.id, email, unitId };
}
