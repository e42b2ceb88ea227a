import type { Context } from '../context.ts';
import { commentRoutes, funnelRoutes, ideaRoutes } from './routes.ts';
import type { RelayModule } from '../relay-module.ts';
import { photoStoreFor } from './photo-store.ts';
import { ideasSettings } from './settings.ts';
import { SimilarTitles } from './similar.ts';
import { CampaignRates } from '../campaigns/limits.ts';
import { listenToIdeaSms, resumeIdeaSms } from './sms.ts';
import { listenToRewardSms, resumeRewards } from './rewards.ts';
import { resumeMergeNotices } from './merge-notices.ts';

/** The idea box: routes, photos, comments, and the SMS that tell authors what became of their ideas. */
export function ideasModule(ctx: Context): RelayModule {
  const settings = ideasSettings(ctx.config);
  const titles = new SimilarTitles(ctx);
  const rates = new CampaignRates(ctx.rates);
  let resuming: Promise<void> = Promise.resolve();
  listenToIdeaSms(ctx);
  listenToRewardSms(ctx);
  return {
    name: 'ideas',
    routes: (router) => {
      ideaRoutes(router, ctx, settings, titles, rates);
      funnelRoutes(router, ctx, titles, settings);
      commentRoutes(router, ctx, rates);
    },
    start: async () => {
      // On PostgreSQL, photos a relay kept in its folder before move into the database first.
      await photoStoreFor(ctx).start();
      resuming = resumeIdeaSms(ctx)
        .then(() => resumeRewards(ctx))
        .then(() => resumeMergeNotices(ctx))
        .catch((err: unknown) => ctx.log.error({ err }, 'could not resume idea SMS'));
    },
    stop: async () => {
      await resuming;
    },
  };
}
