import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { RetentionJob } from './job.ts';
import { retentionRoutes } from './routes.ts';

/** Closed activities' content removed past their plan's retention, facilitators warned 30 days before (README "Retention"). */
export function retentionModule(ctx: Context): RelayModule {
  const job = new RetentionJob(ctx);
  return {
    name: 'retention',
    routes: (router) => retentionRoutes(router, ctx),
    start: () => job.start(),
    stop: () => job.stop(),
  };
}
