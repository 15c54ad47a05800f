import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import rateLimit from 'express-rate-limit';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '#config';
import { processTracing } from '#temporal';
import { ApiModule } from './api.module.js';
import { rateLimited } from './auth/auth-errors.js';
import { ErrorFilter, errorBody } from './common/error.filter.js';
import { serveConsole } from './console/serve-console.js';
import { assignRequestId } from './common/request-id.js';
import { traceRequests } from './common/request-tracing.js';
import { createValidationPipe } from './common/validation.js';

export const OPENAPI_JSON_PATH = 'api/docs-json';
export const OPENAPI_PAGE_PATH = 'api/docs';

/** The HTTP api, configured but not yet listening (tests listen on port 0); a span per request when the process traces. */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forConfig(config), { bufferLogs: true, bodyParser: false });
  const tracing = processTracing();
  if (tracing) app.use(traceRequests(tracing));
  configureApiApp(app, config);
  return app;
}

/**
 * Everything around the routes, in order: request ids, security headers, CORS, the login rate limit, body parsers,
 * validation, the error filter and the OpenAPI document. Shared with the HTTP test tier, which builds the same
 * module with its services replaced.
 */
export function configureApiApp(app: NestExpressApplication, config: AppConfig): void {
  app.use(assignRequestId);
  if (config.trustProxyHops > 0) app.set('trust proxy', config.trustProxyHops);
  // helmet's strict defaults fit a JSON api, and the documentation page too (it loads its scripts from files).
  // TLS is the proxy's business (HSTS asks browsers to keep to it); the embedded start serves plain http on
  // 127.0.0.1, where upgrading the page's requests to https would break it.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // No origin is allowed cross-site unless CORS_ORIGINS names it.
  app.enableCors({
    origin: config.corsOrigins.length ? [...config.corsOrigins] : false,
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
  // Logins and refreshes per client address and window. Per process: with several api replicas each counts its
  // own (the lockout after failed passwords is kept in the database and shared).
  const limited = errorBody(rateLimited());
  app.use(
    ['/api/auth/login', '/api/auth/refresh'],
    rateLimit({
      windowMs: config.auth.loginRateLimit.windowMs,
      limit: config.auth.loginRateLimit.limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (request, response) => {
        response.status(limited.statusCode).json({ ...limited, requestId: request.id });
      },
    }),
  );
  // The console's refresh token arrives as a cookie (only on /api/auth: see AuthController).
  app.use('/api/auth', cookieParser());
  app.useBodyParser('json', { limit: config.bodyLimits.jsonBytes });
  app.useBodyParser('text', { type: 'text/csv', limit: config.bodyLimits.csvBytes });
  app.useLogger(app.get(Logger));
  serveConsole(app, config.consoleDir);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('清廉细胞示范点创建管理 API / Qinglian API')
      .setDescription(
        '示范点创建案件的流程、审计记录与监控。 / Cases of integrity-cell demonstration sites: steps, audit trail, monitoring.\n\n' +
          '先以 POST /api/auth/login 登录，再以 Authorization: Bearer <访问令牌或接口令牌> 调用。 / Log in with POST /api/auth/login, then send Authorization: Bearer <access token or api token>.',
      )
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: '访问令牌（登录取得）或接口令牌 qlt_… / Access token (from login) or api token qlt_…' })
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup(OPENAPI_PAGE_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH, customSiteTitle: 'Qinglian API' });
}
