import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { accountRoutes } from './routes.ts';

export function accountsModule(ctx: Context): RelayModule {
  return { name: 'accounts', routes: (router) => accountRoutes(router, ctx) };
}
