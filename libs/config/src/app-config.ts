import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { keySourceOf, type KeySource } from './key-source.js';
import { isSecretsKey, type SecretsKeySource } from './secrets-key.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = z.coerce.number().int().min(0).max(65535);
const seconds = z.coerce.number().int().min(1).max(31_536_000);
const bytes = z.coerce.number().int().min(1024).max(104_857_600);
/** Account names: letters, digits and . _ @ - (also the bootstrap administrator's). */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{3,64}$/;
const username = z.string().regex(USERNAME_PATTERN, 'must be 3–64 letters, digits or . _ @ -');
/** Five cron fields (minute hour day-of-month month day-of-week), read in Asia/Shanghai. */
const cron = z
  .string()
  .trim()
  .regex(/^\S+(\s+\S+){4}$/, 'must be five cron fields, e.g. "0 9 * * 1" (Mondays 09:00 Asia/Shanghai)');
const hostPort = z.string().regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233');
const otlpUrl = z
  .string()
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), 'must be an http(s) URL, e.g. http://otel-collector:4318');

/** The span exporters a process may use; `none` (the default) leaves the OpenTelemetry SDK unloaded. */
/**
 * How the worker process is started (npm start; docker-compose.yml says the same): its main thread's heap bounded with
 * room to spare (it holds no cases; bounded at 192 MiB it collected garbage without pause), the workflow thread's by
 * the worker itself (WORKFLOW_THREAD_HEAP_MB).
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=384'];

export const TRACES_EXPORTERS = ['none', 'otlp', 'console'] as const;
/** OTLP over HTTP, as protobuf (the specification's default) or JSON; no gRPC. */
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;

/** What uploads may be by default (by their content): PDF, images, Word and Excel (OOXML), OFD (版式文件) and plain text. */
export const DEFAULT_DOCUMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/ofd',
  'text/plain',
] as const;

/** Where uploaded files live: a folder (the embedded default) or an S3-compatible object store. */
export type DocumentStoreConfig =
  | { readonly kind: 'filesystem'; readonly directory: string }
  | {
      readonly kind: 's3';
      readonly endpoint: string | undefined;
      readonly region: string;
      readonly bucket: string;
      readonly accessKeyId: string;
      readonly secretAccessKey: string;
    };

/** Every environment variable the processes read. Unknown QINGLIAN_-less variables are ignored. */
const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(3000),
    DATA_DIR: z.string().min(1).default('var'),
    /** Ed25519 private key (PEM) the api and worker sign case commands with; or a file holding it. */
    COMMAND_SIGNING_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key (-----BEGIN PRIVATE KEY-----…)' }).optional(),
    COMMAND_SIGNING_KEY_FILE: z.string().min(1).optional(),
    /** How long a signed command stays valid on its way to the case workflow. */
    COMMAND_SIGNATURE_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
    DATABASE_URL: z
      .string()
      .regex(/^(postgres|postgresql|sqlite):/, 'must start with postgres://, postgresql:// or sqlite:')
      .optional(),
    /** PostgreSQL: the role the api and worker connect as; `migration:up` (run as the tables' owner) grants it its privileges. */
    DATABASE_APP_ROLE: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a PostgreSQL role name: lower-case letters, digits and _, e.g. qinglian_app')
      .optional(),
    TEMPORAL_ADDRESS: hostPort.optional(),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('qinglian-cases'),
    TEMPORAL_DEV_PORT: port.default(7233),
    TEMPORAL_UI_PORT: port.default(8233),
    TEMPORAL_UI_URL: z.url().optional(),
    WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
    /** Where the worker serves the Temporal SDK's Prometheus metrics (/metrics), e.g. 127.0.0.1:9464; none when unset. */
    WORKER_METRICS_ADDRESS: hostPort.optional(),
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(1_000_000).default(100),
    /** The old-generation heap limit of the worker's workflow thread, where cached cases live (MiB). */
    WORKFLOW_THREAD_HEAP_MB: z.coerce.number().int().min(64).max(65_536).default(192),
    /**
     * How long Temporal waits for a worker to finish a case's workflow task before handing it to another worker (a
     * crashed one never answers). Set on enrollment and kept by the case for its whole life.
     */
    WORKFLOW_TASK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(2),
    /** How long a task meant for the worker that holds the case in memory waits for it before any worker may take it. */
    WORKER_STICKY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(2),
    /**
     * Workflow tasks a worker holds at once. Each one's timeout (WORKFLOW_TASK_TIMEOUT_SECONDS) runs from the moment the
     * worker takes it, so a worker that takes more than its cores get through in that time sees them time out.
     */
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(1000).default(40),
    /**
     * Cases a batch enrollment starts at once. Each new case's first workflow task is the worker's costliest (the case
     * is loaded, its enrollment and first due date recorded), so a burst larger than the workers get through within
     * WORKFLOW_TASK_TIMEOUT_SECONDS times out and is retried instead of going faster.
     */
    ENROLLMENT_PARALLELISM: z.coerce.number().int().min(1).max(256).default(16),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** json: one JSON object a line (for collectors); pretty: readable lines (pino-pretty). Unset: pretty on a terminal outside production. */
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    /** 链路追踪: the standard OpenTelemetry variables (a subset); tracing is off unless an exporter is named. */
    OTEL_TRACES_EXPORTER: z.enum(TRACES_EXPORTERS, { error: 'must be none (the default: no tracing), otlp or console' }).default('none'),
    OTEL_SERVICE_NAME: z.string().trim().min(1).max(100).optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl.optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpUrl.optional(),
    OTEL_EXPORTER_OTLP_PROTOCOL: z
      .enum(OTLP_PROTOCOLS, { error: 'must be http/protobuf (the default) or http/json; grpc is not supported: use the collector’s OTLP/HTTP port (4318)' })
      .default('http/protobuf'),
    OTEL_EXPORTER_OTLP_HEADERS: z
      .string()
      .transform((value, context) => {
        const headers = otlpHeaders(value);
        if (headers === undefined) {
          context.addIssue({ code: 'custom', message: 'must be comma-separated key=value pairs (values URL-encoded), e.g. authorization=Bearer%20abc' });
          return z.NEVER;
        }
        return headers;
      })
      .optional(),
    SCHEDULE_WEEKLY_DIGEST_CRON: cron.default('0 9 * * 1'),
    SCHEDULE_PROGRESS_CALL_CRON: cron.default('0 9 1 * *'),
    SCHEDULE_DOCUMENT_HOUSEKEEPING_CRON: cron.default('30 3 * * *'),
    SCHEDULE_AUDIT_CHECKPOINT_CRON: cron.default('0 2 * * *'),
    /** 0 removes, at the next run, every upload no step has referenced yet (tests only). */
    DOCUMENT_UNREFERENCED_DAYS: z.coerce.number().min(0).max(3650).default(30),
    STALLED_AFTER_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    CASE_CLOCK_SECONDS_PER_DAY: z.coerce.number().positive().max(86_400).optional(),
    CASE_CLOCK_STARTS_ON: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
      .optional(),
    AUTH_TOKEN_SECRET: z.string().min(32, 'must have at least 32 characters (e.g. openssl rand -base64 48)').optional(),
    AUTH_ACCESS_TOKEN_SECONDS: seconds.default(900),
    AUTH_REFRESH_TOKEN_SECONDS: seconds.default(43_200),
    AUTH_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    AUTH_LOGIN_LOCKOUT_SECONDS: seconds.default(900),
    AUTH_LOGIN_BACKOFF_BASE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    AUTH_LOGIN_GLOBAL_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(50),
    AUTH_LOGIN_GLOBAL_SPACING_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
    AUTH_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
    AUTH_LOGIN_RATE_WINDOW_SECONDS: seconds.default(60),
    /** The longest an api token may live; administrator-role tokens must name their expiry. */
    API_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    BOOTSTRAP_ADMIN_USERNAME: username.optional(),
    BOOTSTRAP_ADMIN_PASSWORD: z.string().min(1).optional(),
    CORS_ORIGINS: z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().refine((origin) => URL.canParse(origin) && new URL(origin).origin === origin, 'each origin is scheme://host[:port], no path')))
      .default([]),
    HTTP_JSON_LIMIT_BYTES: bytes.default(1_048_576),
    HTTP_CSV_LIMIT_BYTES: bytes.default(2_097_152),
    HTTP_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    SMTP_URL: z
      .string()
      .refine((value) => URL.canParse(value) && ['smtp:', 'smtps:'].includes(new URL(value).protocol), 'must be smtp://[user:pass@]host:port or smtps://…')
      .optional(),
    MAIL_FROM: z.string().min(3).max(200).default('清廉细胞示范点创建管理 <noreply@qinglian.invalid>'),
    NOTIFY_WEBHOOK_URL: z
      .string()
      .refine(
        (value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol),
        'must be an http(s) URL, e.g. https://oapi.dingtalk.com/robot/send?access_token=…',
      )
      .optional(),
    NOTIFY_WEBHOOK_SECRET: z.string().min(8, 'must have at least 8 characters (the robot’s 加签 secret, SEC…)').optional(),
    NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** Whether webhooks may connect to loopback, private, link-local… addresses; unset: only outside production. */
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: z.enum(['true', 'false']).optional(),
    /** AES-256 key (base64 of 32 bytes) sealing stored webhook secrets; or a file holding it. */
    SECRETS_ENCRYPTION_KEY: z.string().refine(isSecretsKey, 'must be 32 random bytes in base64, e.g. openssl rand -base64 32').optional(),
    SECRETS_ENCRYPTION_KEY_FILE: z.string().min(1).optional(),
    /** Earlier keys, still read while the api re-seals what they sealed (comma-separated). */
    SECRETS_ENCRYPTION_PREVIOUS_KEYS: z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((key) => key.trim())
          .filter((key) => key !== ''),
      )
      .refine((keys) => keys.every(isSecretsKey), 'must be comma-separated keys of 32 random bytes in base64')
      .default([]),
    GROUP_CHAT_ALLOWED_HOSTS: z
      .string()
      .default('oapi.dingtalk.com')
      .transform((value) =>
        value
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter((host) => host !== ''),
      )
      .refine(
        (hosts) => hosts.length > 0 && hosts.every((host) => host === '*' || /^[a-z0-9.-]+(:\d+)?$/.test(host)),
        'must be a comma-separated list of host names (host or host:port), or *',
      ),
    DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(2_147_483_648).default(20_971_520),
    CONSOLE_DIR: z.string().min(1).default('dist/console'),
    DOCUMENT_ACCEPTED_TYPES: z
      .string()
      .default(DEFAULT_DOCUMENT_TYPES.join(','))
      .transform((value) =>
        value
          .split(',')
          .map((type) => type.trim().toLowerCase())
          .filter((type) => type !== ''),
      )
      .refine(
        (types) => types.length > 0 && types.every((type) => /^[a-z]+\/[a-z0-9.+-]+$/.test(type)),
        'must be a comma-separated list of media types, e.g. application/pdf,image/png',
      ),
    DOCUMENT_STORE: z.enum(['filesystem', 's3']).default('filesystem'),
    DOCUMENT_S3_ENDPOINT: z.url().optional(),
    DOCUMENT_S3_REGION: z.string().min(1).default('us-east-1'),
    DOCUMENT_S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')
      .optional(),
    DOCUMENT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    DOCUMENT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Ed25519 private key (PEM) audit checkpoints are signed with; or a file holding it. */
    AUDIT_CHECKPOINT_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key (-----BEGIN PRIVATE KEY-----…)' }).optional(),
    AUDIT_CHECKPOINT_KEY_FILE: z.string().min(1).optional(),
    AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
    AUDIT_CHECKPOINT_S3_ENDPOINT: z.url().optional(),
    AUDIT_CHECKPOINT_S3_REGION: z.string().min(1).default('us-east-1'),
    AUDIT_CHECKPOINT_S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')
      .optional(),
    AUDIT_CHECKPOINT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    AUDIT_CHECKPOINT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Object-lock retention (COMPLIANCE) each checkpoint is written with; 0: none (the bucket's default, if any). */
    AUDIT_CHECKPOINT_S3_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  })
  .superRefine((env, context) => {
    if (env.COMMAND_SIGNING_KEY !== undefined && env.COMMAND_SIGNING_KEY_FILE !== undefined) {
      context.addIssue({ code: 'custom', path: ['COMMAND_SIGNING_KEY_FILE'], message: 'set COMMAND_SIGNING_KEY or COMMAND_SIGNING_KEY_FILE, not both' });
    }
    if (env.DATABASE_APP_ROLE !== undefined && !/^postgres(ql)?:/.test(env.DATABASE_URL ?? '')) {
      context.addIssue({ code: 'custom', path: ['DATABASE_APP_ROLE'], message: 'needs a postgres:// DATABASE_URL: the embedded SQLite file has no roles' });
    }
    if (env.AUDIT_CHECKPOINT_KEY !== undefined && env.AUDIT_CHECKPOINT_KEY_FILE !== undefined) {
      context.addIssue({ code: 'custom', path: ['AUDIT_CHECKPOINT_KEY_FILE'], message: 'set AUDIT_CHECKPOINT_KEY or AUDIT_CHECKPOINT_KEY_FILE, not both' });
    }
    if (env.AUDIT_CHECKPOINT_S3_BUCKET !== undefined) {
      for (const variable of ['AUDIT_CHECKPOINT_S3_ACCESS_KEY_ID', 'AUDIT_CHECKPOINT_S3_SECRET_ACCESS_KEY'] as const) {
        if (env[variable] === undefined) context.addIssue({ code: 'custom', path: [variable], message: 'required with AUDIT_CHECKPOINT_S3_BUCKET' });
      }
    }
    if (env.DOCUMENT_STORE === 's3') {
      for (const variable of ['DOCUMENT_S3_BUCKET', 'DOCUMENT_S3_ACCESS_KEY_ID', 'DOCUMENT_S3_SECRET_ACCESS_KEY'] as const) {
        if (env[variable] === undefined) context.addIssue({ code: 'custom', path: [variable], message: 'required with DOCUMENT_STORE=s3' });
      }
    }
    if (env.NODE_ENV === 'production' && env.NOTIFY_WEBHOOK_URL !== undefined && !env.NOTIFY_WEBHOOK_URL.startsWith('https:')) {
      context.addIssue({ code: 'custom', path: ['NOTIFY_WEBHOOK_URL'], message: 'must be https in production: the URL carries the robot’s access token' });
    }
    if (env.SECRETS_ENCRYPTION_KEY !== undefined && env.SECRETS_ENCRYPTION_KEY_FILE !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['SECRETS_ENCRYPTION_KEY_FILE'],
        message: 'set SECRETS_ENCRYPTION_KEY or SECRETS_ENCRYPTION_KEY_FILE, not both',
      });
    }
    if (env.NODE_ENV === 'production' && env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === 'true') {
      context.addIssue({
        code: 'custom',
        path: ['WEBHOOK_ALLOW_PRIVATE_ADDRESSES'],
        message: 'webhooks to loopback or private addresses are for development and tests only, never NODE_ENV=production',
      });
    }
    if (
      env.NODE_ENV === 'production' &&
      env.NOTIFY_WEBHOOK_URL !== undefined &&
      URL.canParse(env.NOTIFY_WEBHOOK_URL) &&
      new URL(env.NOTIFY_WEBHOOK_URL).port !== ''
    ) {
      context.addIssue({ code: 'custom', path: ['NOTIFY_WEBHOOK_URL'], message: 'must use port 443 in production (no port in the URL)' });
    }
    if (env.NODE_ENV === 'production' && env.GROUP_CHAT_ALLOWED_HOSTS.some((host) => /:\d+$/.test(host) && !host.endsWith(':443'))) {
      context.addIssue({
        code: 'custom',
        path: ['GROUP_CHAT_ALLOWED_HOSTS'],
        message: 'in production group chats are posted to port 443 only: list host names without another port',
      });
    }
    if (env.NODE_ENV === 'production' && env.GROUP_CHAT_ALLOWED_HOSTS.includes('*')) {
      context.addIssue({
        code: 'custom',
        path: ['GROUP_CHAT_ALLOWED_HOSTS'],
        message: 'name the hosts units may point their group chats at; * is for development only',
      });
    }
    if (env.NODE_ENV === 'production' && env.CASE_CLOCK_SECONDS_PER_DAY !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['CASE_CLOCK_SECONDS_PER_DAY'],
        message: 'a compressed case clock is for demonstrations and tests, never NODE_ENV=production',
      });
    }
  });

/** The bucket audit checkpoints also go to: its own, written with If-None-Match and, when asked, object-lock retention. */
export interface AuditCheckpointBucketConfig {
  readonly endpoint: string | undefined;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly retentionDays: number;
}

export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * 链路追踪 / Tracing: off (`none`), or spans written to the console or sent over OTLP/HTTP to `url` (the traces
 * endpoint itself, …/v1/traces). `serviceName` overrides each process's own (qinglian-api, qinglian-worker).
 */
export type TracingConfig =
  | { readonly exporter: 'none' }
  | { readonly exporter: 'console'; readonly serviceName: string | undefined }
  | {
      readonly exporter: 'otlp';
      readonly serviceName: string | undefined;
      readonly url: string;
      readonly protocol: (typeof OTLP_PROTOCOLS)[number];
      readonly headers: Readonly<Record<string, string>>;
    };

export type DatabaseConfig = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgresql'; readonly url: string };

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`配置无效 / Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

/** The validated configuration of every process. Built once from the environment; fails listing every bad variable. */
export class AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly http: { readonly host: string; readonly port: number };
  readonly dataDir: string;
  /** The built web console (工作台) the api serves at /. */
  readonly consoleDir: string;
  readonly database: DatabaseConfig;
  /** The role `migration:up` grants the app's privileges to (PostgreSQL only): read and append the audit trail, keep the read models. */
  readonly databaseAppRole: string | undefined;
  readonly temporal: {
    readonly address: string;
    /** True when TEMPORAL_ADDRESS names a cluster: no dev server is spawned. */
    readonly external: boolean;
    readonly namespace: string;
    readonly taskQueue: string;
    readonly devServerPort: number;
    readonly uiPort: number;
    readonly uiUrl: string;
  };
  readonly workflowBundlePath: string | undefined;
  /** Where the worker serves the Temporal SDK's metrics (an internal address: they are not behind a token). */
  readonly workerMetricsAddress: string | undefined;
  /**
   * 指令签名: the key case commands are signed with on their way to Temporal (none in production unless given: the api
   * and the worker then refuse to start, migrations and the cli do not need it), and how long a signature lasts.
   */
  readonly commandSigning: { readonly key: KeySource | undefined; readonly lifetimeSeconds: number };
  /** Cases a worker keeps in memory between steps (the others are replayed from history on their next step); the SDK's own default grows with the heap limit. */
  readonly workerMaxCachedWorkflows: number;
  /**
   * The heap limit of the worker's workflow thread (MiB), where the cached cases live: V8 collects well before it, so the
   * worker's memory stays flat. The main thread's limit is the process's own (WORKER_NODE_FLAGS).
   */
  readonly workflowThreadHeapMb: number;
  /** Cases a batch enrollment starts at once. */
  readonly enrollmentParallelism: number;
  /**
   * 故障转移 (failover): how soon a step held by a worker that died moves to another one. The workflow task timeout is
   * fixed per case at enrollment; the sticky timeout is the worker's own.
   */
  readonly failover: { readonly workflowTaskTimeoutSeconds: number; readonly stickyTimeoutSeconds: number; readonly maxConcurrentWorkflowTasks: number };
  readonly logLevel: LogLevel;
  /** How log lines are written: JSON, or readable lines on a terminal. */
  readonly logFormat: 'json' | 'pretty';
  /** 链路追踪: where the api's and the worker's spans go, if anywhere (see startTracing in #temporal). */
  readonly tracing: TracingConfig;
  /**
   * 模拟时钟 (demonstrations and tests only): cases enrolled from now on live on a compressed calendar, one day per
   * `secondsPerDay`, starting at 00:00 Asia/Shanghai on `startsOn` (or at the moment of enrollment).
   */
  readonly caseClock: { readonly secondsPerDay: number; readonly startsOn: string | undefined } | undefined;
  /** The program's recurring jobs (Temporal Schedules), in Asia/Shanghai time. */
  readonly schedules: {
    readonly weeklyDigestCron: string;
    readonly progressCallCron: string;
    readonly documentHousekeepingCron: string;
    readonly auditCheckpointCron: string;
    readonly stalledAfterDays: number;
  };
  readonly auth: {
    /** Signs access tokens; a random one per process when unset outside production (sessions then end with the process). */
    readonly tokenSecret: string | undefined;
    readonly accessTokenSeconds: number;
    readonly refreshTokenSeconds: number;
    /** Failed logins per (username, client address), and the soft limit per username over all addresses. */
    readonly login: {
      readonly maxFailures: number;
      readonly lockoutMs: number;
      readonly backoffBaseMs: number;
      readonly globalMaxFailures: number;
      readonly globalSpacingMs: number;
    };
    readonly loginRateLimit: { readonly limit: number; readonly windowMs: number };
    /** The first administrator, created on start when there is no administrator yet. */
    readonly bootstrapAdmin: { readonly username: string; readonly password: string } | undefined;
    /** The longest lifetime of an api token, in days (also applied to tokens issued before the limit). */
    readonly apiTokenMaxDays: number;
  };
  /**
   * The key stored webhook secrets are sealed with (AES-256-GCM; none in production unless given: the api and the
   * worker then refuse to start), and earlier keys still read while the api re-seals what they sealed.
   */
  readonly secretsEncryption: { readonly key: SecretsKeySource | undefined; readonly previousKeys: readonly string[] };
  readonly corsOrigins: readonly string[];
  readonly bodyLimits: { readonly jsonBytes: number; readonly csvBytes: number };
  /** Reverse proxies in front of the api whose X-Forwarded-For names the client (login rate limit, account records). */
  readonly trustProxyHops: number;
  /** 文件 / Documents: the largest upload, the media types accepted (by content), where the bytes are kept. */
  readonly documents: {
    readonly maxBytes: number;
    readonly acceptedTypes: readonly string[];
    readonly store: DocumentStoreConfig;
    /** Uploads no step references are removed by the housekeeping schedule this many days after they were uploaded. */
    readonly unreferencedAfterDays: number;
  };
  /** 通知渠道 / Notification channels: email when an SMTP server is configured, the program office's group-chat robot when a webhook is. */
  /**
   * 审计检查点 / Signed audit checkpoints: the key they are signed with (required in production where one is written),
   * the folder they are kept in, and the object-store bucket they also go to when one is configured.
   */
  readonly auditCheckpoints: {
    readonly key: KeySource;
    readonly directory: string;
    readonly s3: AuditCheckpointBucketConfig | undefined;
  };
  readonly notifications: {
    readonly smtpUrl: string | undefined;
    readonly mailFrom: string;
    readonly webhook: { readonly url: string; readonly secret: string } | undefined;
    /** Longest wait for one SMTP or webhook exchange. */
    readonly timeoutMs: number;
    /**
     * Hosts a unit's group-chat robot may be at (host or host:port), or '*' for any (development only): the worker
     * posts wherever a unit contact points it, so the list keeps it off internal addresses.
     */
    readonly groupChatAllowedHosts: readonly string[] | '*';
    /** Whether webhooks may reach loopback, private, link-local or unique-local addresses (checked when connecting). */
    readonly allowPrivateAddresses: boolean;
  };

  private constructor(env: z.infer<typeof environmentSchema>, cwd: string) {
    this.env = env.NODE_ENV;
    this.http = { host: env.HOST, port: env.PORT };
    this.dataDir = isAbsolute(env.DATA_DIR) ? env.DATA_DIR : resolve(cwd, env.DATA_DIR);
    this.consoleDir = resolve(cwd, env.CONSOLE_DIR);
    this.database = databaseConfig(env.DATABASE_URL, this.dataDir, cwd);
    this.databaseAppRole = env.DATABASE_APP_ROLE;
    this.temporal = {
      address: env.TEMPORAL_ADDRESS ?? `127.0.0.1:${env.TEMPORAL_DEV_PORT}`,
      external: env.TEMPORAL_ADDRESS !== undefined,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      devServerPort: env.TEMPORAL_DEV_PORT,
      uiPort: env.TEMPORAL_UI_PORT,
      uiUrl: env.TEMPORAL_UI_URL ?? `http://127.0.0.1:${env.TEMPORAL_UI_PORT}`,
    };
    this.workflowBundlePath = env.WORKFLOW_BUNDLE_PATH;
    this.workerMetricsAddress = env.WORKER_METRICS_ADDRESS;
    this.commandSigning = {
      key:
        env.NODE_ENV === 'production' && env.COMMAND_SIGNING_KEY === undefined && env.COMMAND_SIGNING_KEY_FILE === undefined
          ? undefined
          : keySourceOf(env.COMMAND_SIGNING_KEY, env.COMMAND_SIGNING_KEY_FILE, resolve(this.dataDir, 'keys/command-signing.pem')),
      lifetimeSeconds: env.COMMAND_SIGNATURE_SECONDS,
    };
    this.workerMaxCachedWorkflows = env.WORKER_MAX_CACHED_WORKFLOWS;
    this.workflowThreadHeapMb = env.WORKFLOW_THREAD_HEAP_MB;
    this.enrollmentParallelism = env.ENROLLMENT_PARALLELISM;
    this.failover = {
      workflowTaskTimeoutSeconds: env.WORKFLOW_TASK_TIMEOUT_SECONDS,
      stickyTimeoutSeconds: env.WORKER_STICKY_TIMEOUT_SECONDS,
      maxConcurrentWorkflowTasks: env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    };
    this.logLevel = env.LOG_LEVEL;
    this.logFormat = env.LOG_FORMAT ?? (process.stdout.isTTY && env.NODE_ENV !== 'production' ? 'pretty' : 'json');
    this.tracing = tracingConfig(env);
    this.caseClock =
      env.CASE_CLOCK_SECONDS_PER_DAY === undefined ? undefined : { secondsPerDay: env.CASE_CLOCK_SECONDS_PER_DAY, startsOn: env.CASE_CLOCK_STARTS_ON };
    this.schedules = {
      weeklyDigestCron: env.SCHEDULE_WEEKLY_DIGEST_CRON,
      progressCallCron: env.SCHEDULE_PROGRESS_CALL_CRON,
      documentHousekeepingCron: env.SCHEDULE_DOCUMENT_HOUSEKEEPING_CRON,
      auditCheckpointCron: env.SCHEDULE_AUDIT_CHECKPOINT_CRON,
      stalledAfterDays: env.STALLED_AFTER_DAYS,
    };
    this.auth = {
      tokenSecret: env.AUTH_TOKEN_SECRET,
      accessTokenSeconds: env.AUTH_ACCESS_TOKEN_SECONDS,
      refreshTokenSeconds: env.AUTH_REFRESH_TOKEN_SECONDS,
      login: {
        maxFailures: env.AUTH_LOGIN_MAX_FAILURES,
        lockoutMs: env.AUTH_LOGIN_LOCKOUT_SECONDS * 1000,
        backoffBaseMs: env.AUTH_LOGIN_BACKOFF_BASE_MS,
        globalMaxFailures: env.AUTH_LOGIN_GLOBAL_MAX_FAILURES,
        globalSpacingMs: env.AUTH_LOGIN_GLOBAL_SPACING_MS,
      },
      loginRateLimit: { limit: env.AUTH_LOGIN_RATE_LIMIT, windowMs: env.AUTH_LOGIN_RATE_WINDOW_SECONDS * 1000 },
      bootstrapAdmin:
        env.BOOTSTRAP_ADMIN_USERNAME === undefined || env.BOOTSTRAP_ADMIN_PASSWORD === undefined
          ? undefined
          : { username: env.BOOTSTRAP_ADMIN_USERNAME, password: env.BOOTSTRAP_ADMIN_PASSWORD },
      apiTokenMaxDays: env.API_TOKEN_MAX_DAYS,
    };
    this.secretsEncryption = {
      key:
        env.SECRETS_ENCRYPTION_KEY !== undefined
          ? { base64: env.SECRETS_ENCRYPTION_KEY }
          : env.SECRETS_ENCRYPTION_KEY_FILE !== undefined
            ? { file: resolve(cwd, env.SECRETS_ENCRYPTION_KEY_FILE) }
            : env.NODE_ENV === 'production'
              ? undefined
              : { generatedFile: resolve(this.dataDir, 'keys/secrets-encryption.key') },
      previousKeys: env.SECRETS_ENCRYPTION_PREVIOUS_KEYS,
    };
    this.corsOrigins = env.CORS_ORIGINS;
    this.bodyLimits = { jsonBytes: env.HTTP_JSON_LIMIT_BYTES, csvBytes: env.HTTP_CSV_LIMIT_BYTES };
    this.trustProxyHops = env.HTTP_TRUST_PROXY_HOPS;
    this.documents = {
      maxBytes: env.DOCUMENT_MAX_BYTES,
      acceptedTypes: env.DOCUMENT_ACCEPTED_TYPES,
      unreferencedAfterDays: env.DOCUMENT_UNREFERENCED_DAYS,
      store:
        env.DOCUMENT_STORE === 's3'
          ? {
              kind: 's3',
              endpoint: env.DOCUMENT_S3_ENDPOINT,
              region: env.DOCUMENT_S3_REGION,
              bucket: env.DOCUMENT_S3_BUCKET ?? '',
              accessKeyId: env.DOCUMENT_S3_ACCESS_KEY_ID ?? '',
              secretAccessKey: env.DOCUMENT_S3_SECRET_ACCESS_KEY ?? '',
            }
          : { kind: 'filesystem', directory: resolve(this.dataDir, 'documents') },
    };
    this.auditCheckpoints = {
      key: keySourceOf(env.AUDIT_CHECKPOINT_KEY, env.AUDIT_CHECKPOINT_KEY_FILE, resolve(this.dataDir, 'keys/audit-checkpoint.pem')),
      directory: env.AUDIT_CHECKPOINT_DIR === undefined ? resolve(this.dataDir, 'audit-checkpoints') : resolve(cwd, env.AUDIT_CHECKPOINT_DIR),
      s3:
        env.AUDIT_CHECKPOINT_S3_BUCKET === undefined
          ? undefined
          : {
              endpoint: env.AUDIT_CHECKPOINT_S3_ENDPOINT,
              region: env.AUDIT_CHECKPOINT_S3_REGION,
              bucket: env.AUDIT_CHECKPOINT_S3_BUCKET,
              accessKeyId: env.AUDIT_CHECKPOINT_S3_ACCESS_KEY_ID ?? '',
              secretAccessKey: env.AUDIT_CHECKPOINT_S3_SECRET_ACCESS_KEY ?? '',
              retentionDays: env.AUDIT_CHECKPOINT_S3_RETENTION_DAYS,
            },
    };
    this.notifications = {
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM,
      webhook:
        env.NOTIFY_WEBHOOK_URL === undefined || env.NOTIFY_WEBHOOK_SECRET === undefined
          ? undefined
          : { url: env.NOTIFY_WEBHOOK_URL, secret: env.NOTIFY_WEBHOOK_SECRET },
      timeoutMs: env.NOTIFY_TIMEOUT_MS,
      groupChatAllowedHosts: env.GROUP_CHAT_ALLOWED_HOSTS.includes('*') ? '*' : env.GROUP_CHAT_ALLOWED_HOSTS,
      allowPrivateAddresses: (env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES ?? (env.NODE_ENV === 'production' ? 'false' : 'true')) === 'true',
    };
  }

  static fromEnvironment(environment: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
    const blanksRemoved = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
    const parsed = environmentSchema.safeParse(blanksRemoved);
    if (!parsed.success) {
      throw new ConfigError(parsed.error.issues.map((issue) => ({ variable: issue.path.join('.') || '(environment)', message: issue.message })));
    }
    const problems: ConfigProblem[] = [];
    if ((parsed.data.BOOTSTRAP_ADMIN_USERNAME === undefined) !== (parsed.data.BOOTSTRAP_ADMIN_PASSWORD === undefined)) {
      problems.push({ variable: 'BOOTSTRAP_ADMIN_USERNAME', message: 'set both BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD, or neither' });
    }
    if ((parsed.data.NOTIFY_WEBHOOK_URL === undefined) !== (parsed.data.NOTIFY_WEBHOOK_SECRET === undefined)) {
      problems.push({
        variable: 'NOTIFY_WEBHOOK_SECRET',
        message: 'set both NOTIFY_WEBHOOK_URL and NOTIFY_WEBHOOK_SECRET (the robot’s signing secret), or neither',
      });
    }
    if (problems.length) throw new ConfigError(problems);
    return new AppConfig(parsed.data, cwd);
  }
}

function databaseConfig(url: string | undefined, dataDir: string, cwd: string): DatabaseConfig {
  if (url === undefined) {
    return { kind: 'sqlite', path: resolve(dataDir, 'qinglian.sqlite') };
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return { kind: 'sqlite', path: path === ':memory:' || isAbsolute(path) ? path : resolve(cwd, path) };
  }
  return { kind: 'postgresql', url };
}

function tracingConfig(env: z.infer<typeof environmentSchema>): TracingConfig {
  switch (env.OTEL_TRACES_EXPORTER) {
    case 'none':
      return { exporter: 'none' };
    case 'console':
      return { exporter: 'console', serviceName: env.OTEL_SERVICE_NAME };
    case 'otlp':
      return {
        exporter: 'otlp',
        serviceName: env.OTEL_SERVICE_NAME,
        // As the specification has it: the signal's own endpoint as given, else the base endpoint with /v1/traces.
        url: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318').replace(/\/+$/, '')}/v1/traces`,
        protocol: env.OTEL_EXPORTER_OTLP_PROTOCOL,
        headers: env.OTEL_EXPORTER_OTLP_HEADERS ?? {},
      };
  }
}

/** `key=value,key2=value2` with URL-encoded values (the OTLP exporter's header list); undefined when malformed. */
function otlpHeaders(value: string): Record<string, string> | undefined {
  const headers: Record<string, string> = {};
  for (const entry of value.split(',')) {
    if (entry.trim() === '') continue;
    const separator = entry.indexOf('=');
    if (separator <= 0) return undefined;
    const key = entry.slice(0, separator).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(key)) return undefined;
    try {
      headers[key.toLowerCase()] = decodeURIComponent(entry.slice(separator + 1).trim());
    } catch {
      return undefined;
    }
  }
  return headers;
}
