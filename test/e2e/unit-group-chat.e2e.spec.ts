import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { UnitGroupChatEntity } from '#persistence';
import { unitChat } from '../../apps/worker/src/activities/notification.activities.js';
import { httpClient } from '../support/http.js';
import { UNIT_CHAT_SECRET } from '../support/notifications.js';
import type { AuthHeaders } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';
import { signatureValid, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

interface GroupChat {
  unitId: string;
  configured: boolean;
  host: string | null;
  updatedAt: string | null;
}

interface Refusal {
  code: string;
  message: string;
  errors?: { field: string; messages: string[] }[];
}

// The robot stands in on loopback; outside the tests only DingTalk's host is allowed.
describeOnEachDatabase('a unit’s group-chat robot over HTTP', { environment: { GROUP_CHAT_ALLOWED_HOSTS: '127.0.0.1,oapi.dingtalk.com' } }, (suite) => {
  let robot: WebhookReceiver;
  let unitId: string;
  let otherUnitId: string;
  let contact: AuthHeaders;
  let otherContact: AuthHeaders;
  /** Every answer the tests received, to check that none of them ever carries the secret or the access token. */
  const answers: string[] = [];

  const chat = async <T = GroupChat>(method: 'GET' | 'PUT' | 'DELETE', unit: string, headers?: AuthHeaders, body?: unknown) => {
    const answer = await suite.stack.http.call<T>(method, `/units/${unit}/group-chat`, method === 'PUT' ? body : undefined, headers);
    answers.push(JSON.stringify(answer.body));
    return answer;
  };
  const fieldsOf = (body: Refusal) => (body.errors ?? []).map((error) => error.field).sort();
  const orm = () => suite.stack.worker.app.get<MikroORM>(MikroORM);
  const storedSecret = async (unit: string) =>
    ((await orm().em.getConnection().execute('select secret from unit_group_chat where unit_id = ?', [unit])) as { secret: string }[])[0]?.secret;
  const deliverToUnit = (unit: string) =>
    suite.stack.deliverNotification({
      dedupeKey: `reminder_overdue:${randomUUID()}`,
      kind: 'reminder_overdue',
      caseId: null,
      recipients: { unitId: unit },
      data: { unitName: '龙山镇', stage: 'self_assessment', dueOn: '2019-10-20', daysOverdue: 1 },
    });

  beforeAll(async () => {
    robot = await startWebhookReceiver(UNIT_CHAT_SECRET);
    unitId = await suite.stack.createUnit('群机器人测试村');
    otherUnitId = await suite.stack.createUnit('隔壁村');
    [contact, otherContact] = await Promise.all([suite.stack.contactOf(unitId), suite.stack.contactOf(otherUnitId)]);
  });

  afterAll(async () => {
    await robot.stop();
  });

  it('lets the unit’s own contact set its chat; answers show the host only, never the secret or the access token', async () => {
    expect((await chat('GET', unitId, contact)).body).toEqual({ unitId, configured: false, host: null, updatedAt: null });

    const set = await chat('PUT', unitId, contact, { webhookUrl: robot.url, secret: UNIT_CHAT_SECRET });
    expect(set.status).toBe(200);
    const host = new URL(robot.url).host;
    expect(set.body).toEqual({ unitId, configured: true, host, updatedAt: expect.any(String) });
    expect((await chat('GET', unitId)).body).toEqual(set.body);

    // A notice to the unit now reaches its chat, signed with the unit's secret.
    const report = await deliverToUnit(unitId);
    expect(report.deliveries.find((delivery) => delivery.channel === 'webhook')).toEqual({ channel: 'webhook', recipient: unitChat(unitId), outcome: 'sent' });
    const post = robot.requests.at(-1);
    expect(post && signatureValid(post.url, UNIT_CHAT_SECRET)).toBe(true);
    expect(robot.accepted.at(-1)?.msgtype).toBe('markdown');
    // Stored sealed: the database holds no plain secret.
    const stored = await storedSecret(unitId);
    expect(stored).toMatch(/^sealed:v1:/);
    expect(stored).not.toContain(UNIT_CHAT_SECRET.slice(3));
    // The other unit has no chat: nothing posted for it.
    const posts = robot.requests.length;
    expect((await deliverToUnit(otherUnitId)).deliveries.filter((delivery) => delivery.channel === 'webhook')).toEqual([]);
    expect(robot.requests.length).toBe(posts);
  });

  it('refuses a bad URL or secret naming each field, and never quotes the secret back', async () => {
    const refused = async (body: unknown) => {
      const answer = await chat<Refusal>('PUT', unitId, undefined, body);
      return [answer.status, answer.body.code, fieldsOf(answer.body)];
    };
    // Both or neither: each missing one is named (removing the chat is DELETE).
    expect(await refused({})).toEqual([400, 'VALIDATION_FAILED', ['secret', 'webhookUrl']]);
    expect(await refused({ webhookUrl: robot.url })).toEqual([400, 'VALIDATION_FAILED', ['secret']]);
    expect(await refused({ secret: UNIT_CHAT_SECRET })).toEqual([400, 'VALIDATION_FAILED', ['webhookUrl']]);
    expect(await refused({ webhookUrl: 'ftp://oapi.dingtalk.com/robot/send', secret: UNIT_CHAT_SECRET })).toEqual([400, 'VALIDATION_FAILED', ['webhookUrl']]);
    expect(await refused({ webhookUrl: robot.url, secret: 'not-a-dingtalk-secret-4711' })).toEqual([400, 'VALIDATION_FAILED', ['secret']]);
    // A host outside GROUP_CHAT_ALLOWED_HOSTS (an internal address, say) is refused.
    expect(await refused({ webhookUrl: 'http://10.0.0.8/robot/send?access_token=t', secret: UNIT_CHAT_SECRET })).toEqual([
      400,
      'VALIDATION_FAILED',
      ['webhookUrl'],
    ]);
    expect(await refused({ webhookUrl: 'not a url', secret: 'plain-secret-0815' })).toEqual([400, 'VALIDATION_FAILED', ['secret', 'webhookUrl']]);
    expect(await refused({ webhookUrl: robot.url, secret: UNIT_CHAT_SECRET, enabled: true })).toEqual([400, 'VALIDATION_FAILED', ['enabled']]);
    const bad = await chat<Refusal>('PUT', unitId, undefined, { webhookUrl: robot.url, secret: 'not-a-dingtalk-secret-4711' });
    expect(bad.body.errors?.[0]?.messages[0]).toContain('SEC');
    expect(bad.body.errors?.[0]?.messages[0]).toMatch(/加签密钥.*signing secret/);
    // Nothing refused was saved: the chat set before is still there, unchanged.
    expect((await chat('GET', unitId)).body).toMatchObject({ configured: true, host: new URL(robot.url).host });
  });

  it('requires https in production', async () => {
    const production = await suite.stack.extraApi({ NODE_ENV: 'production' });
    try {
      const admin = httpClient(production.url, { authorization: suite.stack.actors.admin.authorization });
      const insecure = await admin.call<Refusal>('PUT', `/units/${otherUnitId}/group-chat`, { webhookUrl: robot.url, secret: UNIT_CHAT_SECRET });
      answers.push(JSON.stringify(insecure.body));
      expect([insecure.status, fieldsOf(insecure.body)]).toEqual([400, ['webhookUrl']]);
      expect(insecure.body.errors?.[0]?.messages[0]).toContain('https');
      const otherPort = await admin.call<Refusal>('PUT', `/units/${otherUnitId}/group-chat`, {
        webhookUrl: 'https://oapi.dingtalk.com:8443/robot/send?access_token=0123456789abcdef0123456789abcdef',
        secret: UNIT_CHAT_SECRET,
      });
      answers.push(JSON.stringify(otherPort.body));
      expect([otherPort.status, fieldsOf(otherPort.body)]).toEqual([400, ['webhookUrl']]);
      expect(otherPort.body.errors?.[0]?.messages[0]).toBe(
        '生产环境中群机器人地址须使用 443 端口（地址中不写端口） / in production the webhook URL must use port 443 (no port in the URL)',
      );
      const secure = await admin.call<GroupChat>('PUT', `/units/${otherUnitId}/group-chat`, {
        webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef',
        secret: UNIT_CHAT_SECRET,
      });
      answers.push(JSON.stringify(secure.body));
      expect(secure.status).toBe(200);
      expect(secure.body).toMatchObject({ unitId: otherUnitId, configured: true, host: 'oapi.dingtalk.com' });
      expect(JSON.stringify(secure.body)).not.toContain('0123456789abcdef');
    } finally {
      await production.close();
      await chat('DELETE', otherUnitId);
    }
  });

  it('hides another unit’s chat from a unit contact (404, as for no such unit), and refuses other roles (403)', async () => {
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const hidden = await chat<Refusal>(method, unitId, otherContact, { webhookUrl: robot.url, secret: UNIT_CHAT_SECRET });
      const missing = await chat<Refusal>(method, randomUUID(), undefined, { webhookUrl: robot.url, secret: UNIT_CHAT_SECRET });
      expect([method, hidden.status, hidden.body.code]).toEqual([method, 404, 'NOT_FOUND']);
      expect([method, missing.status, missing.body.code]).toEqual([method, 404, 'NOT_FOUND']);
      expect(hidden.body.message).toBe(`单位不存在：${unitId} / Unit not found: ${unitId}`);
      for (const headers of [suite.stack.actors.alice, suite.stack.actors.auditor, suite.stack.actors.jinhua]) {
        const refused = await chat<Refusal>(method, unitId, headers, { webhookUrl: robot.url, secret: UNIT_CHAT_SECRET });
        expect([method, refused.status, refused.body.code]).toEqual([method, 403, 'ROLE_NOT_ALLOWED']);
      }
    }
    // The other unit's contact changed nothing.
    expect((await chat('GET', unitId, contact)).body).toMatchObject({ configured: true });
  });

  it('stops posting once the chat is removed; removing it again is harmless', async () => {
    const removed = await chat('DELETE', unitId, contact);
    expect([removed.status, removed.body]).toEqual([200, { unitId, configured: false, host: null, updatedAt: null }]);
    const posts = robot.requests.length;
    expect((await deliverToUnit(unitId)).deliveries.filter((delivery) => delivery.channel === 'webhook')).toEqual([]);
    expect(robot.requests.length).toBe(posts);
    expect((await chat('DELETE', unitId)).body).toEqual({ unitId, configured: false, host: null, updatedAt: null });
  });

  it('keeps each chat set, replaced and removed in the account records: the unit, the host and who; never the secret', async () => {
    interface AccountRecord {
      type: string;
      actorRole: string;
      detail: { unitId?: string; unitName?: string; host?: string; previousHost?: string };
    }
    const recordsOf = async (unit: string) => {
      const types = ['UnitGroupChatSet', 'UnitGroupChatChanged', 'UnitGroupChatRemoved'];
      const pages = await Promise.all(types.map((type) => suite.stack.http.get<{ items: AccountRecord[] }>(`/account-events?type=${type}&pageSize=100`)));
      for (const page of pages) answers.push(JSON.stringify(page.body));
      return pages.flatMap((page) => page.body.items).filter((record) => record.detail.unitId === unit);
    };
    const host = new URL(robot.url).host;
    // Set by the unit's contact in the first test, removed in the last; the second removal removed nothing.
    expect(await recordsOf(unitId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'UnitGroupChatSet', actorRole: 'unit_contact', detail: { unitId, unitName: '群机器人测试村', host } }),
        expect.objectContaining({ type: 'UnitGroupChatRemoved', actorRole: 'unit_contact', detail: { unitId, unitName: '群机器人测试村', host } }),
      ]),
    );
    expect(await recordsOf(unitId)).toHaveLength(2);

    const before = (await recordsOf(otherUnitId)).length;
    const dingtalk = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef';
    expect((await chat('PUT', otherUnitId, undefined, { webhookUrl: robot.url, secret: UNIT_CHAT_SECRET })).status).toBe(200);
    expect((await chat('PUT', otherUnitId, undefined, { webhookUrl: dingtalk, secret: UNIT_CHAT_SECRET })).status).toBe(200);
    expect((await chat('DELETE', otherUnitId)).status).toBe(200);
    const records = await recordsOf(otherUnitId);
    expect(records).toHaveLength(before + 3);
    expect(records.find((record) => record.type === 'UnitGroupChatChanged')).toMatchObject({
      actorRole: 'administrator',
      detail: { unitId: otherUnitId, unitName: '隔壁村', host: 'oapi.dingtalk.com', previousHost: host },
    });
  });

  it('seals at api start a secret stored in plain text before sealing began; the worker still signs with it', async () => {
    const unit = await suite.stack.createUnit('旧版本设置群机器人的村');
    await orm()
      .em.fork()
      .insert(
        UnitGroupChatEntity,
        new UnitGroupChatEntity({ unitId: unit, webhookUrl: robot.url, secret: UNIT_CHAT_SECRET, updatedAt: new Date(), updatedBy: 'before' }),
      );
    const restarted = await suite.stack.extraApi({});
    try {
      const stored = await storedSecret(unit);
      expect(stored).toMatch(/^sealed:v1:/);
      expect(stored).not.toContain(UNIT_CHAT_SECRET.slice(3));
      const posts = robot.requests.length;
      expect((await deliverToUnit(unit)).deliveries.find((delivery) => delivery.channel === 'webhook')).toEqual({
        channel: 'webhook',
        recipient: unitChat(unit),
        outcome: 'sent',
      });
      expect(robot.requests).toHaveLength(posts + 1);
      const post = robot.requests.at(-1);
      expect(post && signatureValid(post.url, UNIT_CHAT_SECRET)).toBe(true);
    } finally {
      await restarted.close();
    }
  });

  it('never answered with the secret or the robot’s access token', () => {
    expect(answers.length).toBeGreaterThan(20);
    // The access tokens of the loopback robot and of the DingTalk URL set in production.
    expect(answers.filter((answer) => [UNIT_CHAT_SECRET, 'test-token', '0123456789abcdef'].some((secret) => answer.includes(secret)))).toEqual([]);
  });
});
