import { AcceptInvitationRequest, CreateInvitationRequest, ListInvitationsQuery } from '#core/api/invitations';
import { authenticate, deviceOf } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson, readNoBody } from '../http/body.ts';
import { validate } from '../validate.ts';
import type { Request, Router } from '../http/router.ts';
import { acceptInvitation, previewInvitation } from './accept.ts';
import { InvitationRates, invite, listInvitations, resendInvitation, revokeInvitation } from './invitations.ts';

/** Invitations (schemas and rules: core/api/invitations.ts). */
export function invitationRoutes(router: Router, ctx: Context) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const param = (req: Request, name: string) => req.params[name] ?? '';
  const rates = new InvitationRates(ctx.rates);
  router
    .on('POST', '/api/invitations', async (req) => {
      const me = await caller(req);
      return invite(ctx, me, await readJson(req.raw, CreateInvitationRequest), rates);
    })
    .on('GET', '/api/invitations', async (req) => {
      const me = await caller(req);
      const { status } = validate(ListInvitationsQuery, Object.fromEntries(req.query));
      return { body: { invitations: await listInvitations(ctx, me, status) } };
    })
    .on('DELETE', '/api/invitations/:id', async (req) => {
      await revokeInvitation(ctx, await caller(req), param(req, 'id'));
      return {};
    })
    .on('POST', '/api/invitations/:id/resend', async (req) => {
      const me = await caller(req);
      await readNoBody(req.raw);
      return { body: await resendInvitation(ctx, me, param(req, 'id'), rates) };
    })
    .on('GET', '/api/invitations/:token/preview', async (req) => ({ body: await previewInvitation(ctx, param(req, 'token')) }))
    .on('POST', '/api/invitations/:token/accept', async (req) => {
      const input = await readJson(req.raw, AcceptInvitationRequest);
      return { status: 201, body: await acceptInvitation(ctx, param(req, 'token'), input, deviceOf(req.raw.headers['user-agent'])) };
    });
}
