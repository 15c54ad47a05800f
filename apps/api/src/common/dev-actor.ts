import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { ACTOR_ROLES, isActorRole, type Actor } from '#domain';

/**
 * DEVELOPMENT ONLY — the acting user travels in this header until accounts and sessions exist;
 * the identity issue replaces it with the authenticated user.
 */
export const DEV_ACTOR_HEADER = 'x-qinglian-dev-actor';

export const DevActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const value = context.switchToHttp().getRequest<Request>().header(DEV_ACTOR_HEADER);
  const match = value ? /^([a-z_]+):([A-Za-z0-9._@-]{1,100})$/.exec(value) : null;
  const role = match?.[1];
  const id = match?.[2];
  if (!role || !id || !isActorRole(role) || role === 'system') {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      code: 'DEV_ACTOR_REQUIRED',
      message: `请求头 ${DEV_ACTOR_HEADER} 须为「角色:用户标识」 / Header ${DEV_ACTOR_HEADER} must be "<role>:<user id>"`,
      errors: [{ field: DEV_ACTOR_HEADER, messages: [`role one of ${ACTOR_ROLES.filter((r) => r !== 'system').join(', ')}`] }],
    });
  }
  return { role, id };
});

export const ApiDevActorHeader = (): MethodDecorator & ClassDecorator =>
  ApiHeader({
    name: DEV_ACTOR_HEADER,
    required: true,
    description:
      '【仅限开发】操作人，格式「角色:用户标识」，如 unit_contact:u-001；身份认证上线后移除。 / ' +
      '[Development only] acting user as "<role>:<user id>", e.g. unit_contact:u-001; replaced by authentication.',
  });
