import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * 工作台: the built console, served at / by the api itself (same origin: no CORS, the session cookie stays on its
 * path, and helmet's CSP allows only the console's own script files). Every path outside /api that is not a file
 * answers the console's page, so its routes survive a reload; /api is untouched.
 */
export function serveConsole(app: NestExpressApplication, directory: string): boolean {
  const page = join(directory, 'index.html');
  if (!existsSync(page)) return false;
  // Hashed file names: a new build has new names, so the files may be kept for a year.
  app.useStaticAssets(join(directory, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false, fallthrough: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const path = request.path;
    if ((request.method !== 'GET' && request.method !== 'HEAD') || path === '/api' || path.startsWith('/api/')) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(page);
  });
  return true;
}
