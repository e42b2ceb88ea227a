import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { InboundListener } from './inbound/listener.ts';
import { mailRoutes } from './routes.ts';

/** E-mail: the outbox routes, the worker that sends the queue (ctx.mail), and the listener for replies when configured. */
export function mailModule(ctx: Context): RelayModule {
  const inbound = ctx.config.mail.inbound ? new InboundListener(ctx, ctx.config.mail.inbound) : null;
  return {
    name: 'mail',
    routes: (router) => mailRoutes(router, ctx),
    start: async () => {
      await ctx.mail.start();
      await inbound?.start();
    },
    stop: async () => {
      await inbound?.stop();
      await ctx.mail.stop();
    },
  };
}
