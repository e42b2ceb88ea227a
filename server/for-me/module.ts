import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { forMeRoutes } from './routes.ts';

/** What needs the signed-in person: the "For me" screen and the activity list's badges. */
export function forMeModule(ctx: Context): RelayModule {
  return { name: 'for-me', routes: (router) => forMeRoutes(router, ctx) };
}
