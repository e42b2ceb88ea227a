import { NotificationSettings } from '#core/api/notifications';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson } from '../http/body.ts';
import type { Request, Router } from '../http/router.ts';
import type { DigestSender } from './digest.ts';
import { saveSettings, settingsOf } from './prefs.ts';

/** A person's notification settings (schemas: core/api/notifications.ts). */
export function notificationRoutes(router: Router, ctx: Context, digest: DigestSender) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  router
    .on('GET', '/api/me/notifications', async (req) => ({ body: await settingsOf(ctx.db, (await caller(req)).id) }))
    .on('PUT', '/api/me/notifications', async (req) => {
      const me = await caller(req);
      const saved = await saveSettings(ctx.db, me.id, await readJson(req.raw, NotificationSettings));
      digest.changed();
      return { body: saved };
    });
}
