import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AppConfig } from '#config';

const ISSUER = 'qinglian';
const AUDIENCE = 'qinglian-api';

export interface AccessClaims {
  /** The account. */
  readonly sub: string;
  /** The session the token belongs to: the token is accepted only while it is active. */
  readonly sid: string;
}

export type AccessTokenCheck = { readonly kind: 'valid'; readonly claims: AccessClaims } | { readonly kind: 'expired' } | { readonly kind: 'invalid' };

/** Signs and checks the short-lived access tokens (HS256 JWT naming account and session). */
@Injectable()
export class SessionTokens {
  private readonly jwt: JwtService;
  readonly accessTokenSeconds: number;

  constructor(@Inject(AppConfig) config: AppConfig) {
    let secret = config.auth.tokenSecret;
    if (secret === undefined) {
      if (config.env === 'production') throw new Error('AUTH_TOKEN_SECRET is required in production (at least 32 random characters)');
      secret = randomBytes(48).toString('base64url');
      new Logger(SessionTokens.name).warn(
        'AUTH_TOKEN_SECRET 未设置，使用本进程随机密钥 / AUTH_TOKEN_SECRET unset: using a random per-process secret (access tokens end with the process)',
      );
    }
    // .env.example's placeholders say "change-me": refuse to sign with one that was not changed.
    if (/change-me/i.test(secret)) throw new Error('AUTH_TOKEN_SECRET still holds the placeholder of .env.example: set a random one');
    this.accessTokenSeconds = config.auth.accessTokenSeconds;
    this.jwt = new JwtService({
      secret,
      signOptions: { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE, expiresIn: config.auth.accessTokenSeconds },
      verifyOptions: { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE },
    });
  }

  sign(accountId: string, sessionId: string): { token: string; expiresAt: Date } {
    const token = this.jwt.sign({ sid: sessionId }, { subject: accountId, jwtid: randomUUID() });
    return { token, expiresAt: new Date(Date.now() + this.accessTokenSeconds * 1000) };
  }

  check(token: string): AccessTokenCheck {
    try {
      const claims = this.jwt.verify<Partial<AccessClaims>>(token);
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return { kind: 'invalid' };
      return { kind: 'valid', claims: { sub: claims.sub, sid: claims.sid } };
    } catch (error) {
      return error instanceof TokenExpiredError ? { kind: 'expired' } : { kind: 'invalid' };
    }
  }
}
