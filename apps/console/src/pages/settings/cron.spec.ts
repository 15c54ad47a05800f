import { describe, expect, it } from '@jest/globals';
import { cronInWords } from './cron';

describe('cronInWords', () => {
  it.each([
    ['0 9 * * 1', '每周一 09:00'],
    ['0 9 1 * *', '每月 1 日 09:00'],
    ['30 3 * * *', '每天 03:30'],
    ['30 8 * * 5', '每周五 08:30'],
    ['0 9 * * 1-5', '每周一至五 09:00'],
    ['0 9 * * MON,WED', '每周一、三 09:00'],
    ['0 9 * * 0', '每周日 09:00'],
    ['0 9,14 * * *', '每天 09:00、14:00'],
    ['15 * * * *', '每小时第 15 分'],
    ['*/10 * * * *', '每 10 分钟'],
    ['0 9 1,15 * *', '每月 1、15 日 09:00'],
    ['0 0 1 1 *', '每年 1 月 1 日 00:00'],
    ['0 9 1 * 1', '每月 1 日及每周一 09:00'],
  ])('says %s as %s', (cron, words) => {
    expect(cronInWords(cron)).toBe(words);
  });

  it.each(['0 9 L * *', '0 9 */2 * *', '0 9 * * 1#2', '61 9 * * *', '0 9 * *', 'every monday'])('leaves %s to the expression itself', (cron) => {
    expect(cronInWords(cron)).toBeNull();
  });
});
