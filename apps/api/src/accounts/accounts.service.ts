import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { AppConfig } from '#config';
import { notFound, SYSTEM_ACTOR, type Actor, type HumanRole } from '#domain';
import { AccountEntity, AccountEventEntity, AccountRejected, AccountStore, LoginThrottleStore } from '#persistence';
import type { AccountDto, AccountEventPageDto, CreateAccountDto, ListAccountEventsQuery } from '../auth/auth.dto.js';
import { queriedTimeRange } from '../common/time-range.dto.js';

@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AccountAudit');

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(AccountStore) private readonly store: AccountStore,
    @Inject(LoginThrottleStore) private readonly throttle: LoginThrottleStore,
  ) {}

  /** The first administrator from BOOTSTRAP_ADMIN_USERNAME / _PASSWORD, only while there is no administrator. */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.auth.bootstrapAdmin;
    if (!admin || (await this.store.hasAdministrator())) return;
    if (/change-me/i.test(admin.password)) throw new Error('BOOTSTRAP_ADMIN_PASSWORD still holds the placeholder of .env.example: choose a passphrase');
    try {
      const account = await this.store.create(
        { username: admin.username, displayName: admin.username, role: 'administrator', password: admin.password },
        SYSTEM_ACTOR,
      );
      this.logger.log(
        { accountEvent: 'AccountCreated', accountId: account.id, username: account.username },
        '已创建首个管理员 / first administrator created from BOOTSTRAP_ADMIN_*; remove the variables now',
      );
    } catch (error) {
      // Another api replica created it first, or the password is not acceptable (then say why and stop).
      if (error instanceof AccountRejected && error.code === 'USERNAME_TAKEN') return;
      throw error;
    }
  }

  async create(input: CreateAccountDto, actor: Actor, ip: string | null): Promise<AccountDto> {
    return toAccountDto(
      await this.store.create(
        { username: input.username, displayName: input.displayName, role: input.role, unitId: input.unitId ?? null, password: input.password },
        actor,
        ip,
      ),
    );
  }

  async list(role: HumanRole | undefined): Promise<AccountDto[]> {
    const accounts = await this.orm.em.fork().find(AccountEntity, role === undefined ? {} : { role }, { orderBy: { username: 'asc' } });
    const failures = await this.throttle.failuresAnywhere(accounts.map((account) => account.username));
    return accounts.map((account) => toAccountDto(account, failures.get(account.username)));
  }

  /** The account as shown, with its failed logins in a row from all addresses. */
  async describe(id: string): Promise<AccountDto> {
    const account = await this.find(id);
    return toAccountDto(account, (await this.throttle.failuresAnywhere([account.username])).get(account.username));
  }

  async find(id: string): Promise<AccountEntity> {
    const account = await this.orm.em.fork().findOne(AccountEntity, { id });
    if (!account) throw notFound('账户', 'Account', id);
    return account;
  }

  /** The account records, newest first, by account, type and time. */
  async events(query: ListAccountEventsQuery): Promise<AccountEventPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { from, before } = queriedTimeRange(query);
    const where: FilterQuery<AccountEventEntity> = {
      ...(query.accountId === undefined ? {} : { accountId: query.accountId }),
      ...(query.type === undefined ? {} : { type: query.type }),
      ...(from === null && before === null ? {} : { occurredAt: { ...(from === null ? {} : { $gte: from }), ...(before === null ? {} : { $lt: before }) } }),
    };
    const [events, total] = await this.orm.em
      .fork()
      .findAndCount(AccountEventEntity, where, { orderBy: { occurredAt: 'desc', id: 'asc' }, limit: pageSize, offset: (page - 1) * pageSize });
    const items = events.map((event) => ({
      id: event.id,
      type: event.type,
      accountId: event.accountId,
      username: event.username,
      actorId: event.actorId,
      actorRole: event.actorRole,
      detail: event.detail,
      ip: event.ip,
      occurredAt: event.occurredAt.toISOString(),
    }));
    return { items, total, page, pageSize };
  }
}

export function toAccountDto(account: AccountEntity, failedLogins = 0): AccountDto {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    unitId: account.unitId,
    status: account.status,
    failedLogins,
    createdAt: account.createdAt.toISOString(),
  };
}
