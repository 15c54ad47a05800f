import type { NextFunction, Request, Response } from 'express';
import type { ProcessTracing } from '#temporal';

/**
 * 链路追踪: a server span for every request, continuing the caller's trace when it sends a W3C `traceparent`, and
 * named once it is answered after the route that answered it (`POST /api/cases/:caseId/plan`; the method alone when
 * no route did). Everything the request does runs in its context: a step's Temporal Update, and through it the
 * workflow's handling and the append, are spans of the same trace. Registered first, only when the process traces.
 */
export function traceRequests(tracing: ProcessTracing): (request: Request, response: Response, next: NextFunction) => void {
  const { api } = tracing;
  const tracer = api.trace.getTracer('qinglian-api-http');
  return (request, response, next) => {
    const parent = api.propagation.extract(api.ROOT_CONTEXT, request.headers);
    const span = tracer.startSpan(
      request.method,
      { kind: api.SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': request.path, 'url.scheme': request.protocol } },
      parent,
    );
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      const route = routeOf(request);
      if (route !== undefined) {
        span.updateName(`${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', response.statusCode);
      if (typeof request.id === 'string') span.setAttribute('qinglian.request_id', request.id);
      if (!response.writableFinished) span.setStatus({ code: api.SpanStatusCode.ERROR, message: 'the connection closed before the answer was sent' });
      else if (response.statusCode >= 500) span.setStatus({ code: api.SpanStatusCode.ERROR });
      span.end();
    };
    response.once('finish', end);
    response.once('close', end);
    api.context.with(api.trace.setSpan(parent, span), next);
  };
}

/** The path template of the route that answered (Express keeps it on the request), with its router's mount path. */
function routeOf(request: Request): string | undefined {
  const route: unknown = request.route;
  if (typeof route !== 'object' || route === null || !('path' in route) || typeof route.path !== 'string') return undefined;
  return `${request.baseUrl}${route.path}`;
}
