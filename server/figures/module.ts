import type { Context } from '../context.ts';
import { figuresRoutes } from '../http/routes/figures.ts';
import type { RelayModule } from '../modules.ts';
import { loadFiguresConfig } from './config.ts';
import { FiguresScheduler } from './scheduler.ts';

/** Daily figures: their routes, and the scheduler that sends them and watches deliveries. */
export function figuresModule(ctx: Context): RelayModule {
  const scheduler = new FiguresScheduler(ctx, loadFiguresConfig());
  return {
    name: 'figures',
    routes: (router) => figuresRoutes(router, ctx, () => scheduler.poke()),
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
  };
}
