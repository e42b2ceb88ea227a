import type { Context } from './context.ts';
import { figuresModule } from './figures/module.ts';
import { accountRoutes } from './http/routes/accounts.ts';
import { activityRoutes } from './http/routes/activities.ts';
import type { Router } from './http/router.ts';
import { smsRoutes } from './http/routes/sms.ts';
import { pollsModule } from './polls/module.ts';
import { decisionsModule } from './decisions/module.ts';
import { ideasModule } from './ideas/module.ts';
import { mailModule } from './mail/module.ts';
import { invitationsModule } from './invitations/module.ts';

/**
 * A part of the relay: its HTTP routes, and background work started with the relay and
 * stopped (drained) before the store closes. Add a part by adding it to `relayModules`.
 */
export interface RelayModule {
  name: string;
  routes?(router: Router): void;
  start?(): Promise<void> | void;
  stop?(): Promise<void> | void;
}

export function relayModules(ctx: Context): RelayModule[] {
  return [
    { name: 'accounts', routes: (router) => accountRoutes(router, ctx) },
    { name: 'activities', routes: (router) => activityRoutes(router, ctx) },
    { name: 'sms', routes: (router) => smsRoutes(router, ctx), start: () => ctx.sms.start(), stop: () => ctx.sms.stop() },
    pollsModule(ctx),
    decisionsModule(ctx),
    figuresModule(ctx),
    ideasModule(ctx),
    mailModule(ctx),
    invitationsModule(ctx),
  ];
}
