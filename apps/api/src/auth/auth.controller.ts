import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '#domain';
import { toAccountDto } from '../accounts/accounts.service.js';
import { Allow, Public } from './access.decorators.js';
import { ChangePasswordDto, LoginDto, LoginResultDto, MeDto, RefreshDto, RevokedSessionsDto, TokensDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { clientIp, CurrentAuthentication, CurrentPrincipal, type Authentication } from './principal.js';

@ApiTags('auth 登录与会话')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: '登录：取得访问令牌与刷新令牌 / Log in: an access token and a refresh token',
    description:
      '连续失败后须等待，多次失败锁定账户；按来源地址限速。 / Failures in a row slow the next attempt down, then lock the account; rate-limited per client address.',
  })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiUnauthorizedResponse({ description: '用户名或口令错误 / Wrong username or password' })
  @ApiTooManyRequestsResponse({ description: '请稍后再试 / Backoff or rate limit' })
  async login(@Body() body: LoginDto, @Req() request: Request): Promise<LoginResultDto> {
    const { account, ...tokens } = await this.auth.login(body.username, body.password, clientIp(request));
    return { ...tokens, account: toAccountDto(account) };
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '刷新：以刷新令牌换取新的一对令牌 / Refresh: a new pair of tokens for the refresh token (which is spent)' })
  @ApiOkResponse({ type: TokensDto })
  refresh(@Body() body: RefreshDto, @Req() request: Request): Promise<TokensDto> {
    return this.auth.refresh(body.refreshToken, clientIp(request));
  }

  @Post('logout')
  @HttpCode(200)
  @Allow('session:own')
  @ApiOperation({ summary: '退出：撤销本会话 / Log out: revokes this session' })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @CurrentAuthentication() authentication: Authentication | undefined,
    @Req() request: Request,
  ): Promise<RevokedSessionsDto> {
    return { revoked: (await this.auth.logout(principal, authentication, clientIp(request))) ? 1 : 0 };
  }

  @Get('me')
  @Allow('session:own')
  @ApiOperation({ summary: '当前身份 / Who am I' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal, @CurrentAuthentication() authentication: Authentication | undefined): MeDto {
    return { id: principal.id, role: principal.role, unitId: principal.unitId, authenticatedBy: authentication?.kind ?? 'session' };
  }

  @Post('password')
  @HttpCode(200)
  @Allow('session:own')
  @ApiOperation({ summary: '修改本人口令（其他会话随之撤销）/ Change my password (my other sessions are revoked)' })
  @ApiOkResponse({ type: RevokedSessionsDto })
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentAuthentication() authentication: Authentication | undefined,
    @Req() request: Request,
  ): Promise<RevokedSessionsDto> {
    return { revoked: await this.auth.changePassword(principal, authentication, body.currentPassword, body.newPassword, clientIp(request)) };
  }
}
