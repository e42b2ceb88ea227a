import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { smsRoutes } from './routes.ts';

/** SMS: the gateway's routes, and its worker started with the relay and drained before the store closes. */
export function smsModule(ctx: Context): RelayModule {
  return { name: 'sms', routes: (router) => smsRoutes(router, ctx), start: () => ctx.sms.start(), stop: () => ctx.sms.stop() };
}
