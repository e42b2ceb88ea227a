import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { DigestSender } from './digest.ts';
import { NoticeWaiters } from './live.ts';
import { notificationRoutes } from './routes.ts';

/** How each person hears of things: their settings, and the daily digest. */
export function notificationsModule(ctx: Context): RelayModule {
  const digest = new DigestSender(ctx);
  const live = new NoticeWaiters(ctx);
  return {
    name: 'notifications',
    routes: (router) => notificationRoutes(router, ctx, digest, live),
    start: async () => {
      await live.start();
      await digest.start();
    },
    stop: async () => {
      await live.stop();
      await digest.stop();
    },
  };
}
