import type { IncomingMessage } from 'node:http';
import { ErrorCode } from '#core/api/errors';
import type { SignInRequest } from '#core/api/auth';
import type { Context } from '../context.ts';
import { Refusal } from '../errors.ts';
import { deviceOf, openSession } from './sessions.ts';
import { addressKey, type SignInThrottle } from './sign-in-throttle.ts';
import { checkCredentials } from './users.ts';

/**
 * `POST /api/session`: judged by the throttle before any password is hashed (429 with
 * Retry-After when the caller must wait), then checked, then a session is opened.
 */
export async function signIn(ctx: Context, throttle: SignInThrottle, input: SignInRequest, req: IncomingMessage) {
  const admission = throttle.admit(input.email, addressKey(req.socket.remoteAddress));
  if (!admission.ok) {
    const seconds = admission.retryAfterSeconds;
    throw new Refusal(ErrorCode.rateLimited, `Too many sign-in attempts: try again in ${seconds} s.`, undefined, {
      'retry-after': String(seconds),
    });
  }
  let userId: string;
  try {
    userId = await checkCredentials(ctx, input.email, input.password);
  } catch (err) {
    if (err instanceof Refusal && err.code === ErrorCode.invalidCredentials) admission.attempt.failed();
    else admission.attempt.abandoned();
    throw err;
  }
  admission.attempt.succeeded();
  return openSession(ctx, userId, deviceOf(req.headers['user-agent']));
}
