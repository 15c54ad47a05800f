import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '#config';
import { ApiModule } from './api.module.js';
import { DEV_ACTOR_HEADER } from './common/dev-actor.js';
import { ErrorFilter } from './common/error.filter.js';
import { assignRequestId } from './common/request-id.js';
import { createValidationPipe } from './common/validation.js';

export const OPENAPI_JSON_PATH = 'api/docs-json';
export const OPENAPI_PAGE_PATH = 'api/docs';

/** The HTTP api, configured but not yet listening (tests listen on port 0). */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forConfig(config), { bufferLogs: true });
  app.use(assignRequestId);
  app.useBodyParser('text', { type: 'text/csv', limit: '2mb' });
  app.useLogger(app.get(Logger));
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
          `开发阶段以请求头 ${DEV_ACTOR_HEADER} 表示操作人。 / During development the acting user travels in the ${DEV_ACTOR_HEADER} header.`,
      )
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup(OPENAPI_PAGE_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH, customSiteTitle: 'Qinglian API' });
  return app;
}
