import { MailListQuery, MailTestRequest } from '#core/api/mail';
import { authenticate, requireAdmin } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson, readNoBody } from '../http/body.ts';
import { validate } from '../validate.ts';
import type { Request, Router } from '../http/router.ts';
import { listMail, readMail, retryMail, sendTestMail } from './outbox.ts';

/** The mail outbox, for administrators (schemas: core/api/mail.ts). */
export function mailRoutes(router: Router, ctx: Context) {
  const admin = async (req: Request) => {
    const me = await authenticate(ctx, req.raw.headers.authorization);
    requireAdmin(me);
    return me;
  };
  router
    .on('GET', '/api/mail/messages', async (req) => {
      const me = await admin(req);
      return { body: await listMail(ctx.db, me.orgId, validate(MailListQuery, Object.fromEntries(req.query))) };
    })
    .on('GET', '/api/mail/messages/:id', async (req) => {
      const me = await admin(req);
      return { body: await readMail(ctx.db, me.orgId, req.params.id ?? '') };
    })
    .on('POST', '/api/mail/messages/:id/retry', async (req) => {
      const me = await admin(req);
      await readNoBody(req.raw);
      await retryMail(ctx.db, me.orgId, req.params.id ?? '', me.id, ctx.now());
      ctx.mail.wake();
      return { body: await readMail(ctx.db, me.orgId, req.params.id ?? '') };
    })
    .on('POST', '/api/mail/test', async (req) => {
      const me = await admin(req);
      const input = await readJson(req.raw, MailTestRequest);
      return { status: 201, body: await sendTestMail(ctx, me, input.to) };
    });
}
