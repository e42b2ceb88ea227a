import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { DocumentErasure } from './erasure.ts';
import { historyRoutes } from './routes.ts';
import { HistoryService } from './service.ts';

/** The activity's past: any moment's document, and restores (SPEC H1–H5); erased people taken out of it (E1–E4). */
export function historyModule(ctx: Context): RelayModule {
  const history = new HistoryService(ctx.rates);
  const erasure = new DocumentErasure(ctx, history);
  return {
    name: 'history',
    routes: (router) => historyRoutes(router, ctx, history),
    start: () => erasure.start(),
    stop: async () => {
      await erasure.stop();
      await history.close();
    },
  };
}
