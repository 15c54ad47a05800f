import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { NOTIFICATION_KINDS } from '#contracts';
import { dingTalkSignature, signedWebhookUrl } from './dingtalk-signature.js';
import { renderNotice } from './notification-templates.js';

describe(renderNotice.name, () => {
  const data = {
    unitName: '永康市第一人民医院',
    stage: 'self_assessment',
    dueOn: '2019-09-30',
    daysLeft: 3,
    daysOverdue: 2,
    week: '2019-W39',
    openCases: 71,
    dueThisWeek: 5,
    overdueCases: 2,
    stalledCases: 4,
    stalledAfterDays: 14,
  };

  it.each(NOTIFICATION_KINDS)('renders %s in Chinese first, English alongside, with every variable filled in', (kind) => {
    const notice = renderNotice(kind, { ...data, caseId: 'case:c1:u1' });
    const [zhTitle = '', enTitle = ''] = notice.title.split(' / ');
    expect(zhTitle).toMatch(/^【.+】/);
    expect(enTitle).toMatch(/^[A-Z]/);
    expect(`${notice.title}${notice.text}${notice.markdown}`).not.toMatch(/undefined|null|NaN|\$\{/);
    expect(notice.text).toContain('案件 / Case: case:c1:u1');
    expect(notice.markdown).toContain(`#### ${zhTitle}`);
  });

  it('names the stage in both languages and the overdue working days', () => {
    const notice = renderNotice('reminder_overdue', data);
    expect(notice.title).toBe('【已逾期】永康市第一人民医院「自评」已逾期 2 个工作日 / Overdue: Self-assessment of 永康市第一人民医院, 2 working day(s) late');
    expect(notice.text).toContain('已于 2019-09-30 到期');
  });

  it('mentions due dates pending on the calendar in the weekly digest only when there are some', () => {
    const counts = { week: '2026-11-23', openCases: 71, dueThisWeek: 3, overdueCases: 1, stalledCases: 0, stalledAfterDays: 30 };
    expect(renderNotice('weekly_digest', { ...counts, dueDatePending: 0 }).text).not.toContain('期限待定');
    const pending = renderNotice('weekly_digest', { ...counts, dueDatePending: 2 }).text;
    expect(pending).toContain('期限待定 2 件');
    expect(pending).toContain('Due date pending: 2');
  });

  it('shows a missing variable as a dash rather than failing', () => {
    expect(renderNotice('weekly_digest', {}).text).toContain('在办案件 — 件');
  });
});

describe(dingTalkSignature.name, () => {
  it('is base64 HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret, URL-encoded in the query', () => {
    const secret = 'SECd4d5a6b7c8e9f0';
    const timestamp = 1_577_836_800_000;
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(dingTalkSignature(secret, timestamp)).toBe(expected);
    const url = signedWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', secret, timestamp);
    expect(url).toBe(`https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=${timestamp}&sign=${encodeURIComponent(expected)}`);
  });
});
