import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { peopleRoutes } from './routes.ts';

/** A person's own account: forgotten password, profile, sessions, their data. */
export function peopleModule(ctx: Context): RelayModule {
  return { name: 'people', routes: (router) => peopleRoutes(router, ctx) };
}
