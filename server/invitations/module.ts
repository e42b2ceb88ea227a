import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { invitationRoutes } from './routes.ts';

/** Invitations to the organisation and to activities; guests. */
export function invitationsModule(ctx: Context): RelayModule {
  return { name: 'invitations', routes: (router) => invitationRoutes(router, ctx) };
}
