import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { DigestSender } from './digest.ts';
import { NoticeWaiters } from './live.ts';
import { NoticeTeller } from './notice-teller.ts';
import { notificationRoutes } from './routes.ts';

/** How each person hears of things: their settings, activity notices and how they are told, the live bell, the daily digest. */
export function notificationsModule(ctx: Context): RelayModule {
  const digest = new DigestSender(ctx);
  const live = new NoticeWaiters(ctx);
  const teller = new NoticeTeller(ctx);
  return {
    name: 'notifications',
    routes: (router) => notificationRoutes(router, ctx, digest, live),
    start: async () => {
      await live.start();
      await digest.start();
      await teller.start();
    },
    stop: async () => {
      await teller.stop();
      await live.stop();
      await digest.stop();
    },
  };
}
