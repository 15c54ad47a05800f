import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '#config';
import { invalidField, type Principal } from '#domain';
import { toAccountDto } from '../accounts/accounts.service.js';
import { Allow, Public } from './access.decorators.js';
import { ChangePasswordDto, LoginDto, LoginResultDto, MeDto, RefreshDto, RevokedSessionsDto, TokensDto } from './auth.dto.js';
import { AuthService, type IssuedTokens } from './auth.service.js';
import { clientIp, CurrentAuthentication, CurrentPrincipal, type Authentication } from './principal.js';

/** The cookie that carries a browser's refresh token, and the only path it is sent to. */
export const REFRESH_COOKIE = 'qinglian_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

@ApiTags('auth 登录与会话')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * The browser's refresh token: HttpOnly (script on the page never reads it), SameSite=Strict (never sent from
   * another site), sent only to /api/auth, Secure in production.
   */
  private keepInCookie(response: Response, tokens: IssuedTokens): Omit<IssuedTokens, 'refreshToken'> {
    const { refreshToken, ...rest } = tokens;
    response.cookie(REFRESH_COOKIE, refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.env === 'production',
      path: REFRESH_COOKIE_PATH,
      expires: new Date(tokens.refreshTokenExpiresAt),
    });
    return rest;
  }

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
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResultDto> {
    const { account, ...tokens } = await this.auth.login(body.username, body.password, clientIp(request));
    return { ...(body.refreshTokenIn === 'cookie' ? this.keepInCookie(response, tokens) : tokens), account: toAccountDto(account) };
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: '刷新：以刷新令牌换取新的一对令牌 / Refresh: a new pair of tokens for the refresh token (which is spent)',
    description:
      '未给出 refreshToken 时使用登录时设置的 Cookie，新的刷新令牌也只放在 Cookie 中。 / Without refreshToken the cookie set at login is used, and the new refresh token goes to the cookie only.',
  })
  @ApiOkResponse({ type: TokensDto })
  async refresh(@Body() body: RefreshDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<TokensDto> {
    if (body.refreshToken !== undefined) return this.auth.refresh(body.refreshToken, clientIp(request));
    const fromCookie = (request.cookies as Record<string, string | undefined> | undefined)?.[REFRESH_COOKIE];
    if (!fromCookie) {
      throw invalidField('refreshToken', '缺少刷新令牌（或登录时设置的会话 Cookie）', 'refreshToken is required (or the session cookie set at login)');
    }
    try {
      return this.keepInCookie(response, await this.auth.refresh(fromCookie, clientIp(request)));
    } catch (error) {
      response.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(200)
  @Allow('session:own')
  @ApiOperation({ summary: '退出：撤销本会话 / Log out: revokes this session' })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @CurrentAuthentication() authentication: Authentication | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RevokedSessionsDto> {
    response.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
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
