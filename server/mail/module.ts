import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { mailRoutes } from './routes.ts';

/** E-mail: the outbox routes, and the worker that sends the queue (ctx.mail). */
export function mailModule(ctx: Context): RelayModule {
  return {
    name: 'mail',
    routes: (router) => mailRoutes(router, ctx),
    start: () => ctx.mail.start(),
    stop: () => ctx.mail.stop(),
  };
}
