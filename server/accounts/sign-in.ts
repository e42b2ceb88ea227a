import type { IncomingHttpHeaders } from 'node:http';
import type { SignInRequest } from '#core/api/auth';
import type { Context } from '../context.ts';
import { judgePassword } from './password-guesses.ts';
import { deviceOf, openSession, refuseSuspended } from './sessions.ts';
import { checkCredentials } from './users.ts';

/** `POST /api/session`: judged by the throttle before any password is hashed, then checked, then a session is opened. */
export async function signIn(ctx: Context, input: SignInRequest, req: { address: string; headers: IncomingHttpHeaders }) {
  const userId = await judgePassword(ctx, input.email, req.address, () => checkCredentials(ctx, input.email, input.password));
  await refuseSuspended(ctx, userId);
  return openSession(ctx, userId, deviceOf(req.headers['user-agent']));
}
