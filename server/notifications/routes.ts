import { NoticeWaitQuery, NotificationSettings } from '#core/api/notifications';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson, readNoBody } from '../http/body.ts';
import { notFound } from '../errors.ts';
import { validate } from '../validate.ts';
import type { Request, Router } from '../http/router.ts';
import type { DigestSender } from './digest.ts';
import type { NoticeWaiters } from './live.ts';
import { saveSettings, settingsOf } from './prefs.ts';
import { listActivityNotices, readActivityNotice } from './activity-notices.ts';

/** A person's notification settings (schemas: core/api/notifications.ts). */
export function notificationRoutes(router: Router, ctx: Context, digest: DigestSender, live: NoticeWaiters) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  router
    .on('GET', '/api/me/notifications', async (req) => ({ body: await settingsOf(ctx.db, (await caller(req)).id) }))
    // In-app notices about activities (activity-notices.ts): mentioned, votes, added to one.
    .on('GET', '/api/me/notices', async (req) => ({ body: { notices: await listActivityNotices(ctx, await caller(req)) } }))
    .on('POST', '/api/me/notices/:id/read', async (req) => {
      const n = Number(req.params.id);
      if (!Number.isInteger(n) || n <= 0) throw notFound('notice');
      const me = await caller(req);
      await readNoBody(req.raw);
      await readActivityNotice(ctx, me, n);
      return {};
    })
    // The bell, live (live.ts): answered when a notice of the caller's is written, or after 25 s.
    .on('GET', '/api/me/notices/wait', async (req) => {
      const me = await caller(req);
      const { after } = validate(NoticeWaitQuery, Object.fromEntries(req.query));
      return { body: await live.wait(me.id, after ?? null) };
    })
    .on('PUT', '/api/me/notifications', async (req) => {
      const me = await caller(req);
      const saved = await saveSettings(ctx.db, me.id, await readJson(req.raw, NotificationSettings));
      digest.changed();
      return { body: saved };
    });
}
