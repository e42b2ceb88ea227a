import type { Context } from '../context.ts';
import type { RelayModule } from '../relay-module.ts';
import type { FilesDeps } from './deps.ts';
import { OfficePreviews } from './office.ts';
import { Slots } from './slots.ts';
import { blobStoreFor } from './open-blobs.ts';
import { fileRoutes } from './routes.ts';
import { Thumbnails } from './thumbnails.ts';

/** Files attached to activities: their routes, and their bytes (open-blobs.ts says where). */
export function filesModule(ctx: Context): RelayModule {
  const blobs = blobStoreFor(ctx);
  const deps: FilesDeps = { ctx, blobs, streaming: new Slots(), thumbnails: new Thumbnails(ctx, blobs), office: new OfficePreviews(ctx, blobs) };
  return {
    name: 'files',
    routes: (router) => fileRoutes(router, deps),
    start: () => deps.blobs.start(),
  };
}
