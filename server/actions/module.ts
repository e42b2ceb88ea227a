import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { ActionReminders } from './reminders.ts';
import { actionRoutes } from './routes.ts';

/** Action items: created through the live document, listed per person, reminded before they are due. */
export function actionsModule(ctx: Context): RelayModule {
  const reminders = new ActionReminders(ctx);
  return {
    name: 'actions',
    routes: (router) => actionRoutes(router, ctx),
    start: () => reminders.start(),
    stop: () => reminders.stop(),
  };
}
