import type { Context } from '../context.ts';
import { figuresRoutes } from './routes.ts';
import type { RelayModule } from '../relay-module.ts';
import { FiguresScheduler } from './scheduler.ts';
import { watchEarly } from './watch-early.ts';
import { figuresKind } from './send.ts';

/** Daily figures: their routes, and the scheduler that sends them and watches deliveries. */
export function figuresModule(ctx: Context): RelayModule {
  const scheduler = new FiguresScheduler(ctx, ctx.config.figures);
  return {
    name: 'figures',
    routes: (router) => figuresRoutes(router, ctx, () => scheduler.poke()),
    start: () => {
      ctx.sms.onStatus(figuresKind, (change) => watchEarly(ctx, change, () => scheduler.poke()));
      scheduler.start();
    },
    stop: () => scheduler.stop(),
  };
}
