import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { DigestSender } from './digest.ts';
import { notificationRoutes } from './routes.ts';

/** How each person hears of things: their settings, and the daily digest. */
export function notificationsModule(ctx: Context): RelayModule {
  const digest = new DigestSender(ctx);
  return {
    name: 'notifications',
    routes: (router) => notificationRoutes(router, ctx, digest),
    start: () => digest.start(),
    stop: () => digest.stop(),
  };
}
