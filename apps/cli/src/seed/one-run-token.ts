import type { MikroORM } from '@mikro-orm/core';
import { SYSTEM_ACTOR } from '#domain';
import { ApiTokenStore } from '#persistence';

/** How long a one-run token lives should its run be killed before it revokes the token. */
const ONE_RUN_TOKEN_MS = 60 * 60 * 1000;

/**
 * Runs `work` with an administrator's api token issued for this run only, in the api's own database (the CLI runs
 * where the database is), and revokes it afterwards whatever happens; both are recorded as account events, and the
 * steps name the token. It expires within the hour should the revocation never run.
 */
export async function withOneRunToken<T>(orm: MikroORM, work: (secret: string) => Promise<T>, log: (line: string) => void): Promise<T> {
  const store = new ApiTokenStore(orm);
  const { token, secret } = await store.issue(
    {
      name: '种子数据 seed:yongkang-2019（命令行，用后撤销 / CLI, revoked after the run）',
      role: 'administrator',
      expiresAt: new Date(Date.now() + ONE_RUN_TOKEN_MS),
    },
    SYSTEM_ACTOR,
  );
  log(`已签发本次运行的管理员接口令牌 / issued an administrator api token for this run: api-token:${token.id}`);
  try {
    return await work(secret);
  } finally {
    await store.revoke(token.id, SYSTEM_ACTOR);
    log(`已撤销该令牌 / revoked api-token:${token.id}`);
  }
}
