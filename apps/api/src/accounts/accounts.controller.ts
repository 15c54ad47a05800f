import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '#domain';
import { Allow } from '../auth/access.decorators.js';
import {
  AccountDto,
  AccountEventPageDto,
  AccountStatusDto,
  ApiTokenDto,
  ApiTokenPolicyDto,
  CreateAccountDto,
  CreateApiTokenDto,
  CreatedApiTokenDto,
  ListAccountEventsQuery,
  ListAccountsQuery,
  RevokedSessionsDto,
} from '../auth/auth.dto.js';
import { AuthService } from '../auth/auth.service.js';
import { clientIp, CurrentActor } from '../auth/principal.js';
import { AccountsService } from './accounts.service.js';
import { ApiTokensService } from './api-tokens.service.js';
import { uuidParam } from '../common/params.js';

@ApiTags('accounts 账户')
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
  ) {}

  @Post()
  @Allow('accounts:manage')
  @ApiOperation({
    summary: '创建账户（管理员）/ Create an account (administrator)',
    description: '口令至少 12 个字符，不得为常见口令 / Passwords: 12+ characters, not a common password.',
  })
  @ApiCreatedResponse({ type: AccountDto })
  @ApiConflictResponse({ description: '用户名已被使用 / Username taken' })
  create(@Body() body: CreateAccountDto, @CurrentActor() actor: Actor, @Req() request: Request): Promise<AccountDto> {
    return this.accounts.create(body, actor, clientIp(request));
  }

  @Get()
  @Allow('accounts:read')
  @ApiOperation({ summary: '账户列表 / List accounts' })
  @ApiOkResponse({ type: [AccountDto] })
  list(@Query() query: ListAccountsQuery): Promise<AccountDto[]> {
    return this.accounts.list(query.role);
  }

  @Get(':accountId')
  @Allow('accounts:read')
  @ApiOperation({ summary: '查看账户 / Read an account' })
  @ApiOkResponse({ type: AccountDto })
  async get(@Param('accountId', uuidParam('accountId')) accountId: string): Promise<AccountDto> {
    return this.accounts.describe(accountId);
  }

  @Post(':accountId/session-revocation')
  @HttpCode(200)
  @Allow('accounts:manage')
  @ApiOperation({ summary: '撤销该账户的全部会话（管理员）/ Revoke all of the account’s sessions (administrator)' })
  @ApiOkResponse({ type: RevokedSessionsDto })
  async revokeSessions(
    @Param('accountId', uuidParam('accountId')) accountId: string,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<RevokedSessionsDto> {
    const account = await this.accounts.find(accountId);
    return { revoked: await this.auth.revokeSessions(account.id, actor, clientIp(request), 'revoked_by_administrator') };
  }

  @Post(':accountId/status')
  @HttpCode(200)
  @Allow('accounts:manage')
  @ApiOperation({ summary: '停用或恢复账户（管理员；停用即撤销全部会话）/ Disable or enable an account (administrator; disabling ends its sessions)' })
  @ApiOkResponse({ type: AccountDto })
  async setStatus(
    @Param('accountId', uuidParam('accountId')) accountId: string,
    @Body() body: AccountStatusDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<AccountDto> {
    await this.auth.setStatus(await this.accounts.find(accountId), body.status, body.reason.trim(), actor, clientIp(request));
    return this.accounts.describe(accountId);
  }

  @Post(':accountId/unlock')
  @HttpCode(200)
  @Allow('accounts:manage')
  @ApiOperation({ summary: '解除登录锁定（管理员）/ Unlock after failed logins (administrator)' })
  @ApiOkResponse({ type: AccountDto })
  async unlock(@Param('accountId', uuidParam('accountId')) accountId: string, @CurrentActor() actor: Actor, @Req() request: Request): Promise<AccountDto> {
    await this.auth.unlock(await this.accounts.find(accountId), actor, clientIp(request));
    return this.accounts.describe(accountId);
  }
}

@ApiTags('accounts 账户')
@Controller('account-events')
export class AccountEventsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Allow('accounts:read')
  @ApiOperation({
    summary: '账户审计记录 / Account audit records',
    description:
      '登录、失败、锁定、登出、会话撤销、账户与接口令牌的创建和停用、活动设置的修改，以及定时任务的暂停、恢复、立即运行，单位工作群的设置、更换、移除，批量操作的执行；' +
      '全部记录连成一条哈希链（不可改、不可删）；最新在前，可按账户、类型、时间筛选，分页。 / ' +
      'Logins, failures, lockouts, logouts, revoked sessions, accounts and api tokens created or disabled, campaign settings edited, and the office’s ' +
      'administrative actions: schedules paused, resumed or run now, unit group chats set, replaced or removed, bulk actions started. All of them form ' +
      'one hash chain (append-only); newest first, filtered by account, type and time, paged.',
  })
  @ApiOkResponse({ type: AccountEventPageDto })
  list(@Query() query: ListAccountEventsQuery): Promise<AccountEventPageDto> {
    return this.accounts.events(query);
  }
}

@ApiTags('api-tokens 接口令牌')
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @Allow('api-tokens:manage')
  @ApiOperation({ summary: '创建接口令牌（管理员；令牌只显示一次）/ Create an api token (administrator; shown once)' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  create(@Body() body: CreateApiTokenDto, @CurrentActor() actor: Actor, @Req() request: Request): Promise<CreatedApiTokenDto> {
    return this.tokens.create(body, actor, clientIp(request));
  }

  @Get('policy')
  @Allow('api-tokens:manage')
  @ApiOperation({
    summary: '接口令牌的有效期规则 / How long api tokens may live',
    description: '有效天数的上限，以及须设定有效天数的角色。 / The longest expiry, and the roles whose tokens must name one.',
  })
  @ApiOkResponse({ type: ApiTokenPolicyDto })
  policy(): ApiTokenPolicyDto {
    return this.tokens.policy();
  }

  @Get()
  @Allow('api-tokens:manage')
  @ApiOperation({ summary: '接口令牌列表（不含令牌本身）/ List api tokens (without the secret)' })
  @ApiOkResponse({ type: [ApiTokenDto] })
  list(): Promise<ApiTokenDto[]> {
    return this.tokens.list();
  }

  @Post(':tokenId/revocation')
  @HttpCode(200)
  @Allow('api-tokens:manage')
  @ApiOperation({ summary: '撤销接口令牌（管理员）/ Revoke an api token (administrator)' })
  @ApiOkResponse({ type: ApiTokenDto })
  revoke(@Param('tokenId', uuidParam('tokenId')) tokenId: string, @CurrentActor() actor: Actor, @Req() request: Request): Promise<ApiTokenDto> {
    return this.tokens.revoke(tokenId, actor, clientIp(request));
  }
}
