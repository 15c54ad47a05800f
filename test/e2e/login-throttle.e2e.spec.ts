import { beforeAll, expect, it } from '@jest/globals';
import type { httpClient, HttpResult } from '../support/http.js';
import { TEST_PASSWORD } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';

interface Answer {
  code?: string;
  message?: string;
  messageZh?: string;
  messageEn?: string;
  retryAfterSeconds?: number;
  requestId?: string;
}

type Client = ReturnType<typeof httpClient>;

/** What a failed login shows a stranger: its status and body, without the request id and the moment in the text. */
function seen(answer: HttpResult<Answer>): unknown {
  const { requestId: _requestId, ...body } = answer.body;
  const timeless = (text: string | undefined) => text?.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<time>').replace(/\d+ (秒|s)/g, '<n> $1');
  return {
    status: answer.status,
    ...body,
    message: timeless(body.message),
    messageZh: timeless(body.messageZh),
    messageEn: timeless(body.messageEn),
    retryAfterSeconds: body.retryAfterSeconds === undefined ? undefined : Math.round(body.retryAfterSeconds / 10),
  };
}

describeOnEachDatabase('failed logins', (suite) => {
  /** Behind one proxy (X-Forwarded-For names the client): a long backoff after the first failure. */
  let slow: Client;
  /** Behind one proxy: no backoff, three failures from an address lock the username there; a soft limit of four over all. */
  let strict: Client;

  const from = (address: string) => ({ 'x-forwarded-for': address });
  const login = (api: Client, username: string, password: string, address: string) =>
    api.post<Answer & { account?: { id: string } }>('/auth/login', { username, password }, from(address));

  beforeAll(async () => {
    const proxied = { HTTP_TRUST_PROXY_HOPS: '1', AUTH_LOGIN_LOCKOUT_SECONDS: '600' };
    slow = (await suite.stack.extraApi({ ...proxied, AUTH_LOGIN_BACKOFF_BASE_MS: '60000' })).anonymous;
    strict = (
      await suite.stack.extraApi({
        ...proxied,
        AUTH_LOGIN_BACKOFF_BASE_MS: '0',
        AUTH_LOGIN_MAX_FAILURES: '3',
        AUTH_LOGIN_GLOBAL_MAX_FAILURES: '4',
        AUTH_LOGIN_GLOBAL_SPACING_MS: '600000',
      })
    ).anonymous;
  });

  it('answers a wrong password, an unknown username and a disabled account alike, through backoff and lockout', async () => {
    const existing = await suite.stack.signUp('assessor');
    const disabled = await suite.stack.signUp('assessor');
    expect((await suite.stack.http.post(`/accounts/${disabled.id}/status`, { status: 'disabled', reason: '调离' })).status).toBe(200);
    const usernames = [existing.username, `nobody-${existing.username}`, disabled.username];

    const backoff = await Promise.all(
      usernames.map(async (username) => [
        await login(slow, username, 'not the passphrase', '192.0.2.10'),
        await login(slow, username, TEST_PASSWORD, '192.0.2.10'),
      ]),
    );
    expect(backoff[0]?.map((answer) => answer.status)).toEqual([401, 429]);
    expect(backoff[0]?.[1]?.body).toMatchObject({ code: 'LOGIN_BACKOFF', retryAfterSeconds: expect.any(Number) });
    expect(backoff.map((answers) => answers.map(seen))).toEqual([0, 1, 2].map(() => backoff[0]?.map(seen)));

    const lockout = await Promise.all(
      usernames.map(async (username) => {
        const answers: HttpResult<Answer>[] = [];
        for (let attempt = 0; attempt < 4; attempt += 1)
          answers.push(await login(strict, username, attempt < 3 ? 'not the passphrase' : TEST_PASSWORD, '192.0.2.11'));
        return answers;
      }),
    );
    expect(lockout[0]?.map((answer) => answer.body.code)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    expect(lockout.map((answers) => answers.map(seen))).toEqual([0, 1, 2].map(() => lockout[0]?.map(seen)));

    const records = (
      await suite.stack.http.get<{ items: { type: string; username: string | null; detail: { reason?: string } }[] }>(
        '/account-events?type=LoginFailed&pageSize=100',
      )
    ).body.items;
    expect(records.find((record) => record.username === usernames[1] && record.type === 'LoginFailed')?.detail.reason).toBe('unknown_username');
    expect(records.find((record) => record.username === usernames[2] && record.type === 'LoginFailed')?.detail.reason).toBe('disabled');
  });

  it('locks a username only at the address its failures came from: the owner still logs in from elsewhere', async () => {
    const owner = await suite.stack.signUp('auditor');
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await login(strict, owner.username, 'a stranger guessing', '203.0.113.9')).status).toBe(401);
    expect((await login(strict, owner.username, TEST_PASSWORD, '203.0.113.9')).body.code).toBe('ACCOUNT_LOCKED');
    const elsewhere = await login(strict, owner.username, TEST_PASSWORD, '198.51.100.7');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.account?.id).toBe(owner.id);
    // The owner's success does not open the stranger's address.
    expect((await login(strict, owner.username, TEST_PASSWORD, '203.0.113.9')).body.code).toBe('ACCOUNT_LOCKED');
    const records = (
      await suite.stack.http.get<{ items: { type: string; ip: string | null; detail: { fromAddress?: string } }[] }>(
        `/account-events?accountId=${owner.id}&pageSize=100`,
      )
    ).body.items;
    expect(records.find((record) => record.type === 'AccountLocked')?.detail.fromAddress).toBe('203.0.113.9');
    expect(records.filter((record) => record.type === 'LoginFailed').map((record) => record.ip)).toEqual(['203.0.113.9', '203.0.113.9', '203.0.113.9']);

    expect((await suite.stack.http.post(`/accounts/${owner.id}/unlock`, {})).status).toBe(200);
    expect((await login(strict, owner.username, TEST_PASSWORD, '203.0.113.9')).status).toBe(200);
  });

  it('keeps a soft limit over all addresses: new addresses wait, an address the owner used before does not', async () => {
    const owner = await suite.stack.signUp('auditor');
    expect((await login(strict, owner.username, TEST_PASSWORD, '192.0.2.77')).status).toBe(200);
    const ghost = `ghost-${owner.username}`;
    for (const username of [owner.username, ghost]) {
      for (const address of ['198.51.100.1', '198.51.100.1', '198.51.100.2', '198.51.100.2'])
        expect((await login(strict, username, 'spread-out guessing', address)).status).toBe(401);
    }
    const fresh = await Promise.all([owner.username, ghost].map((username) => login(strict, username, TEST_PASSWORD, '198.51.100.3')));
    expect(fresh.map((answer) => answer.body.code)).toEqual(['LOGIN_BACKOFF', 'LOGIN_BACKOFF']);
    expect(seen(fresh[0] as HttpResult<Answer>)).toEqual(seen(fresh[1] as HttpResult<Answer>));
    expect((await suite.stack.http.get<{ failedLogins: number }>(`/accounts/${owner.id}`)).body.failedLogins).toBe(4);

    const known = await login(strict, owner.username, TEST_PASSWORD, '192.0.2.77');
    expect(known.status).toBe(200);
    expect((await suite.stack.http.get<{ failedLogins: number }>(`/accounts/${owner.id}`)).body.failedLogins).toBe(0);
  });

  it('counts wrong current passwords at a password change, and locks like failed logins', async () => {
    const person = await suite.stack.signUp('assessor');
    const session = await login(strict, person.username, TEST_PASSWORD, '192.0.2.20');
    const headers = { authorization: `Bearer ${(session.body as { accessToken: string }).accessToken}`, ...from('192.0.2.20') };
    const change = (currentPassword: string) =>
      strict.post<Answer>('/auth/password', { currentPassword, newPassword: 'a fresh passphrase for the test' }, headers);
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await change('a guess at the password')).status).toBe(400);
    expect((await change(TEST_PASSWORD)).body.code).toBe('ACCOUNT_LOCKED');
    expect((await login(strict, person.username, TEST_PASSWORD, '192.0.2.20')).body.code).toBe('ACCOUNT_LOCKED');
    const types = (await suite.stack.http.get<{ items: { type: string }[] }>(`/account-events?accountId=${person.id}&pageSize=100`)).body.items.map(
      (record) => record.type,
    );
    expect(types.filter((type) => type === 'PasswordChangeFailed')).toHaveLength(3);
    expect(types).toContain('AccountLocked');
  });
});
