import type { Context } from '../context.ts';
import { pollRoutes } from './routes.ts';
import type { RelayModule } from '../relay-module.ts';
import { Pump } from '../pump.ts';
import { revealDue } from './polls.ts';
import { Tallies } from './tallies.ts';

/** Sealed polls: their routes, and the timer that reveals rounds at their deadline. */
export function pollsModule(ctx: Context): RelayModule {
  const deadlines = new Pump('poll deadlines', {
    log: ctx.log,
    now: ctx.now,
    next: async () =>
      (await ctx.db.get<{ at: string | null }>('SELECT MIN(deadline) AS at FROM poll_rounds WHERE revealed_at IS NULL'))?.at ?? null,
    work: async () => {
      const revealed = await revealDue(ctx);
      if (revealed.length > 0) ctx.log.info({ polls: revealed }, 'deadline passed: polls revealed');
    },
  });
  const tallies = new Tallies();
  return {
    name: 'polls',
    routes: (router) => pollRoutes(router, ctx, () => deadlines.wake(), tallies),
    start: () => deadlines.start(),
    stop: () => deadlines.stop(),
  };
}
