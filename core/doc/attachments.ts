import { z } from 'zod';
import { Id } from '../api/common.ts';

/**
 * Files attached to what lives in the document, and comments pinned to a page of a file.
 * The bytes are the relay's (`POST /api/activities/:id/files`); the document holds only
 * references to them, by file id:
 *
 * - a comment's `files` and a board entry's `files`: the ids of files of this activity,
 *   at most `maxAttachments`, in the order they were attached;
 * - a comment's `anchor`: `{fileId, page, region?}`, the page (from 1) of a file the
 *   comment is about, and optionally a region of it as fractions of the page's width and
 *   height (`x`, `y` from the top left corner, `w`, `h`), so that it holds at any zoom.
 *
 * The relay judges both (server/sync/SPEC.md W13): plain values, files of this activity,
 * bounded numbers. A reference to a file removed later stays; the app shows it as removed.
 */
export const maxAttachments = 10;
/** The highest page number an anchor may name (a PDF of more pages is not shown past it). */
export const maxAnchorPage = 10_000;

export const FileRefs = z.array(Id).min(1).max(maxAttachments);
export type FileRefs = z.infer<typeof FileRefs>;

const fraction = z.number().min(0).max(1);

/** A region of a page, as fractions of its size; it stays on the page. */
export const PageRegion = z
  .strictObject({ x: fraction, y: fraction, w: fraction.positive(), h: fraction.positive() })
  .refine((r) => r.x + r.w <= 1.000001 && r.y + r.h <= 1.000001, 'a region stays on its page');
export type PageRegion = z.infer<typeof PageRegion>;

export const PageAnchor = z.strictObject({
  fileId: Id,
  page: z.int().min(1).max(maxAnchorPage),
  region: PageRegion.optional(),
});
export type PageAnchor = z.infer<typeof PageAnchor>;

/** The distinct ids of `ids`, in order, cut to `maxAttachments`; undefined when none. */
export function fileRefs(ids: readonly string[] | undefined): string[] | undefined {
  if (!ids || ids.length === 0) return undefined;
  return [...new Set(ids)].slice(0, maxAttachments);
}
