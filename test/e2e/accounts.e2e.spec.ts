import { beforeAll, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { ApiTokenEntity } from '#persistence';
import { eventually, httpClient } from '../support/http.js';
import { TEST_ADMIN, TEST_PASSWORD } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  account: { id: string };
}

interface ErrorAnswer {
  code: string;
  messageZh?: string;
  messageEn?: string;
  errors?: { field: string; messages: string[] }[];
  retryAfterSeconds?: number;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describeOnEachDatabase('accounts, sessions and api tokens', (suite) => {
  /** An api process with a 1 s access token, lockout after 3 failures for 2 s, no backoff. */
  let short: ReturnType<typeof httpClient>;
  let unitId: string;
  let otherUnitId: string;

  beforeAll(async () => {
    short = (
      await suite.stack.extraApi({
        AUTH_ACCESS_TOKEN_SECONDS: '1',
        AUTH_LOGIN_MAX_FAILURES: '3',
        AUTH_LOGIN_LOCKOUT_SECONDS: '2',
        AUTH_LOGIN_BACKOFF_BASE_MS: '0',
      })
    ).anonymous;
    unitId = await suite.stack.createUnit('账户测试学校', 'school');
    otherUnitId = await suite.stack.createUnit('另一所学校', 'school');
  });

  it('refuses requests without a token, with a malformed one, and with a forged signature', async () => {
    const none = await suite.stack.anonymous.get<ErrorAnswer>('/cases');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.body).toMatchObject({ code: 'UNAUTHENTICATED', messageZh: expect.stringContaining('登录'), messageEn: expect.stringContaining('Log in') });
    expect((await suite.stack.anonymous.get<ErrorAnswer>('/cases', bearer('not.a.jwt.at.all'))).body.code).toBe('TOKEN_INVALID');
    const elsewhere = await short.post<Tokens>('/auth/login', { username: 'assessor-alice', password: TEST_PASSWORD });
    expect(elsewhere.status).toBe(200);
    // A token whose signature is not the server's.
    const [header, payload] = elsewhere.body.accessToken.split('.');
    expect((await suite.stack.anonymous.get<ErrorAnswer>('/cases', bearer(`${header}.${payload}.${'A'.repeat(43)}`))).body.code).toBe('TOKEN_INVALID');
    expect((await suite.stack.anonymous.get<ErrorAnswer>('/cases', bearer('qlt_unknownunknownunknown'))).status).toBe(401);
  });

  it('lets an access token expire, refreshes it once, and ends the session when a spent refresh token returns', async () => {
    const login = await short.post<Tokens>('/auth/login', { username: 'jinhua-1', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect((await short.get('/auth/me', bearer(login.body.accessToken))).status).toBe(200);
    const expired = await eventually(
      'the access token to expire',
      async () => {
        const answer = await short.get<ErrorAnswer>('/auth/me', bearer(login.body.accessToken));
        return answer.status === 401 ? answer : undefined;
      },
      10_000,
    );
    expect(expired.body.code).toBe('TOKEN_EXPIRED');

    const refreshed = await short.post<Tokens>('/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    expect((await short.get('/auth/me', bearer(refreshed.body.accessToken))).status).toBe(200);

    const replayed = await short.post<ErrorAnswer>('/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(replayed.status).toBe(401);
    const afterTheft = await short.post<ErrorAnswer>('/auth/refresh', { refreshToken: refreshed.body.refreshToken });
    expect(afterTheft.body.code).toBe('SESSION_ENDED');
    const events = (
      await suite.stack.http.get<{ items: { type: string }[] }>(`/account-events?accountId=${login.body.account.id}&pageSize=100`)
    ).body.items.map((event) => event.type);
    expect(events).toEqual(expect.arrayContaining(['LoginSucceeded', 'SessionRefreshed', 'RefreshTokenReused']));
  });

  it('revokes a session at logout, and every session of a user at an administrator’s word', async () => {
    const person = await suite.stack.signUp('assessor');
    const first = await suite.stack.login(person.username, TEST_PASSWORD);
    const second = await suite.stack.login(person.username, TEST_PASSWORD);
    expect((await suite.stack.http.post('/auth/logout', {}, first.headers)).body).toEqual({ revoked: 1 });
    expect((await suite.stack.http.get<ErrorAnswer>('/auth/me', first.headers)).body.code).toBe('SESSION_ENDED');
    expect((await suite.stack.http.get('/auth/me', second.headers)).status).toBe(200);

    const third = await suite.stack.login(person.username, TEST_PASSWORD);
    const revoked = await suite.stack.http.post<{ revoked: number }>(`/accounts/${second.id}/session-revocation`, {});
    expect(revoked.body.revoked).toBe(3);
    for (const session of [person, second, third]) {
      expect((await suite.stack.http.get('/auth/me', session.headers)).status).toBe(401);
      expect((await suite.stack.anonymous.post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    }
    // Usernames are compared without case.
    expect((await suite.stack.login(person.username.toUpperCase(), TEST_PASSWORD)).id).toBe(person.id);
  });

  it('locks an account after repeated failures, even for the right password, until the lockout ends', async () => {
    const victim = await suite.stack.signUp('auditor');
    const attempt = (password: string) => short.post<ErrorAnswer>('/auth/login', { username: victim.username, password });
    for (let index = 0; index < 3; index += 1) {
      const wrong = await attempt('not the right passphrase');
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS', messageZh: '用户名或口令错误' });
    }
    const locked = await attempt(TEST_PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ code: 'ACCOUNT_LOCKED', messageEn: expect.stringContaining('locked until') });
    expect((await suite.stack.http.get<{ failedLogins: number }>(`/accounts/${victim.id}`)).body.failedLogins).toBe(3);
    const unknown = await short.post<ErrorAnswer>('/auth/login', { username: 'nobody-here', password: 'whatever it is, really' });
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');

    await eventually('the lockout to end', async () => ((await attempt(TEST_PASSWORD)).status === 200 ? true : undefined), 10_000);
    expect((await suite.stack.http.get<{ failedLogins: number }>(`/accounts/${victim.id}`)).body.failedLogins).toBe(0);
    const events = (await suite.stack.http.get<{ items: { type: string }[] }>(`/account-events?accountId=${victim.id}&pageSize=100`)).body.items.map(
      (event) => event.type,
    );
    expect(events.filter((type) => type === 'LoginFailed')).toHaveLength(3);
    expect(events).toEqual(expect.arrayContaining(['AccountCreated', 'AccountLocked', 'LoginSucceeded']));
  });

  it('counts every one of several wrong passwords sent at once', async () => {
    const victim = await suite.stack.signUp('auditor');
    const answers = await Promise.all([1, 2, 3].map(() => short.post('/auth/login', { username: victim.username, password: 'all at the same moment' })));
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
    expect((await suite.stack.http.get<{ failedLogins: number }>(`/accounts/${victim.id}`)).body.failedLogins).toBe(3);
    expect((await short.post('/auth/login', { username: victim.username, password: TEST_PASSWORD })).status).toBe(423);
  });

  it('disables an account, ending its sessions and refusing its logins, and enables it again', async () => {
    const leaver = await suite.stack.signUp('assessor');
    expect(
      (await suite.stack.http.post<ErrorAnswer>(`/accounts/${leaver.id}/status`, { status: 'disabled' })).body.errors?.map((error) => error.field),
    ).toEqual(['reason']);
    expect((await suite.stack.http.post(`/accounts/${leaver.id}/status`, { status: 'disabled', reason: '调离检查组' })).body).toMatchObject({
      status: 'disabled',
    });
    expect((await suite.stack.http.get<ErrorAnswer>('/auth/me', leaver.headers)).body.code).toBe('SESSION_ENDED');
    expect((await suite.stack.anonymous.post<ErrorAnswer>('/auth/login', { username: leaver.username, password: TEST_PASSWORD })).body.code).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await suite.stack.http.post(`/accounts/${leaver.id}/status`, { status: 'active', reason: '返回检查组' })).body).toMatchObject({ status: 'active' });
    // The refused login counted as a failure (a disabled account answers like any other): it waits out the backoff.
    const back = await eventually(
      'the backoff to pass',
      async () => {
        const answer = await suite.stack.anonymous.post<{ account: { id: string } }>('/auth/login', { username: leaver.username, password: TEST_PASSWORD });
        return answer.status === 429 ? undefined : answer;
      },
      10_000,
    );
    expect(back.body.account.id).toBe(leaver.id);
    const events = (
      await suite.stack.http.get<{ items: { type: string; detail: { reason?: string } }[] }>(`/account-events?accountId=${leaver.id}&pageSize=100`)
    ).body.items;
    expect(events.find((event) => event.type === 'AccountDisabled')?.detail.reason).toBe('调离检查组');
  });

  it('lets an administrator unlock an account at once', async () => {
    const victim = await suite.stack.signUp('auditor');
    for (let index = 0; index < 3; index += 1) await short.post('/auth/login', { username: victim.username, password: 'wrong passphrase again' });
    expect((await short.post('/auth/login', { username: victim.username, password: TEST_PASSWORD })).status).toBe(423);
    expect((await suite.stack.http.post(`/accounts/${victim.id}/unlock`, {})).body).toMatchObject({ failedLogins: 0 });
    expect((await short.post('/auth/login', { username: victim.username, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('rate-limits logins per client address', async () => {
    const limited = (await suite.stack.extraApi({ AUTH_LOGIN_RATE_LIMIT: '2', AUTH_LOGIN_RATE_WINDOW_SECONDS: '600' })).anonymous;
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await limited.post('/auth/login', { username: `nobody-${index}`, password: 'x' })).status);
    expect(statuses).toEqual([401, 401, 429]);
    const refused = await limited.post<ErrorAnswer>('/auth/refresh', { refreshToken: 'qlr_x' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', messageZh: expect.stringContaining('频繁') });
  });

  it('checks new passwords and account fields, naming each field in Chinese and English', async () => {
    const create = (body: Record<string, unknown>) =>
      suite.stack.http.post<ErrorAnswer>('/accounts', { username: 'new.person', displayName: '新人', role: 'assessor', password: TEST_PASSWORD, ...body });
    const short12 = await create({ password: 'short pass' });
    expect(short12.status).toBe(400);
    expect(short12.body.errors).toEqual([
      { field: 'password', messages: [expect.stringMatching(/至少 12 个字符 \/ the password must have at least 12 characters/)] },
    ]);
    expect((await create({ password: 'qwerty123456' })).body.errors?.[0]?.messages[0]).toContain('common passwords');
    expect((await create({ role: 'unit_contact' })).body.errors?.map((error) => error.field)).toEqual(['unitId']);
    expect((await create({ role: 'unit_contact', unitId: crypto.randomUUID() })).body.errors?.[0]?.messages[0]).toContain('no unit');
    expect((await create({ role: 'system' })).body.errors?.map((error) => error.field)).toEqual(['role']);
    expect((await create({ isAdmin: true })).body.errors?.map((error) => error.field)).toEqual(['isAdmin']);
    expect((await create({})).status).toBe(201);
    expect((await create({})).body.code).toBe('USERNAME_TAKEN');
    const passphrase = await suite.stack.http.post('/accounts', {
      username: 'long.phrase',
      displayName: '长口令',
      role: 'auditor',
      password: '清风正气，廉洁从业，久久为功',
    });
    expect(passphrase.status).toBe(201);

    const me = await suite.stack.signUp('assessor');
    const change = (currentPassword: string, newPassword: string) =>
      suite.stack.http.post<ErrorAnswer & { revoked?: number }>('/auth/password', { currentPassword, newPassword }, me.headers);
    expect((await change('wrong current one', 'a brand new passphrase here')).body.errors?.[0]?.field).toBe('currentPassword');
    // A wrong current password counts like a failed login: the next try waits (backoff) before it is checked.
    expect(await change(TEST_PASSWORD, 'password')).toMatchObject({ status: 429, body: { code: 'LOGIN_BACKOFF' } });
    const weak = await eventually(
      'the backoff to pass',
      async () => {
        const answer = await change(TEST_PASSWORD, 'password');
        return answer.status === 429 ? undefined : answer;
      },
      10_000,
    );
    expect(weak.body.errors?.[0]?.field).toBe('newPassword');
    expect((await change(TEST_PASSWORD, 'a brand new passphrase here')).status).toBe(200);
    expect((await suite.stack.anonymous.post('/auth/login', { username: me.username, password: TEST_PASSWORD })).status).toBe(401);
    // One failure makes the next attempt wait a moment (backoff), then the new password works.
    const tooSoon = await suite.stack.anonymous.post<ErrorAnswer>('/auth/login', { username: me.username, password: 'a brand new passphrase here' });
    expect(tooSoon).toMatchObject({ status: 429, body: { code: 'LOGIN_BACKOFF', retryAfterSeconds: 1 } });
    const again = await eventually(
      'the backoff to pass',
      async () => {
        const answer = await suite.stack.anonymous.post<{ account: { id: string } }>('/auth/login', {
          username: me.username,
          password: 'a brand new passphrase here',
        });
        return answer.status === 200 ? answer.body : undefined;
      },
      10_000,
    );
    expect(again.account.id).toBe(me.id);
  });

  it('issues api tokens once, keeps them scoped to a role and unit, attributes their steps, and revokes them', async () => {
    const campaign = await suite.stack.createCampaign({ year: 2022, name: '接口令牌测试' });
    const own = (await suite.stack.enroll(campaign, unitId)).caseId;
    const other = (await suite.stack.enroll(campaign, otherUnitId)).caseId;
    expect((await suite.stack.http.post<ErrorAnswer>('/api-tokens', { name: '联络系统', role: 'unit_contact' })).body.errors?.[0]?.field).toBe('unitId');
    const issued = await suite.stack.http.post<{ id: string; token: string; prefix: string; actorId: string }>('/api-tokens', {
      name: '联络系统',
      role: 'unit_contact',
      unitId,
    });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^qlt_/);
    expect(issued.body.token.startsWith(issued.body.prefix)).toBe(true);
    const listed = (await suite.stack.http.get<Record<string, unknown>[]>('/api-tokens')).body.find((token) => token.id === issued.body.id);
    expect(listed).toMatchObject({ prefix: issued.body.prefix, role: 'unit_contact', unitId, revokedAt: null });
    expect(listed).not.toHaveProperty('token');
    expect(JSON.stringify(listed)).not.toContain(issued.body.token);

    const token = bearer(issued.body.token);
    expect((await suite.stack.http.get('/auth/me', token)).body).toMatchObject({ id: issued.body.actorId, role: 'unit_contact', authenticatedBy: 'api-token' });
    expect((await suite.stack.http.post(`/cases/${own}/plan`, { summary: '经接口提交的方案' }, token)).status).toBe(200);
    expect((await suite.stack.http.get(`/cases/${other}`, token)).status).toBe(404);
    expect((await suite.stack.http.post('/units', { name: '不该建的单位', category: 'school' }, token)).status).toBe(403);
    const events = (await suite.stack.http.get<{ type: string; actor: { id: string; role: string } }[]>(`/cases/${own}/events`)).body;
    // The timeline names an api token's steps by the token's name, a person's by their display name.
    expect(events.at(-1)).toMatchObject({ type: 'PlanSubmitted', actor: { id: `api-token:${issued.body.id}`, role: 'unit_contact', name: '联络系统' } });
    expect(events[0]?.actor).toEqual({ id: suite.stack.ids.admin, role: 'administrator', name: TEST_ADMIN.username });

    expect((await suite.stack.http.post(`/api-tokens/${issued.body.id}/revocation`, {})).body).toMatchObject({ revokedAt: expect.any(String) });
    expect((await suite.stack.http.get<ErrorAnswer>('/auth/me', token)).body.code).toBe('TOKEN_INVALID');
  });

  it('bounds api tokens’ lifetime and makes an administrator-role token name its expiry, naming the field', async () => {
    const http = suite.stack.http;
    expect((await http.get('/api-tokens/policy')).body).toEqual({ maxExpiresInDays: 180, expiryRequiredForRoles: ['administrator'] });
    const refused = async (body: Record<string, unknown>) => {
      const answer = await http.post<ErrorAnswer>('/api-tokens', { name: '对接系统', ...body });
      return [answer.status, answer.body.code, answer.body.errors];
    };
    expect(await refused({ role: 'administrator' })).toEqual([
      400,
      'VALIDATION_FAILED',
      [{ field: 'expiresInDays', messages: ['管理员角色的接口令牌须设定有效天数（1–180 天）/ an administrator-role token needs expiresInDays (1–180)'] }],
    ]);
    expect(await refused({ role: 'auditor', expiresInDays: 181 })).toEqual([
      400,
      'VALIDATION_FAILED',
      [{ field: 'expiresInDays', messages: ['接口令牌的有效天数至多 180 天 / expiresInDays may be at most 180 (API_TOKEN_MAX_DAYS)'] }],
    ]);
    // Every bad field at once.
    expect((await refused({ role: 'unit_contact', expiresInDays: 365 }))[2]).toEqual([
      expect.objectContaining({ field: 'unitId' }),
      expect.objectContaining({ field: 'expiresInDays' }),
    ]);

    const day = 86_400_000;
    const admin = await http.post<{ expiresAt: string; status: string }>('/api-tokens', { name: '一周的管理员令牌', role: 'administrator', expiresInDays: 7 });
    expect(admin.status).toBe(201);
    expect(Date.parse(admin.body.expiresAt) - Date.now()).toBeGreaterThan(7 * day - 60_000);
    expect(Date.parse(admin.body.expiresAt) - Date.now()).toBeLessThanOrEqual(7 * day);
    // Without an expiry, another role's token lives the longest allowed, and says so.
    const auditor = await http.post<{ id: string; token: string; expiresAt: string; status: string }>('/api-tokens', { name: '审计同步', role: 'auditor' });
    expect(auditor.body.status).toBe('active');
    expect(Date.parse(auditor.body.expiresAt) - Date.now()).toBeGreaterThan(180 * day - 60_000);

    // A shorter limit, once configured, holds for tokens issued before it: this one was issued two days ago.
    const orm = suite.stack.worker.app.get<MikroORM>(MikroORM);
    const createdAt = new Date(Date.now() - 2 * day);
    await orm.em.fork().nativeUpdate(ApiTokenEntity, { id: auditor.body.id }, { createdAt });
    expect((await http.get('/auth/me', bearer(auditor.body.token))).status).toBe(200);
    const shorter = await suite.stack.extraApi({ API_TOKEN_MAX_DAYS: '1' });
    const asAdmin = httpClient(shorter.url, suite.stack.actors.admin);
    const expired = await asAdmin.get<ErrorAnswer>('/auth/me', bearer(auditor.body.token));
    expect([expired.status, expired.body.code]).toEqual([401, 'TOKEN_INVALID']);
    expect(
      (await asAdmin.get<{ id: string; status: string; expiresAt: string }[]>('/api-tokens')).body.find((token) => token.id === auditor.body.id),
    ).toMatchObject({
      status: 'expired',
      expiresAt: new Date(createdAt.getTime() + day).toISOString(),
    });
  });

  it('suspends at once the api tokens an account issued when it is disabled, and brings them back when it is enabled', async () => {
    const http = suite.stack.http;
    const issuer = await suite.stack.signUp('administrator');
    const issue = async (body: Record<string, unknown>, headers: Record<string, string>) => {
      const answer = await http.post<{ id: string; token: string }>('/api-tokens', body, headers);
      expect(answer.status).toBe(201);
      return answer.body;
    };
    const direct = await issue({ name: '离职前签发的令牌', role: 'auditor' }, issuer.headers);
    const adminToken = await issue({ name: '离职前签发的管理员令牌', role: 'administrator', expiresInDays: 30 }, issuer.headers);
    // A token issued by that administrator token stands on the same account.
    const indirect = await issue({ name: '令牌签发的令牌', role: 'assessor' }, bearer(adminToken.token));
    const tokens = [direct, adminToken, indirect];
    const answers = async () => Promise.all(tokens.map(async (token) => (await http.get<ErrorAnswer>('/auth/me', bearer(token.token))).status));
    const statuses = async () => {
      const listed = (await http.get<{ id: string; status: string }[]>('/api-tokens')).body;
      return tokens.map((token) => listed.find((each) => each.id === token.id)?.status);
    };
    expect(await answers()).toEqual([200, 200, 200]);

    expect((await http.post(`/accounts/${issuer.id}/status`, { status: 'disabled', reason: '调离市纪委' })).status).toBe(200);
    const refused = await http.get<ErrorAnswer>('/auth/me', bearer(direct.token));
    expect(refused.body).toMatchObject({
      code: 'TOKEN_INVALID',
      messageZh: '接口令牌已停用：签发它的账户已停用',
      messageEn: expect.stringContaining('suspended'),
    });
    expect(await answers()).toEqual([401, 401, 401]);
    expect(await statuses()).toEqual(['suspended', 'suspended', 'suspended']);

    expect((await http.post(`/accounts/${issuer.id}/status`, { status: 'active', reason: '调回' })).status).toBe(200);
    expect(await answers()).toEqual([200, 200, 200]);
    expect(await statuses()).toEqual(['active', 'active', 'active']);
  });

  it('sends security headers, allows no cross-site origin unless configured, and limits request bodies', async () => {
    const answer = await suite.stack.http.get('/auth/me', { origin: 'https://evil.example' });
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('strict-transport-security')).toContain('max-age');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(answer.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(answer.headers.get('x-powered-by')).toBeNull();
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();

    const open = await suite.stack.extraApi({ CORS_ORIGINS: 'https://qinglian.example.gov.cn', HTTP_JSON_LIMIT_BYTES: '2048' });
    const preflight = await fetch(`${open.url}/cases`, {
      method: 'OPTIONS',
      headers: { origin: 'https://qinglian.example.gov.cn', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://qinglian.example.gov.cn');
    const foreign = await fetch(`${open.url}/cases`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const tooLarge = await open.anonymous.post<ErrorAnswer>('/auth/login', { username: 'x'.repeat(4096), password: 'y' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', messageZh: expect.stringContaining('过大') });
    const malformed = await fetch(`${open.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorAnswer).code).toBe('MALFORMED_JSON');
  });
});
