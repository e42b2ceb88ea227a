import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { InboundListener } from './inbound/listener.ts';
import { Pump } from '../pump.ts';
import { jobLease } from '../nodes/job-lease.ts';
import { pruneReplies } from './reply-tokens.ts';
import { mailRoutes } from './routes.ts';

/** E-mail: the outbox routes, the worker that sends the queue (ctx.mail), and the listener for replies when configured. */
export function mailModule(ctx: Context): RelayModule {
  const inbound = ctx.config.mail.inbound ? new InboundListener(ctx, ctx.config.mail.inbound) : null;
  // Expired reply addresses and old keys of replies taken are forgotten hourly, and at start.
  const pruning = new Pump('reply-pruning', {
    log: ctx.log,
    now: ctx.now,
    everyMs: Pump.maxSleepMs,
    lease: jobLease(ctx, 'reply-pruning'),
    work: async () => {
      const removed = await pruneReplies(ctx.db, ctx.now());
      if (removed.tokens + removed.seen > 0) ctx.log.info(removed, 'e-mail replies: expired addresses forgotten');
    },
  });
  return {
    name: 'mail',
    routes: (router) => mailRoutes(router, ctx),
    start: async () => {
      await ctx.mail.start();
      await inbound?.start();
      await pruning.start();
    },
    stop: async () => {
      await pruning.stop();
      await inbound?.stop();
      await ctx.mail.stop();
    },
  };
}
