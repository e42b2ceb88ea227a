import { PasswordResetConfirm, PasswordResetRequest } from '#core/api/people';
import { addressKey } from '../accounts/sign-in-throttle.ts';
import type { Context } from '../context.ts';
import { readJson } from '../http/body.ts';
import type { Request, Router } from '../http/router.ts';
import { ResetRates, completePasswordReset, previewPasswordReset, requestPasswordReset } from './password-resets.ts';

/** A person's own account: forgotten password (schemas and rules: core/api/people.ts). */
export function peopleRoutes(router: Router, ctx: Context) {
  const rates = new ResetRates();
  const token = (req: Request) => req.params.token ?? '';
  router
    .on('POST', '/api/password-resets', async (req) => {
      const { email } = await readJson(req.raw, PasswordResetRequest);
      rates.take(addressKey(req.raw.socket.remoteAddress), email, ctx.now().getTime());
      await requestPasswordReset(ctx, email);
      return { status: 202, body: {} };
    })
    .on('GET', '/api/password-resets/:token', async (req) => ({ body: await previewPasswordReset(ctx, token(req)) }))
    .on('POST', '/api/password-resets/:token', async (req) => {
      const { password } = await readJson(req.raw, PasswordResetConfirm);
      return { status: 201, body: await completePasswordReset(ctx, token(req), password) };
    });
}
