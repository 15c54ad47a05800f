import { isIP } from 'node:net';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor, Principal } from '#domain';

/** How the request was authenticated: a login session (access token) or an integration's api token. */
export type Authentication = { readonly kind: 'session'; readonly sessionId: string } | { readonly kind: 'api-token'; readonly tokenId: string };

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  authentication?: Authentication;
}

export function principalOf(request: Request): Principal {
  const principal = (request as AuthenticatedRequest).principal;
  // The global guard authenticates every route that is not public; a handler asking for the principal of a
  // public route is a programming error.
  if (!principal) throw new Error('principalOf: the route is public or the guard did not run');
  return principal;
}

/** The authenticated principal of the request (the guard has set it). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal =>
  principalOf(context.switchToHttp().getRequest<Request>()),
);

/** The actor the audit trail records for this request: the authenticated account (or api token) and its role. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const { id, role } = principalOf(context.switchToHttp().getRequest<Request>());
  return { id, role };
});

export const CurrentAuthentication = createParamDecorator(
  (_: unknown, context: ExecutionContext): Authentication | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().authentication,
);

/** The client's address, when it is one (behind a proxy, X-Forwarded-For may hold anything). */
export function clientIp(request: Request): string | null {
  return request.ip !== undefined && isIP(request.ip) !== 0 ? request.ip : null;
}

/** The bearer token the request carries (Authorization: Bearer <token>), or null when it carries none in that form. */
export function bearerOf(request: Request): string | null {
  return /^Bearer ([\x21-\x7e]{10,2000})$/.exec(request.header('authorization') ?? '')?.[1] ?? null;
}
