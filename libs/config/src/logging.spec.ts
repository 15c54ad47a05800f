import { execFileSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { AppConfig } from './app-config.js';
import { loggingOptions } from './logging.js';

describe(loggingOptions.name, () => {
  it('writes JSON unless told, or on a terminal outside production', () => {
    // Jest's output is not a terminal.
    expect(AppConfig.fromEnvironment({}).logFormat).toBe('json');
    expect(loggingOptions(AppConfig.fromEnvironment({}), 'api')).not.toHaveProperty('transport');
    expect(AppConfig.fromEnvironment({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => AppConfig.fromEnvironment({ LOG_FORMAT: 'yaml' })).toThrow('LOG_FORMAT');
  });

  it('logs a request as one line with its method, URL, status and time, never its headers', () => {
    const options = loggingOptions(AppConfig.fromEnvironment({ LOG_FORMAT: 'pretty' }), 'api') as {
      serializers: { req: (request: object) => object; res: (response: object) => object };
      customSuccessMessage: (request: object, response: object, responseTime: number) => string;
    };
    const request = { id: 'r-1', method: 'POST', url: '/api/cases/c/plan', headers: { authorization: 'Bearer secret' } };
    expect(options.serializers.req(request)).toEqual({ id: 'r-1', method: 'POST', url: '/api/cases/c/plan' });
    expect(options.serializers.res({ statusCode: 200, headers: { 'set-cookie': 'x' } })).toEqual({ statusCode: 200 });
    expect(options.customSuccessMessage(request, { statusCode: 200 }, 12.4)).toBe('POST /api/cases/c/plan 200 12 ms');
  });

  it('prints readable lines through pino-pretty when pretty', () => {
    // A real pino with the options' transport, in a process of its own (the transport runs on a worker thread).
    const script = `
      import { pino } from 'pino';
      const options = JSON.parse(process.argv[1]);
      const logger = pino(options);
      logger.info({ caseId: 'case:1' }, '审计校验完成');
    `;
    const options = loggingOptions(AppConfig.fromEnvironment({ LOG_FORMAT: 'pretty' }), 'worker');
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify({ ...options, serializers: undefined })], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    const line = stripVTControlCharacters(output).trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[worker\] 审计校验完成 \{"caseId":"case:1"\}$/);
  });
});
