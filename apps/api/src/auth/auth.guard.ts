import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { caseAccess, mayPerform, unitInScope, type CaseAction, type Permission, type Principal } from '#domain';
import { CaseRecords } from '#persistence';
import { CASE_ACTION, PUBLIC_ROUTE, ROUTE_PERMISSION, UNIT_SCOPED } from './access.decorators.js';
import { validCaseId } from '../cases/case-id.pipe.js';
import { caseHidden, forbidden, unauthenticated, unitHidden } from './auth-errors.js';
import { AuthService } from './auth.service.js';
import { bearerOf, type AuthenticatedRequest } from './principal.js';

/**
 * The one gate of the api: authenticates the bearer token, then asks the access policy whether the principal
 * may use the route and, on a case or unit route, whether the case or unit is in their scope. A route that
 * declares no policy is refused (fail closed). Every refusal is logged.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(CaseRecords) private readonly records: CaseRecords,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const bearer = bearerOf(request);
    if (bearer === null) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw unauthenticated('UNAUTHENTICATED', '请先登录（Authorization: Bearer <令牌>）', 'Log in first (Authorization: Bearer <token>)');
    }
    const { principal, authentication } = await this.auth.authenticate(bearer);
    request.principal = principal;
    request.authentication = authentication;

    const action = this.reflector.get<CaseAction | undefined>(CASE_ACTION, context.getHandler());
    if (action !== undefined) return this.checkCase(request, principal, action);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(ROUTE_PERMISSION, targets);
    if (permission === undefined) {
      this.deny(request, principal, 'no_policy');
      throw forbidden('此接口未配置访问策略', 'This route has no access policy', 'NO_POLICY');
    }
    if (!mayPerform(principal.role, permission)) {
      this.deny(request, principal, 'role', { permission });
      throw forbidden('您的角色无此权限', `The role ${principal.role} may not do this (${permission})`, 'ROLE_NOT_ALLOWED');
    }
    if (this.reflector.get<boolean | undefined>(UNIT_SCOPED, context.getHandler())) {
      const unitId = String(request.params.unitId ?? '');
      if (!unitInScope(principal, unitId)) {
        this.deny(request, principal, 'unit_out_of_scope', { unitId, permission });
        throw unitHidden(unitId);
      }
    }
    return true;
  }

  private async checkCase(request: Request, principal: Principal, action: CaseAction): Promise<boolean> {
    // Validated before anything reads the database with it (a malformed id answers 400, as the route's pipe would).
    const caseId = validCaseId(String(request.params.caseId ?? ''));
    const access = caseAccess(principal, await this.records.scopeOf(caseId), action);
    if (access === 'allowed') return true;
    this.deny(request, principal, access === 'hidden' ? 'case_out_of_scope' : 'role', { caseId, action });
    if (access === 'hidden') throw caseHidden(caseId);
    throw forbidden('您的角色不能对该案件执行此操作', `The role ${principal.role} may not ${action} on this case`, 'ROLE_NOT_ALLOWED');
  }

  private deny(request: Request, principal: Principal, reason: string, detail: Record<string, unknown> = {}): void {
    this.logger.warn(
      { accessDenied: reason, actorId: principal.id, role: principal.role, method: request.method, path: request.originalUrl, ...detail },
      'access denied',
    );
  }
}
