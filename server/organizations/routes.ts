import { SignupRequest, UpdateRightRequest } from '#core/api/organizations';
import { isRightId } from '#core/people/rights';
import { authenticate, deviceOf, requireAdmin } from '../accounts/sessions.ts';
import { notFound } from '../errors.ts';
import type { Context } from '../context.ts';
import { readJson, readNoBody } from '../http/body.ts';
import type { Request, Router } from '../http/router.ts';
import { SignupRates, confirmSignup, resendConfirmation, signUp } from './signup.ts';
import { rightsSettings, setRight } from './rights.ts';
import { usageFor } from './usage.ts';

/** Organisations signing up, confirming their first administrator, and their plan's figures (core/api/organizations.ts). */
export function organizationRoutes(router: Router, ctx: Context) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const rates = new SignupRates(ctx.rates, ctx.config.organizations.signupsPerAddressPerHour);
  router
    .on('GET', '/api/signup', async () => ({ body: { open: ctx.config.organizations.signupOpen } }))
    .on('POST', '/api/organizations', async (req) => {
      const input = await readJson(req.raw, SignupRequest);
      const { token, expiresAt } = await signUp(ctx, rates, input, req.address, deviceOf(req.raw.headers['user-agent']));
      return { status: 201, body: { token, expiresAt } };
    })
    .on('POST', '/api/signup-confirmations/:token', async (req) => {
      await readNoBody(req.raw);
      return { body: await confirmSignup(ctx, req.params.token ?? '') };
    })
    .on('POST', '/api/organization/confirmation', async (req) => {
      const me = await caller(req);
      await readNoBody(req.raw);
      return { status: 202, body: await resendConfirmation(ctx, rates, me.id) };
    })
    .on('GET', '/api/organization/usage', async (req) => ({ body: await usageFor(ctx, await caller(req)) }))
    .on('GET', '/api/organization/rights', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      return { body: await rightsSettings(ctx, me.orgId) };
    })
    .on('PUT', '/api/organization/rights/:right', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      const right = req.params.right;
      if (!isRightId(right)) throw notFound('right');
      return { body: await setRight(ctx, me, right, await readJson(req.raw, UpdateRightRequest)) };
    });
}
