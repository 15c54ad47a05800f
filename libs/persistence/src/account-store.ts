import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { BilingualError, passwordProblems, unitLinkProblem, type Actor, type HumanRole, type PasswordProblem } from '#domain';
import { commonPasswords, hashPassword } from './credentials.js';
import { appendAccountEvent, type AccountEventInput } from './account-event-chain.js';
import { AccountEntity, ApiTokenEntity, UnitEntity, type AccountEventType } from './entities/index.js';

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: HumanRole;
  readonly unitId?: string | null;
  readonly password: string;
}

/** Usernames are compared without case: `Li.Hua` and `li.hua` are one account. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Why an account cannot be created (or its password changed) as asked, field by field. */
export class AccountRejected extends BilingualError {
  override readonly name = 'AccountRejected';

  constructor(
    code: 'ACCOUNT_INVALID' | 'USERNAME_TAKEN',
    readonly problems: readonly { field: string; zh: string; en: string }[],
  ) {
    const taken = code === 'USERNAME_TAKEN';
    super(taken ? 'conflict' : 'invalid', code, taken ? (problems[0]?.zh ?? '') : '请求参数无效', taken ? (problems[0]?.en ?? '') : 'Invalid request', {
      fields: problems.map((problem) => ({ field: problem.field, message: `${problem.zh} / ${problem.en}` })),
    });
  }
}

export function describePasswordProblems(problems: readonly PasswordProblem[], field = 'password'): { field: string; zh: string; en: string }[] {
  return problems.map((problem) => ({ field, ...problem }));
}

/** Accounts and their audit records: shared by the api and the `account:create-admin` command. */
export class AccountStore {
  constructor(private readonly orm: MikroORM) {}

  async create(input: NewAccount, createdBy: Actor, ip: string | null = null): Promise<AccountEntity> {
    const username = normalizeUsername(input.username);
    const unitId = input.unitId ?? null;
    const problems = describePasswordProblems(passwordProblems(input.password, { username, commonPasswords: await commonPasswords() }));
    const link = unitLinkProblem(input.role, unitId);
    if (link) problems.push({ field: 'unitId', ...link });
    const em = this.orm.em.fork();
    if (!link && unitId !== null && !(await em.findOne(UnitEntity, { id: unitId }))) {
      problems.push({ field: 'unitId', zh: `单位不存在：${unitId}`, en: `no unit ${unitId}` });
    }
    if (problems.length) throw new AccountRejected('ACCOUNT_INVALID', problems);
    const account = new AccountEntity({
      id: randomUUID(),
      username,
      displayName: input.displayName.trim(),
      role: input.role,
      unitId,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date(),
      createdBy: createdBy.id,
    });
    try {
      await em.transactional(async (tx) => {
        tx.persist(account);
        await appendAccountEvent(tx, 'AccountCreated', { account, actor: createdBy, ip, detail: { role: account.role, unitId } });
        await tx.flush();
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new AccountRejected('USERNAME_TAKEN', [{ field: 'username', zh: `用户名已被使用：${username}`, en: `the username ${username} is taken` }]);
      }
      throw error;
    }
    return account;
  }

  /** The ids that name no active assessor: neither an assessor account nor an assessor api token (`api-token:<id>`). */
  async notAssessors(ids: readonly string[]): Promise<string[]> {
    const em = this.orm.em.fork();
    const tokenIds = ids.filter((id) => id.startsWith('api-token:')).map((id) => id.slice('api-token:'.length));
    const [accounts, tokens] = await Promise.all([
      em.find(AccountEntity, { id: { $in: ids.filter((id) => !id.startsWith('api-token:')) }, role: 'assessor', status: 'active' }, { fields: ['id'] }),
      tokenIds.length ? em.find(ApiTokenEntity, { id: { $in: tokenIds }, role: 'assessor', revokedAt: null }, { fields: ['id'] }) : Promise.resolve([]),
    ]);
    const known = new Set([...accounts.map((account) => account.id), ...tokens.map((token) => `api-token:${token.id}`)]);
    return ids.filter((id) => !known.has(id));
  }

  /** The names the actors `ids` go by: an account's display name, an api token's name (`api-token:<id>`). */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const em = this.orm.em.fork();
    const tokenIds = ids.filter((id) => id.startsWith('api-token:')).map((id) => id.slice('api-token:'.length));
    const accountIds = ids.filter((id) => !id.startsWith('api-token:'));
    const [accounts, tokens] = await Promise.all([
      accountIds.length ? em.find(AccountEntity, { id: { $in: accountIds } }, { fields: ['id', 'displayName'] }) : Promise.resolve([]),
      tokenIds.length ? em.find(ApiTokenEntity, { id: { $in: tokenIds } }, { fields: ['id', 'name'] }) : Promise.resolve([]),
    ]);
    return new Map([
      ...accounts.map((account): [string, string] => [account.id, account.displayName]),
      ...tokens.map((token): [string, string] => [`api-token:${token.id}`, token.name]),
    ]);
  }

  async hasAdministrator(): Promise<boolean> {
    return (await this.orm.em.fork().count(AccountEntity, { role: 'administrator', status: 'active' })) > 0;
  }

  async record(type: AccountEventType, input: AccountEventInput): Promise<void> {
    await appendAccountEvent(this.orm.em.fork(), type, input);
  }
}
