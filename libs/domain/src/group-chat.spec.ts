import { describe, expect, it } from '@jest/globals';
import { groupChatProblems, hostAllowed, webhookHost } from './group-chat.js';

const DINGTALK = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef';
const SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd';
const DINGTALK_ONLY = ['oapi.dingtalk.com'];
const fields = (problems: readonly { field: string }[]) => problems.map((problem) => problem.field);

describe('a unit’s group-chat robot', () => {
  it('accepts a DingTalk robot URL with its 加签 secret', () => {
    expect(groupChatProblems({ webhookUrl: DINGTALK, secret: SECRET }, { httpsOnly: true, allowedHosts: DINGTALK_ONLY })).toEqual([]);
  });

  it('requires https in production and allows http otherwise (a loopback receiver in tests)', () => {
    const loopback = { webhookUrl: 'http://127.0.0.1:8080/robot/send?access_token=t', secret: SECRET };
    expect(groupChatProblems(loopback, { httpsOnly: false, allowedHosts: '*' })).toEqual([]);
    expect(groupChatProblems(loopback, { httpsOnly: true, allowedHosts: DINGTALK_ONLY })).toEqual([
      { field: 'webhookUrl', zh: '生产环境中群机器人地址须使用 https', en: 'in production the webhook URL must use https' },
    ]);
  });

  it('requires port 443 and the host exactly as listed in production', () => {
    const production = { httpsOnly: true, allowedHosts: ['oapi.dingtalk.com', 'chat.example.gov.cn:443'] };
    expect(fields(groupChatProblems({ webhookUrl: 'https://oapi.dingtalk.com:8443/robot/send?access_token=t', secret: SECRET }, production))).toEqual([
      'webhookUrl',
    ]);
    expect(groupChatProblems({ webhookUrl: 'https://oapi.dingtalk.com:8443/robot/send', secret: SECRET }, production)[0]?.zh).toContain('443');
    // The default port written out is the default port.
    expect(groupChatProblems({ webhookUrl: 'https://oapi.dingtalk.com:443/robot/send?access_token=t', secret: SECRET }, production)).toEqual([]);
    expect(groupChatProblems({ webhookUrl: 'https://chat.example.gov.cn/robot', secret: SECRET }, production)).toEqual([]);
    // A trailing dot names another host.
    expect(fields(groupChatProblems({ webhookUrl: 'https://oapi.dingtalk.com./robot/send', secret: SECRET }, production))).toEqual(['webhookUrl']);
    // Outside production a listed host:port is allowed (a test's loopback robot).
    expect(groupChatProblems({ webhookUrl: 'http://127.0.0.1:8080/robot', secret: SECRET }, { httpsOnly: false, allowedHosts: ['127.0.0.1:8080'] })).toEqual(
      [],
    );
  });

  it('checks each post in production as strictly as the save: https, port 443, the host as listed', () => {
    expect(hostAllowed('https://oapi.dingtalk.com/robot/send', ['oapi.dingtalk.com'], true)).toBe(true);
    expect(hostAllowed('http://oapi.dingtalk.com/robot/send', ['oapi.dingtalk.com'], true)).toBe(false);
    expect(hostAllowed('https://oapi.dingtalk.com:8443/robot/send', ['oapi.dingtalk.com', 'oapi.dingtalk.com:8443'], true)).toBe(false);
    expect(hostAllowed('https://oapi.dingtalk.com/robot/send', '*', true)).toBe(false);
    expect(hostAllowed('https://oapi.dingtalk.com:8443/robot/send', ['oapi.dingtalk.com:8443'])).toBe(true);
  });

  it('refuses a host outside the allowed list, which keeps the worker off internal addresses', () => {
    for (const webhookUrl of [
      'https://10.0.0.8/robot/send?access_token=t',
      'https://oapi.dingtalk.com.evil.example/robot',
      'https://metadata.internal/latest',
    ]) {
      const problems = groupChatProblems({ webhookUrl, secret: SECRET }, { httpsOnly: true, allowedHosts: DINGTALK_ONLY });
      expect({ webhookUrl, problems }).toEqual({
        webhookUrl,
        problems: [{ field: 'webhookUrl', zh: '群机器人地址的主机须为 oapi.dingtalk.com 之一', en: 'the webhook host must be one of: oapi.dingtalk.com' }],
      });
    }
    expect(groupChatProblems({ webhookUrl: 'http://127.0.0.1:8080/robot', secret: SECRET }, { httpsOnly: false, allowedHosts: ['127.0.0.1'] })).toEqual([]);
  });

  it('refuses what is not an http(s) URL, is too long, or carries credentials or a fragment', () => {
    for (const webhookUrl of [
      '',
      'oapi.dingtalk.com/robot/send',
      'ftp://oapi.dingtalk.com/robot',
      'javascript:alert(1)',
      `https://oapi.dingtalk.com/${'a'.repeat(1000)}`,
      'https://user:pw@oapi.dingtalk.com/robot/send',
      `${DINGTALK}#x`,
    ]) {
      expect({ webhookUrl, fields: fields(groupChatProblems({ webhookUrl, secret: SECRET }, { httpsOnly: false, allowedHosts: '*' })) }).toEqual({
        webhookUrl,
        fields: ['webhookUrl'],
      });
    }
  });

  it('requires a secret that starts with SEC, and never quotes it back', () => {
    for (const secret of ['', 'abcdefgh12345', 'sec0123456789', 'SEC', 'SEC 12345678', `SEC${'a'.repeat(200)}`]) {
      const problems = groupChatProblems({ webhookUrl: DINGTALK, secret }, { httpsOnly: true, allowedHosts: DINGTALK_ONLY });
      expect({ secret, fields: fields(problems) }).toEqual({ secret, fields: ['secret'] });
      if (secret.length > 3) expect(JSON.stringify(problems)).not.toContain(secret);
    }
    expect(fields(groupChatProblems({ webhookUrl: 'nope', secret: 'nope' }, { httpsOnly: true, allowedHosts: DINGTALK_ONLY }))).toEqual([
      'webhookUrl',
      'secret',
    ]);
  });

  it('shows the host of a webhook, never its access token', () => {
    expect(webhookHost(DINGTALK)).toBe('oapi.dingtalk.com');
    expect(webhookHost('http://127.0.0.1:8080/robot/send?access_token=t')).toBe('127.0.0.1:8080');
  });
});
