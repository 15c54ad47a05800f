import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { HumanRole } from '#domain';
import type { AccountSessionEntity } from './entities/account-session.entity.js';
import type { AccountStatus } from './entities/account.entity.js';
import { dateColumn } from './raw-columns.js';

/** A session accepts its access tokens until it is revoked or expires. */
export function sessionActive(session: Pick<AccountSessionEntity, 'revokedAt' | 'expiresAt'>, now: Date): boolean {
  return session.revokedAt === null && session.expiresAt > now;
}

/** What a request presenting an access token needs of its session and of the account it belongs to. */
export interface PresentedSession {
  readonly session: Pick<AccountSessionEntity, 'id' | 'revokedAt' | 'expiresAt'>;
  readonly account: { readonly id: string; readonly role: HumanRole; readonly unitId: string | null; readonly status: AccountStatus };
}

/**
 * The session an access token names, with its account, in one statement (read on every request, so that revoking the
 * session or disabling the account stops its tokens at once); null when there is no such session of that account.
 */
export async function presentedSession(orm: MikroORM, sessionId: string, accountId: string): Promise<PresentedSession | null> {
  const rows: { id: string; role: HumanRole; unit_id: string | null; status: AccountStatus; expires_at: unknown; revoked_at: unknown }[] = await (
    orm.em as SqlEntityManager
  )
    .getConnection()
    .execute(
      'select s.id, s.expires_at, s.revoked_at, a.role, a.unit_id, a.status ' +
        'from account_session s join account a on a.id = s.account_id where s.id = ? and s.account_id = ?',
      [sessionId, accountId],
    );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    session: { id: row.id, expiresAt: dateColumn(row.expires_at) ?? new Date(0), revokedAt: dateColumn(row.revoked_at) },
    account: { id: accountId, role: row.role, unitId: row.unit_id, status: row.status },
  };
}
