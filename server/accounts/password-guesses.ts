import { ErrorCode } from '#core/api/errors';
import type { BaseContext } from '../context.ts';
import { Refusal } from '../errors.ts';
import { addressKey } from './sign-in-throttle.ts';

/**
 * One password judged under the relay's throttle (`ctx.passwordGuesses`), whoever asks:
 * a sign-in, or a signed-in person confirming their own to change their password or
 * e-mail. A caller who must wait is answered 429 with Retry-After before any hash runs;
 * `check` throws `invalid_credentials` for a wrong password, which counts as a failure.
 */
export async function judgePassword<T>(ctx: BaseContext, account: string, remoteAddress: string | undefined, check: () => Promise<T>): Promise<T> {
  const admission = await ctx.passwordGuesses.admitEverywhere(account.toLowerCase(), addressKey(remoteAddress));
  if (!admission.ok) {
    const seconds = admission.retryAfterSeconds;
    throw new Refusal(ErrorCode.rateLimited, `Too many password attempts: try again in ${seconds} s.`, undefined, {
      'retry-after': String(seconds),
    });
  }
  let result: T;
  try {
    result = await check();
  } catch (err) {
    if (err instanceof Refusal && err.code === ErrorCode.invalidCredentials) await admission.attempt.failed();
    else await admission.attempt.abandoned();
    throw err;
  }
  await admission.attempt.succeeded();
  return result;
}
