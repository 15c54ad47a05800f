import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { rateLimited } from './auth-errors.js';

/** Rate limit of the login and refresh routes, per client address; refusals in zh-CN and English. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(): Promise<void> {
    return Promise.reject(rateLimited());
  }
}
