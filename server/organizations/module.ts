import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { organizationRoutes } from './routes.ts';

export function organizationsModule(ctx: Context): RelayModule {
  return { name: 'organizations', routes: (router) => organizationRoutes(router, ctx) };
}
