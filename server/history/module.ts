import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { historyRoutes } from './routes.ts';
import { HistoryService } from './service.ts';

/** The activity's past: any moment's document, and restores (SPEC H1–H5). */
export function historyModule(ctx: Context): RelayModule {
  const history = new HistoryService();
  return { name: 'history', routes: (router) => historyRoutes(router, ctx, history), stop: () => history.close() };
}
