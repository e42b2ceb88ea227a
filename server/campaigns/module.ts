import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import { CampaignRates } from './limits.ts';
import { PageAssets } from './page-assets.ts';
import { campaignRoutes } from './routes.ts';
import { PublicThumbnails } from './thumbnails.ts';

/** Public idea campaigns (issue 18): published boxes, their page, public participants. */
export function campaignsModule(ctx: Context): RelayModule {
  const rates = new CampaignRates(ctx.rates, ctx.config.ideas.pendingSignups);
  const assets = new PageAssets(ctx.config.webRoot);
  const thumbnails = new PublicThumbnails(ctx);
  return { name: 'campaigns', routes: (router) => campaignRoutes(router, ctx, rates, assets, thumbnails) };
}
