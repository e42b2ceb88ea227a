import type { PhotoType } from '#core/api/ideas';
import type { Context } from '../context.ts';
import type { StoredBytes } from '../files/blobs.ts';
import { notFound } from '../errors.ts';
import { photoStoreFor } from '../ideas/photo-store.ts';
import { publicPhoto } from './public-box.ts';
import type { PublicThumbnails } from './thumbnails.ts';

/** A published idea's photo: the bytes stored once cleaned of their metadata (server/ideas/images/), as stored, streamed. */
export async function readPublicPhoto(ctx: Context, slug: string, ideaId: string): Promise<{ stored: StoredBytes; type: PhotoType }> {
  const photo = await publicPhoto(ctx.db, slug, ideaId);
  const stored = await photoStoreFor(ctx).read(photo.file);
  if (!stored) throw notFound('photo');
  return { stored, type: photo.type };
}

/** Its thumbnail for the public page (WebP, 640 px at most), or the photo itself when none can be made. */
export async function readPublicThumbnail(ctx: Context, thumbnails: PublicThumbnails, slug: string, ideaId: string): Promise<{ stored: StoredBytes; type: string }> {
  const photo = await publicPhoto(ctx.db, slug, ideaId);
  const thumbnail = await thumbnails.of(photo.file);
  return thumbnail ? { stored: thumbnail, type: 'image/webp' } : readPublicPhoto(ctx, slug, ideaId);
}
