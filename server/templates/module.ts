import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { templateRoutes } from './routes.ts';

/** Activity templates an organisation saves, beside the catalogue's. */
export function templatesModule(ctx: Context): RelayModule {
  return { name: 'templates', routes: (router) => templateRoutes(router, ctx) };
}
