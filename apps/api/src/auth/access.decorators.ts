import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiParam, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { CaseAction, Permission } from '#domain';

export const PUBLIC_ROUTE = 'qinglian:public';
export const ROUTE_PERMISSION = 'qinglian:permission';
export const CASE_ACTION = 'qinglian:case-action';
export const UNIT_SCOPED = 'qinglian:unit-scoped';

/** Open without logging in (health, login, token refresh). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

const authenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: '未登录或令牌无效 / Not logged in, or the token is invalid or expired' }),
    ApiForbiddenResponse({ description: '角色无此权限 / The role may not do this' }),
  );

/** The route needs this permission of the access policy (libs/domain/src/access-policy.ts). */
export const Allow = (permission: Permission): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(ROUTE_PERMISSION, permission), authenticated());

/**
 * A route on one case (`:caseId`): the caller must have the case in scope (else 404, so its existence does not
 * leak) and, for a step, a role that may take it (else 403).
 */
export const OnCase = (action: CaseAction): MethodDecorator =>
  applyDecorators(
    SetMetadata(CASE_ACTION, action),
    ApiParam({ name: 'caseId', description: '案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit>' }),
    authenticated(),
  );

/**
 * A route on one unit (`:unitId`), beside its @Allow permission: the unit must be in the caller's scope (a unit
 * contact's own unit), else 404 as for a unit that does not exist.
 */
export const OnUnit = (): MethodDecorator => SetMetadata(UNIT_SCOPED, true);
