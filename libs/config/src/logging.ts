import type { AppConfig } from './app-config.js';

/**
 * pino options every process shares: readable lines through pino-pretty when the configuration says so, and a request
 * logged as its id, method, URL and status (one line per request, never its headers).
 */
export function loggingOptions(config: AppConfig, service: string): Record<string, unknown> {
  return {
    level: config.logLevel,
    base: { service },
    serializers: {
      req: (request: { id?: unknown; method?: string; url?: string }) => ({ id: request.id, method: request.method, url: request.url }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
    customSuccessMessage: (request: { method?: string; url?: string }, response: { statusCode?: number }, responseTime: number) =>
      `${request.method ?? ''} ${request.url ?? ''} ${String(response.statusCode)} ${String(Math.round(responseTime))} ms`,
    customErrorMessage: (request: { method?: string; url?: string }, response: { statusCode?: number }, error: Error) =>
      `${request.method ?? ''} ${request.url ?? ''} ${String(response.statusCode)} ${error.message}`,
    ...(config.logFormat === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            // The request's line already says what req, res and responseTime hold.
            options: {
              colorize: true,
              singleLine: true,
              translateTime: 'SYS:HH:MM:ss.l',
              messageFormat: '[{service}] {msg}',
              ignore: 'pid,hostname,service,req,res,responseTime',
            },
          },
        }
      : {}),
  };
}
