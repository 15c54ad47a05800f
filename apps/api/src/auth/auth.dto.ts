import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { USERNAME_PATTERN } from '#config';
import { HUMAN_ROLES, PASSWORD_MAX_LENGTH, type HumanRole } from '#domain';
import { ACCOUNT_EVENT_TYPES, type AccountEventType } from '#persistence';
import { TimeRangePageQuery } from '../common/time-range.dto.js';

/** Where the refresh token travels: in the JSON (api clients), or only in an HttpOnly cookie (the browser console). */
export const REFRESH_TOKEN_CARRIERS = ['body', 'cookie'] as const;
export type RefreshTokenCarrier = (typeof REFRESH_TOKEN_CARRIERS)[number];

export class LoginDto {
  @ApiProperty({ description: '用户名 / Username', example: 'office.admin' }) @IsString() @IsNotEmpty() @MaxLength(64) username!: string;
  @ApiProperty({ description: '口令 / Password', format: 'password' }) @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH) password!: string;
  @ApiPropertyOptional({
    description:
      '刷新令牌放在哪里：body（默认，接口客户端）或 cookie（浏览器：仅存于 HttpOnly Cookie，页面脚本读不到）/ Where the refresh token goes: body (default, api clients) or cookie (browsers: an HttpOnly cookie only, out of reach of script on the page)',
    enum: REFRESH_TOKEN_CARRIERS,
  })
  @IsOptional()
  @IsIn(REFRESH_TOKEN_CARRIERS)
  refreshTokenIn?: RefreshTokenCarrier;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: '刷新令牌（qlr_…）；缺省时读取 Cookie / Refresh token (qlr_…); read from the cookie when absent' })
  // Absent means the cookie; null is not absent (it is refused as not a string, naming the field).
  @ValidateIf((_dto, value) => value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: '当前口令 / Current password', format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;
  @ApiProperty({ description: '新口令（至少 12 个字符，可用长句）/ New password (12+ characters, passphrases welcome)', format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH + 1)
  newPassword!: string;
}

export class TokensDto {
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: '访问令牌（短期）/ Access token (short-lived)' }) accessToken!: string;
  @ApiProperty({ format: 'date-time' }) accessTokenExpiresAt!: string;
  @ApiPropertyOptional({
    description: '刷新令牌（可撤销，每次使用后更换；放在 Cookie 时不返回）/ Refresh token (revocable, replaced on each use; absent when kept in the cookie)',
  })
  refreshToken?: string;
  @ApiProperty({ format: 'date-time' }) refreshTokenExpiresAt!: string;
}

export class AccountDto {
  @ApiProperty({ description: '账户标识（审计记录中的操作人）/ Account id (the actor in the audit trail)', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '用户名 / Username' }) username!: string;
  @ApiProperty({ description: '姓名 / Display name' }) displayName!: string;
  @ApiProperty({ description: '角色 / Role', enum: HUMAN_ROLES }) role!: HumanRole;
  @ApiProperty({ description: '所属单位（联络人）/ Unit (unit contacts)', nullable: true, type: String }) unitId!: string | null;
  @ApiProperty({ description: '状态 / Status', enum: ['active', 'disabled'] }) status!: string;
  @ApiProperty({ description: '连续登录失败次数（各来源地址合计）/ Failed logins in a row, from all addresses together' }) failedLogins!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class LoginResultDto extends TokensDto {
  @ApiProperty({ type: AccountDto }) account!: AccountDto;
}

export class MeDto {
  @ApiProperty({ description: '操作人标识 / Actor id' }) id!: string;
  @ApiProperty({ enum: HUMAN_ROLES }) role!: HumanRole;
  @ApiProperty({ nullable: true, type: String }) unitId!: string | null;
  @ApiProperty({ description: '认证方式 / How the request was authenticated', enum: ['session', 'api-token'] }) authenticatedBy!: string;
}

export class CreateAccountDto {
  @ApiProperty({
    description: '用户名：3–64 个字母、数字或 . _ @ -，不区分大小写 / Username: 3–64 letters, digits or . _ @ -, case-insensitive',
    example: 'li.hua',
  })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must be 3–64 letters, digits or . _ @ -' })
  username!: string;

  @ApiProperty({ description: '姓名 / Display name', example: '李华' }) @IsString() @IsNotEmpty() @MaxLength(100) displayName!: string;
  @ApiProperty({ description: '角色 / Role', enum: HUMAN_ROLES }) @IsIn(HUMAN_ROLES) role!: HumanRole;
  @ApiPropertyOptional({ description: '所属单位（联络人必填，其他角色不填）/ Unit (required for unit contacts, none for others)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiProperty({ description: '初始口令（至少 12 个字符，不在常见口令表中）/ Initial password (12+ characters, not a common one)', format: 'password' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH + 1)
  password!: string;
}

export class ListAccountsQuery {
  @ApiPropertyOptional({ enum: HUMAN_ROLES }) @IsOptional() @IsIn(HUMAN_ROLES) role?: HumanRole;
}

export class AccountStatusDto {
  @ApiProperty({ description: '停用（离职、调岗）或恢复 / Disable (left, moved) or enable again', enum: ['active', 'disabled'] })
  @IsIn(['active', 'disabled'])
  status!: 'active' | 'disabled';
  @ApiProperty({ description: '理由 / Reason', maxLength: 500 }) @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class RevokedSessionsDto {
  @ApiProperty({ description: '撤销的会话数 / Sessions revoked' }) revoked!: number;
}

export class CreateApiTokenDto {
  @ApiProperty({ description: '名称（用途）/ Name (what it is for)', example: '省平台数据同步' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ description: '令牌的角色 / Role of the token', enum: HUMAN_ROLES }) @IsIn(HUMAN_ROLES) role!: HumanRole;
  @ApiPropertyOptional({ description: '所属单位（联络人角色必填）/ Unit (required for the unit contact role)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({
    description:
      '有效天数：至多 API_TOKEN_MAX_DAYS（默认 180）天；管理员角色必填，其他角色缺省为最长期限（见 GET /api/api-tokens/policy）/ ' +
      'Days until it expires: at most API_TOKEN_MAX_DAYS (180 by default); required for the administrator role, the longest allowed for others when absent (see GET /api/api-tokens/policy)',
    minimum: 1,
    maximum: 3650,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

export class ApiTokenPolicyDto {
  @ApiProperty({ description: '有效天数的上限（API_TOKEN_MAX_DAYS）/ The longest expiry, in days (API_TOKEN_MAX_DAYS)' }) maxExpiresInDays!: number;
  @ApiProperty({ description: '须设定有效天数的角色 / Roles whose tokens must name their expiry', enum: HUMAN_ROLES, isArray: true })
  expiryRequiredForRoles!: HumanRole[];
}

export const API_TOKEN_STATUSES = ['active', 'expired', 'revoked', 'suspended'] as const;

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '令牌开头，便于辨认 / First characters, to tell tokens apart' }) prefix!: string;
  @ApiProperty({ enum: HUMAN_ROLES }) role!: HumanRole;
  @ApiProperty({ nullable: true, type: String }) unitId!: string | null;
  @ApiProperty({ description: '审计记录中的操作人 / Actor id in the audit trail', example: 'api-token:…' }) actorId!: string;
  @ApiProperty({
    description:
      '有效、已过期、已撤销，或已停用（签发它的账户已停用；账户恢复后令牌随之恢复）/ Active, expired, revoked, or suspended (the account that issued it is disabled; enabling the account brings it back)',
    enum: API_TOKEN_STATUSES,
  })
  status!: (typeof API_TOKEN_STATUSES)[number];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    description: '失效时间（不晚于签发后 API_TOKEN_MAX_DAYS 天）/ When it stops working (at most API_TOKEN_MAX_DAYS after it was issued)',
    format: 'date-time',
  })
  expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastUsedAt!: string | null;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ description: '令牌本身：只显示这一次 / The token itself: shown this once only' }) token!: string;
}

export class AccountEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '记录类型 / Record type', enum: ACCOUNT_EVENT_TYPES }) type!: AccountEventType;
  @ApiProperty({ nullable: true, type: String }) accountId!: string | null;
  @ApiProperty({ nullable: true, type: String }) username!: string | null;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class ListAccountEventsQuery extends TimeRangePageQuery {
  @ApiPropertyOptional({ description: '所涉账户 / The account it is about', format: 'uuid' }) @IsOptional() @IsUUID() accountId?: string;
  @ApiPropertyOptional({ description: '记录类型 / Record type', enum: ACCOUNT_EVENT_TYPES })
  @IsOptional()
  @IsIn(ACCOUNT_EVENT_TYPES, { message: `type 须为 ${ACCOUNT_EVENT_TYPES.join('、')} 之一 / type must be one of ${ACCOUNT_EVENT_TYPES.join(', ')}` })
  type?: AccountEventType;
}

export class AccountEventPageDto {
  @ApiProperty({ type: [AccountEventDto], description: '最新在前 / Newest first' }) items!: AccountEventDto[];
  @ApiProperty({ description: '符合条件的总数 / Total matching' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
