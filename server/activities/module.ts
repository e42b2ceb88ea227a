import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { activityRoutes } from './routes.ts';

export function activitiesModule(ctx: Context): RelayModule {
  return { name: 'activities', routes: (router) => activityRoutes(router, ctx) };
}
