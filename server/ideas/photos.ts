import { randomBytes } from 'node:crypto';
import { ErrorCode } from '#core/api/errors';
import type { PhotoStorage, PhotoType } from '#core/api/ideas';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { Refusal, notFound } from '../errors.ts';
import type { StoredBytes } from '../files/blobs.ts';
import type { Queries } from '../store/db.ts';
import { ideaFor } from './access.ts';
import { cleanImage, type CleanedImage } from './images/index.ts';
import type { PhotoStore } from './photo-store.ts';
import type { IdeasSettings } from './settings.ts';

const extension: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** A photo checked by content, stripped of metadata, written under a random name. */
export interface StoredPhoto {
  file: string;
  type: PhotoType;
  bytes: number;
}

/**
 * Judges an uploaded file by its bytes (never its name), strips its metadata and writes
 * it to the photo store. Nothing is written when it is refused.
 */
export async function storePhoto(photos: PhotoStore, upload: Buffer): Promise<StoredPhoto> {
  const cleaned = cleanImage(upload);
  if (!cleaned.ok) throw refusal(cleaned);
  const file = `${randomBytes(18).toString('base64url')}.${extension[cleaned.type]}`;
  await photos.write(file, cleaned.bytes);
  return { file, type: cleaned.type, bytes: cleaned.bytes.length };
}

function refusal(cleaned: Extract<CleanedImage, { ok: false }>): Refusal {
  if (cleaned.reason === 'too_large') {
    const message = `this picture is too large to show: ${cleaned.detail}`;
    return new Refusal(ErrorCode.validation, `The photo is refused: ${message}.`, [{ path: 'photo', message }]);
  }
  return new Refusal(
    ErrorCode.unsupportedMediaType,
    cleaned.reason === 'not_an_image'
      ? 'The photo must be a JPEG, PNG or WebP image: this file is not one, whatever its name says.'
      : `The photo is a damaged image (${cleaned.detail}).`,
    [{ path: 'photo', message: cleaned.reason === 'not_an_image' ? 'this file is not a JPEG, PNG or WebP image, whatever its name says' : 'this image is damaged' }],
  );
}

export async function discardPhoto(photos: PhotoStore, photo: StoredPhoto | null) {
  if (photo) await photos.remove(photo.file).catch(() => undefined);
}

export async function usedBytes(db: Queries, userId: string): Promise<number> {
  const row = await db.get<{ used: number | null }>('SELECT SUM(bytes) AS used FROM idea_photos WHERE owner_id = ?', [userId]);
  return row?.used ?? 0;
}

/** Refuses a photo that would take the person past their quota (run inside the transaction). */
export async function checkQuota(db: Queries, settings: IdeasSettings, userId: string, photo: StoredPhoto) {
  const used = await usedBytes(db, userId);
  if (used + photo.bytes > settings.quotaBytes) {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    throw new Refusal(
      ErrorCode.quotaExceeded,
      `Your photos would take ${mb(used + photo.bytes)}, more than your ${mb(settings.quotaBytes)} of storage.`,
    );
  }
}

export async function storage(ctx: Context, settings: IdeasSettings, caller: Caller): Promise<PhotoStorage> {
  return { usedBytes: await usedBytes(ctx.db, caller.id), quotaBytes: settings.quotaBytes, maxPhotoBytes: settings.photoMaxBytes };
}

/** The photo of an idea, to those who may see the idea: its bytes, streamed, and the type it was stored as, never sniffed. */
export async function photoOf(ctx: Context, photos: PhotoStore, caller: Caller, ideaId: string): Promise<{ stored: StoredBytes; type: PhotoType }> {
  await ideaFor(ctx, caller, ideaId);
  const photo = await ctx.db.get<{ file: string; type: PhotoType }>('SELECT file, type FROM idea_photos WHERE idea_id = ?', [ideaId]);
  if (!photo) throw notFound('photo');
  const stored = await photos.read(photo.file);
  if (!stored) throw notFound('photo');
  return { stored, type: photo.type };
}
