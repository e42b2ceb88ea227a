import { CreateIdeaRequest } from '#core/api/ideas';
import type { Caller } from '../accounts/sessions.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { validate } from '../validate.ts';
import { Refusal } from '../errors.ts';
import { ErrorCode } from '#core/api/errors';
import { ideaBox, requireContributor } from './access.ts';
import { boxFunnel } from './box-settings.ts';
import { photoStoreFor } from './photo-store.ts';
import { checkQuota, discardPhoto, storePhoto, type StoredPhoto } from './photos.ts';
import type { IdeasSettings } from './settings.ts';
import type { SimilarTitles } from './similar.ts';
import { refuseOverStorage } from '../organizations/limits.ts';

/**
 * Adds an idea to a box: fields checked first (nothing stored if any is wrong), then the
 * photo checked by content and written, then one transaction that counts the photo
 * against the author's quota and records both. A refusal leaves no file behind.
 */
export async function submitIdea(
  ctx: Context,
  settings: IdeasSettings,
  caller: Caller,
  activityId: string,
  fields: unknown,
  upload: Buffer | null,
  titles: SimilarTitles,
): Promise<{ id: string; moderation: 'pending' | 'approved' }> {
  const box = await ideaBox(ctx, caller, activityId, 'public');
  requireContributor(box);
  const input = validate(CreateIdeaRequest, fields);
  const category = box.categories.find((c) => c.toLocaleLowerCase() === input.category.toLocaleLowerCase());
  if (!category) {
    throw new Refusal(ErrorCode.validation, `category: choose one of ${box.categories.join(', ')}.`, [
      { path: 'category', message: `choose one of ${box.categories.join(', ')}` },
    ]);
  }
  // With pre-moderation on, the idea waits for a facilitator's approval (core/ideas/moderation.ts).
  const { premoderation } = await boxFunnel(ctx, box.id);
  const photos = photoStoreFor(ctx);
  const photo: StoredPhoto | null = upload ? await storePhoto(photos, upload) : null;
  const id = newId();
  const now = ctx.now().toISOString();
  try {
    await ctx.db.transaction(async (tx) => {
      if (photo) {
        await refuseOverStorage(tx, caller.orgId, caller.id, photo.bytes);
        await checkQuota(tx, settings, caller.id, photo);
      }
      await tx.run(
        `INSERT INTO ideas (id, activity_id, author_id, title, text, category, created_at, moderation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, activityId, caller.id, input.title, input.text, category, now, premoderation ? 'pending' : 'approved'],
      );
      if (photo) {
        await tx.run('INSERT INTO idea_photos (idea_id, owner_id, file, type, bytes, stored_at) VALUES (?, ?, ?, ?, ?, ?)', [
          id,
          caller.id,
          photo.file,
          photo.type,
          photo.bytes,
          now,
        ]);
      }
    });
  } catch (err) {
    await discardPhoto(photos, photo);
    throw err;
  }
  if (!premoderation) await titles.added(activityId, id, input.title);
  return { id, moderation: premoderation ? 'pending' : 'approved' };
}
