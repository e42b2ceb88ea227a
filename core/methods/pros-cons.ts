import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import { FileRefs } from '../doc/attachments.ts';
import { byOrder, OrderKey } from './order.ts';

/** The two sides of an option, in reading order. */
export const Side = z.enum(['pro', 'con']);
export type Side = z.infer<typeof Side>;
export const sides = Side.options;

export const OptionLabel = z.string().trim().min(1, 'an option needs a label').max(200, 'an option label has at most 200 characters');
export const ProsConsText = z.string().trim().min(1, 'an item needs some text').max(2000, 'an item has at most 2,000 characters');

/** One option weighed on the board; options sort by (order, id) like items. */
export const ProsConsOption = z.strictObject({
  id: Id,
  label: OptionLabel,
  order: OrderKey,
});
export type ProsConsOption = z.infer<typeof ProsConsOption>;

/**
 * One pro or con of an option. Its option and side are fields of its own map, so a
 * move and a concurrent edit of its text both survive.
 */
export const ProsConsItem = z.strictObject({
  id: Id,
  optionId: Id,
  side: Side,
  text: ProsConsText,
  order: OrderKey,
  authorId: Id,
  authorName: z.string().max(120),
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.optional(),
  editedBy: Id.optional(),
  /** Files attached to the entry (core/doc/attachments.ts, SPEC W13). */
  files: FileRefs.optional(),
});
export type ProsConsItem = z.infer<typeof ProsConsItem>;

export interface OptionView {
  option: ProsConsOption;
  pro: ProsConsItem[];
  con: ProsConsItem[];
}

/**
 * Options in order, each with its pros and cons in order. Items of an option that is
 * gone (removed while someone added to it) are left out.
 */
export function groupByOption(options: readonly ProsConsOption[], items: readonly ProsConsItem[]): OptionView[] {
  const views = [...options].sort(byOrder).map((option) => ({ option, pro: [] as ProsConsItem[], con: [] as ProsConsItem[] }));
  const byId = new Map(views.map((v) => [v.option.id, v]));
  for (const item of items) byId.get(item.optionId)?.[item.side].push(item);
  for (const view of views) for (const side of sides) view[side].sort(byOrder);
  return views;
}

export interface OptionTally {
  optionId: string;
  label: string;
  pros: number;
  cons: number;
}

/** How many pros and cons each option has, options in order. */
export function tallyByOption(views: readonly OptionView[]): OptionTally[] {
  return views.map((v) => ({ optionId: v.option.id, label: v.option.label, pros: v.pro.length, cons: v.con.length }));
}
