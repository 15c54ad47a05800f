import { describe, expect, it } from '@jest/globals';
import { AppConfig, ConfigError } from './app-config.js';

describe(AppConfig.name, () => {
  it('defaults to the embedded setup: SQLite under the data folder and a local dev server', () => {
    const config = AppConfig.fromEnvironment({}, '/srv/qinglian');
    expect(config.database).toEqual({ kind: 'sqlite', path: '/srv/qinglian/var/qinglian.sqlite' });
    expect(config.temporal).toMatchObject({ address: '127.0.0.1:7233', external: false, namespace: 'default', taskQueue: 'qinglian-cases' });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
  });

  it('switches to PostgreSQL and an external Temporal cluster', () => {
    const config = AppConfig.fromEnvironment({ DATABASE_URL: 'postgres://app@db:5432/qinglian', TEMPORAL_ADDRESS: 'temporal:7233', PORT: '8080' }, '/srv');
    expect(config.database).toEqual({ kind: 'postgresql', url: 'postgres://app@db:5432/qinglian' });
    expect(config.temporal).toMatchObject({ address: 'temporal:7233', external: true });
    expect(config.http.port).toBe(8080);
  });

  it('names the role migrations grant the app’s privileges to, on PostgreSQL only', () => {
    expect(AppConfig.fromEnvironment({ DATABASE_URL: 'postgres://app@db:5432/qinglian' }, '/srv').databaseAppRole).toBeUndefined();
    const config = AppConfig.fromEnvironment({ DATABASE_URL: 'postgres://qinglian@db:5432/qinglian', DATABASE_APP_ROLE: 'qinglian_app' }, '/srv');
    expect(config.databaseAppRole).toBe('qinglian_app');
    expect(() => AppConfig.fromEnvironment({ DATABASE_URL: 'postgres://qinglian@db/qinglian', DATABASE_APP_ROLE: 'App; drop' }, '/srv')).toThrow(
      'DATABASE_APP_ROLE: must be a PostgreSQL role name',
    );
    expect(() => AppConfig.fromEnvironment({ DATABASE_APP_ROLE: 'qinglian_app' }, '/srv')).toThrow('DATABASE_APP_ROLE: needs a postgres:// DATABASE_URL');
  });

  it('resolves sqlite: URLs against the working directory', () => {
    expect(AppConfig.fromEnvironment({ DATABASE_URL: 'sqlite:data/app.db' }, '/srv').database).toEqual({ kind: 'sqlite', path: '/srv/data/app.db' });
  });

  it('fails listing every bad variable at once', () => {
    let error: unknown;
    try {
      AppConfig.fromEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TEMPORAL_ADDRESS: 'no-port', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((problem) => problem.variable).sort();
    expect(problems).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'TEMPORAL_ADDRESS']);
    expect((error as ConfigError).message).toContain('TEMPORAL_ADDRESS: must be host:port');
  });

  it('bounds the worker cache only when asked, refusing a malformed bound', () => {
    expect(AppConfig.fromEnvironment({}, '/srv').workerMaxCachedWorkflows).toBe(100);
    expect(AppConfig.fromEnvironment({ WORKER_MAX_CACHED_WORKFLOWS: '500' }, '/srv').workerMaxCachedWorkflows).toBe(500);
    expect(() => AppConfig.fromEnvironment({ WORKER_MAX_CACHED_WORKFLOWS: 'lots' }, '/srv')).toThrow('WORKER_MAX_CACHED_WORKFLOWS');
  });

  it('treats empty variables as unset', () => {
    expect(AppConfig.fromEnvironment({ DATABASE_URL: '', PORT: '' }, '/srv').http.port).toBe(3000);
  });

  it('reads the account and access settings, with safe defaults', () => {
    const defaults = AppConfig.fromEnvironment({}, '/srv');
    expect(defaults.auth).toMatchObject({ tokenSecret: undefined, accessTokenSeconds: 900, refreshTokenSeconds: 43_200, bootstrapAdmin: undefined });
    expect(defaults.corsOrigins).toEqual([]);
    expect(defaults.trustProxyHops).toBe(0);
    expect(AppConfig.fromEnvironment({ HTTP_TRUST_PROXY_HOPS: '1' }, '/srv').trustProxyHops).toBe(1);
    const config = AppConfig.fromEnvironment(
      {
        AUTH_TOKEN_SECRET: 's'.repeat(32),
        AUTH_ACCESS_TOKEN_SECONDS: '2',
        AUTH_LOGIN_LOCKOUT_SECONDS: '3',
        BOOTSTRAP_ADMIN_USERNAME: 'office.admin',
        BOOTSTRAP_ADMIN_PASSWORD: 'a long enough passphrase',
        CORS_ORIGINS: 'https://qinglian.example.gov.cn, http://127.0.0.1:5173',
      },
      '/srv',
    );
    expect(config.auth.accessTokenSeconds).toBe(2);
    expect(config.auth.login.lockoutMs).toBe(3000);
    expect(config.auth.bootstrapAdmin).toEqual({ username: 'office.admin', password: 'a long enough passphrase' });
    expect(config.corsOrigins).toEqual(['https://qinglian.example.gov.cn', 'http://127.0.0.1:5173']);
  });

  it('refuses a short token secret, one bootstrap variable without the other, and origins with paths', () => {
    expect(() => AppConfig.fromEnvironment({ AUTH_TOKEN_SECRET: 'short' }, '/srv')).toThrow('AUTH_TOKEN_SECRET');
    expect(() => AppConfig.fromEnvironment({ BOOTSTRAP_ADMIN_USERNAME: 'admin' }, '/srv')).toThrow('BOOTSTRAP_ADMIN_USERNAME');
    expect(() => AppConfig.fromEnvironment({ CORS_ORIGINS: 'https://a.example/path' }, '/srv')).toThrow('CORS_ORIGINS');
  });

  it('reads the schedules in Asia/Shanghai cron, refusing anything but five fields', () => {
    expect(AppConfig.fromEnvironment({}, '/srv').schedules).toEqual({
      weeklyDigestCron: '0 9 * * 1',
      progressCallCron: '0 9 1 * *',
      documentHousekeepingCron: '30 3 * * *',
      auditCheckpointCron: '0 2 * * *',
      stalledAfterDays: 14,
    });
    expect(AppConfig.fromEnvironment({ SCHEDULE_WEEKLY_DIGEST_CRON: '30 8 * * 5', STALLED_AFTER_DAYS: '7' }, '/srv').schedules).toMatchObject({
      weeklyDigestCron: '30 8 * * 5',
      stalledAfterDays: 7,
    });
    expect(() => AppConfig.fromEnvironment({ SCHEDULE_WEEKLY_DIGEST_CRON: 'every monday' }, '/srv')).toThrow('SCHEDULE_WEEKLY_DIGEST_CRON');
    expect(() => AppConfig.fromEnvironment({ STALLED_AFTER_DAYS: '0' }, '/srv')).toThrow('STALLED_AFTER_DAYS');
  });

  it('reads the notification channels: none by default, each variable checked by name', () => {
    expect(AppConfig.fromEnvironment({}, '/srv').notifications).toMatchObject({ smtpUrl: undefined, webhook: undefined, timeoutMs: 10_000 });
    const config = AppConfig.fromEnvironment(
      {
        SMTP_URL: 'smtp://127.0.0.1:2525',
        MAIL_FROM: 'office@example.gov.cn',
        NOTIFY_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=x',
        NOTIFY_WEBHOOK_SECRET: 'SECabcdef123',
      },
      '/srv',
    );
    expect(config.notifications).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:2525',
      mailFrom: 'office@example.gov.cn',
      webhook: { url: 'https://oapi.dingtalk.com/robot/send?access_token=x', secret: 'SECabcdef123' },
    });
    expect(() => AppConfig.fromEnvironment({ SMTP_URL: 'http://mail' }, '/srv')).toThrow('SMTP_URL');
    expect(() => AppConfig.fromEnvironment({ NOTIFY_WEBHOOK_URL: 'https://chat.example/hook' }, '/srv')).toThrow('NOTIFY_WEBHOOK_SECRET');
    expect(() => AppConfig.fromEnvironment({ NOTIFY_WEBHOOK_URL: 'ftp://x', NOTIFY_WEBHOOK_SECRET: 'SECabcdef123' }, '/srv')).toThrow('NOTIFY_WEBHOOK_URL');
    const production = { NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'x'.repeat(40), NOTIFY_WEBHOOK_SECRET: 'SECabcdef123' };
    expect(() => AppConfig.fromEnvironment({ ...production, NOTIFY_WEBHOOK_URL: 'http://oapi.dingtalk.com/robot/send?access_token=x' }, '/srv')).toThrow(
      'NOTIFY_WEBHOOK_URL',
    );
    expect(
      AppConfig.fromEnvironment({ ...production, NOTIFY_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=x' }, '/srv').notifications.webhook
        ?.url,
    ).toMatch(/^https:/);
  });

  it('keeps units’ group chats to the allowed hosts: DingTalk by default, any only outside production', () => {
    expect(AppConfig.fromEnvironment({}, '/srv').notifications.groupChatAllowedHosts).toEqual(['oapi.dingtalk.com']);
    expect(
      AppConfig.fromEnvironment({ GROUP_CHAT_ALLOWED_HOSTS: 'oapi.dingtalk.com, Chat.Example.gov.cn:8443' }, '/srv').notifications.groupChatAllowedHosts,
    ).toEqual(['oapi.dingtalk.com', 'chat.example.gov.cn:8443']);
    expect(AppConfig.fromEnvironment({ GROUP_CHAT_ALLOWED_HOSTS: '*' }, '/srv').notifications.groupChatAllowedHosts).toBe('*');
    expect(() => AppConfig.fromEnvironment({ NODE_ENV: 'production', GROUP_CHAT_ALLOWED_HOSTS: '*', AUTH_TOKEN_SECRET: 'x'.repeat(40) }, '/srv')).toThrow(
      'GROUP_CHAT_ALLOWED_HOSTS',
    );
    expect(() => AppConfig.fromEnvironment({ GROUP_CHAT_ALLOWED_HOSTS: 'https://oapi.dingtalk.com/' }, '/srv')).toThrow('GROUP_CHAT_ALLOWED_HOSTS');
  });

  it('keeps audit checkpoints in the data folder, signed with a key generated there, unless told otherwise', () => {
    expect(AppConfig.fromEnvironment({ DATA_DIR: '/data' }, '/srv').auditCheckpoints).toEqual({
      key: { generatedFile: '/data/keys/audit-checkpoint.pem' },
      directory: '/data/audit-checkpoints',
      s3: undefined,
    });
    const bucket = {
      AUDIT_CHECKPOINT_S3_BUCKET: 'qinglian-audit-checkpoints',
      AUDIT_CHECKPOINT_S3_ACCESS_KEY_ID: 'id',
      AUDIT_CHECKPOINT_S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(
      AppConfig.fromEnvironment({ ...bucket, AUDIT_CHECKPOINT_KEY_FILE: '/run/secrets/key', AUDIT_CHECKPOINT_DIR: 'checkpoints' }, '/srv').auditCheckpoints,
    ).toEqual({
      key: { file: '/run/secrets/key' },
      directory: '/srv/checkpoints',
      s3: { endpoint: undefined, region: 'us-east-1', bucket: 'qinglian-audit-checkpoints', accessKeyId: 'id', secretAccessKey: 'secret', retentionDays: 0 },
    });
    expect(() => AppConfig.fromEnvironment({ AUDIT_CHECKPOINT_S3_BUCKET: 'qinglian-audit-checkpoints' }, '/srv')).toThrow('AUDIT_CHECKPOINT_S3_ACCESS_KEY_ID');
    expect(() => AppConfig.fromEnvironment({ AUDIT_CHECKPOINT_KEY: 'not a key' }, '/srv')).toThrow('AUDIT_CHECKPOINT_KEY');
    expect(() => AppConfig.fromEnvironment({ ...bucket, AUDIT_CHECKPOINT_S3_RETENTION_DAYS: '-1' }, '/srv')).toThrow('AUDIT_CHECKPOINT_S3_RETENTION_DAYS');
    expect(() => AppConfig.fromEnvironment({ SCHEDULE_AUDIT_CHECKPOINT_CRON: 'hourly' }, '/srv')).toThrow('SCHEDULE_AUDIT_CHECKPOINT_CRON');
  });

  it('keeps webhooks off private addresses in production and on port 443, allowing them only outside production', () => {
    const production = { NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'x'.repeat(40) };
    expect(AppConfig.fromEnvironment({}, '/srv').notifications.allowPrivateAddresses).toBe(true);
    expect(AppConfig.fromEnvironment({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false' }, '/srv').notifications.allowPrivateAddresses).toBe(false);
    expect(AppConfig.fromEnvironment(production, '/srv').notifications.allowPrivateAddresses).toBe(false);
    expect(() => AppConfig.fromEnvironment({ ...production, WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' }, '/srv')).toThrow('WEBHOOK_ALLOW_PRIVATE_ADDRESSES');
    expect(() => AppConfig.fromEnvironment({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'yes' }, '/srv')).toThrow('WEBHOOK_ALLOW_PRIVATE_ADDRESSES');
    expect(() => AppConfig.fromEnvironment({ ...production, GROUP_CHAT_ALLOWED_HOSTS: 'oapi.dingtalk.com:8443' }, '/srv')).toThrow('GROUP_CHAT_ALLOWED_HOSTS');
    expect(AppConfig.fromEnvironment({ ...production, GROUP_CHAT_ALLOWED_HOSTS: 'oapi.dingtalk.com:443' }, '/srv').notifications.groupChatAllowedHosts).toEqual(
      ['oapi.dingtalk.com:443'],
    );
    const office = { ...production, NOTIFY_WEBHOOK_SECRET: 'SECabcdef123' };
    expect(() => AppConfig.fromEnvironment({ ...office, NOTIFY_WEBHOOK_URL: 'https://oapi.dingtalk.com:8443/robot/send?access_token=x' }, '/srv')).toThrow(
      'NOTIFY_WEBHOOK_URL: must use port 443',
    );
  });

  it('bounds api tokens’ lifetime: 180 days unless configured', () => {
    expect(AppConfig.fromEnvironment({}, '/srv').auth.apiTokenMaxDays).toBe(180);
    expect(AppConfig.fromEnvironment({ API_TOKEN_MAX_DAYS: '30' }, '/srv').auth.apiTokenMaxDays).toBe(30);
    expect(() => AppConfig.fromEnvironment({ API_TOKEN_MAX_DAYS: '0' }, '/srv')).toThrow('API_TOKEN_MAX_DAYS');
  });

  it('takes a compressed case clock for demonstrations and tests only', () => {
    expect(AppConfig.fromEnvironment({}, '/srv').caseClock).toBeUndefined();
    expect(AppConfig.fromEnvironment({ CASE_CLOCK_SECONDS_PER_DAY: '2', CASE_CLOCK_STARTS_ON: '2026-06-01' }, '/srv').caseClock).toEqual({
      secondsPerDay: 2,
      startsOn: '2026-06-01',
    });
    expect(() => AppConfig.fromEnvironment({ CASE_CLOCK_SECONDS_PER_DAY: '2', CASE_CLOCK_STARTS_ON: '6/1' }, '/srv')).toThrow('CASE_CLOCK_STARTS_ON');
    expect(() => AppConfig.fromEnvironment({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'x'.repeat(40), CASE_CLOCK_SECONDS_PER_DAY: '2' }, '/srv')).toThrow(
      'CASE_CLOCK_SECONDS_PER_DAY',
    );
  });
  it('leaves tracing off unless an exporter is named, and reads the standard OpenTelemetry variables', () => {
    expect(AppConfig.fromEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, '/srv').tracing).toEqual({ exporter: 'none' });
    expect(AppConfig.fromEnvironment({ OTEL_TRACES_EXPORTER: 'console' }, '/srv').tracing).toEqual({ exporter: 'console', serviceName: undefined });
    expect(AppConfig.fromEnvironment({ OTEL_TRACES_EXPORTER: 'otlp' }, '/srv').tracing).toEqual({
      exporter: 'otlp',
      serviceName: undefined,
      url: 'http://localhost:4318/v1/traces',
      protocol: 'http/protobuf',
      headers: {},
    });
    const otlp = { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'https://collector.internal:4318/' };
    expect(AppConfig.fromEnvironment(otlp, '/srv').tracing).toMatchObject({ url: 'https://collector.internal:4318/v1/traces' });
    expect(
      AppConfig.fromEnvironment(
        {
          ...otlp,
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4318/otlp/v1/traces',
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
          OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer%20abc, x-scope-orgid=qinglian',
          OTEL_SERVICE_NAME: 'qinglian-api-eu',
        },
        '/srv',
      ).tracing,
    ).toEqual({
      exporter: 'otlp',
      serviceName: 'qinglian-api-eu',
      url: 'http://tempo:4318/otlp/v1/traces',
      protocol: 'http/json',
      headers: { authorization: 'Bearer abc', 'x-scope-orgid': 'qinglian' },
    });
    expect(() => AppConfig.fromEnvironment({ OTEL_TRACES_EXPORTER: 'jaeger' }, '/srv')).toThrow(
      'OTEL_TRACES_EXPORTER: must be none (the default: no tracing), otlp or console',
    );
    expect(() => AppConfig.fromEnvironment({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, '/srv')).toThrow(
      'OTEL_EXPORTER_OTLP_PROTOCOL: must be http/protobuf (the default) or http/json; grpc is not supported',
    );
    expect(() => AppConfig.fromEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, '/srv')).toThrow(
      'OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s) URL',
    );
    expect(() => AppConfig.fromEnvironment({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://collector:4317' }, '/srv')).toThrow(
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    );
    expect(() => AppConfig.fromEnvironment({ OTEL_EXPORTER_OTLP_HEADERS: 'no-value-here' }, '/srv')).toThrow(
      'OTEL_EXPORTER_OTLP_HEADERS: must be comma-separated key=value pairs',
    );
  });
});
