import { NoticeWaitQuery, NotificationSettings } from '#core/api/notifications';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson } from '../http/body.ts';
import { validate } from '../validate.ts';
import type { Request, Router } from '../http/router.ts';
import type { DigestSender } from './digest.ts';
import type { NoticeWaiters } from './live.ts';
import { saveSettings, settingsOf } from './prefs.ts';

/** A person's notification settings (schemas: core/api/notifications.ts). */
export function notificationRoutes(router: Router, ctx: Context, digest: DigestSender, live: NoticeWaiters) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  router
    .on('GET', '/api/me/notifications', async (req) => ({ body: await settingsOf(ctx.db, (await caller(req)).id) }))
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
