import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { organizationRoutes } from './routes.ts';
import { suspensionWatch } from './suspension-watch.ts';

export function organizationsModule(ctx: Context): RelayModule {
  const watch = suspensionWatch(ctx);
  return {
    name: 'organizations',
    routes: (router) => organizationRoutes(router, ctx),
    start: () => watch.start(),
    stop: () => watch.stop(),
  };
}
