import type { Context } from '../context.ts';
import { pollRoutes } from './routes.ts';
import type { RelayModule } from '../relay-module.ts';
import { Pump } from '../pump.ts';
import { jobLease } from '../nodes/job-lease.ts';
import { revealDue } from './polls.ts';
import { Tallies } from './tallies.ts';
import { VoteNotices } from './vote-notices.ts';

/** Sealed polls: their routes, the timer that reveals rounds at their deadline, and their vote notices (opening, closing soon). */
export function pollsModule(ctx: Context): RelayModule {
  const deadlines = new Pump('poll deadlines', {
    lease: jobLease(ctx, 'poll-deadlines'),
    log: ctx.log,
    now: ctx.now,
    next: async () =>
      (await ctx.db.get<{ at: string | null }>('SELECT MIN(deadline) AS at FROM poll_rounds WHERE revealed_at IS NULL'))?.at ?? null,
    work: async () => {
      const revealed = await revealDue(ctx);
      if (revealed.length > 0) ctx.log.info({ polls: revealed }, 'deadline passed: polls revealed');
    },
  });
  const notices = new VoteNotices(ctx);
  const tallies = new Tallies(ctx.config.secretKey);
  const changed = () => {
    deadlines.wake();
    notices.wake();
  };
  return {
    name: 'polls',
    routes: (router) => pollRoutes(router, ctx, changed, tallies),
    start: async () => {
      await deadlines.start();
      await notices.start();
    },
    stop: async () => {
      await notices.stop();
      await deadlines.stop();
    },
  };
}
