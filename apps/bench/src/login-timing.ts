import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/core';
import { quantile } from 'simple-statistics';
import { AppConfig } from '#config';
import { migrateUp } from '#persistence';
import { createApiApp } from '../../api/src/api-app.js';

/**
 * npm run bench:login-timing -- [--rounds N]
 * Whether a failed login's answer time tells which usernames exist: the api on a fresh SQLite database (no Temporal
 * needed for logins), N rounds each sending, in turn, a wrong password for an active account, for a disabled account,
 * and a login for a username that names no account (each from a fresh client address, so each is a first failure:
 * 401), then the same from an address already failing (429). Prints each kind's median and quartiles.
 */
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '100' } } });
const ROUNDS = Number(values.rounds);
const ADMIN = { username: 'bench-admin', password: randomBytes(24).toString('base64url') };
const PASSWORD = randomBytes(24).toString('base64url');

const dir = mkdtempSync(join(tmpdir(), 'qinglian-login-timing-'));
const config = AppConfig.fromEnvironment({
  ...process.env,
  DATABASE_URL: `sqlite:${join(dir, 'qinglian.sqlite')}`,
  TEMPORAL_ADDRESS: '127.0.0.1:1',
  LOG_LEVEL: 'silent',
  HTTP_TRUST_PROXY_HOPS: '1',
  AUTH_LOGIN_RATE_LIMIT: '100000',
  AUTH_LOGIN_MAX_FAILURES: '100',
  AUTH_LOGIN_GLOBAL_MAX_FAILURES: '100000',
  BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
  BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
});

async function main(): Promise<void> {
  const app = await createApiApp(config);
  await migrateUp(app.get<MikroORM>(MikroORM));
  await app.init();
  await app.listen(0, '127.0.0.1');
  const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api`;
  try {
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const admin = { authorization: `Bearer ${String((await post('/auth/login', ADMIN)).body.accessToken)}` };
    const create = async (username: string) =>
      String((await post('/accounts', { username, displayName: username, role: 'auditor', password: PASSWORD }, admin)).body.id);
    await create('timing.active');
    const disabledId = await create('timing.disabled');
    await post(`/accounts/${disabledId}/status`, { status: 'disabled', reason: 'timing' }, admin);

    const kinds = { 'active account, wrong password': 'timing.active', 'disabled account': 'timing.disabled', 'no such username': 'timing.nobody' } as const;
    const times = new Map<string, number[]>();
    const timed = async (label: string, username: string, address: string, expected: number) => {
      const started = performance.now();
      const answer = await post('/auth/login', { username, password: 'not the passphrase at all' }, { 'x-forwarded-for': address });
      const elapsed = performance.now() - started;
      if (answer.status !== expected) throw new Error(`${label}: expected ${String(expected)}, got ${String(answer.status)} ${JSON.stringify(answer.body)}`);
      times.set(label, [...(times.get(label) ?? []), elapsed]);
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [kind, username] of Object.entries(kinds)) {
        const address = `10.${String(round >> 8)}.${String(round & 255)}.${String(Object.keys(kinds).indexOf(kind) + 1)}`;
        await timed(`${kind} → 401`, username, address, 401);
        await timed(`${kind} → 429`, username, address, 429);
      }
    }
    console.log(`failed logins, ${String(ROUNDS)} rounds (ms): median [p25 – p75]`);
    for (const [label, samples] of times) {
      const [p25, median, p75] = [0.25, 0.5, 0.75].map((q) => quantile(samples, q).toFixed(1));
      console.log(`  ${label.padEnd(40)} ${String(median).padStart(7)}  [${String(p25)} – ${String(p75)}]`);
    }
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
