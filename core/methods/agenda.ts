import { z } from 'zod';
import { Id, IsoDateTime } from '../api/common.ts';
import { authoredFields } from './authored.ts';
import { byOrder, OrderKey } from './order.ts';

/**
 * A meeting's agenda: items in order, each with a time box in whole minutes, a presenter
 * (free text: a member or a guest speaker), notes, and a place in the parking lot for what
 * is put aside. One timer runs at a time, on one item: the facilitator starts it, pauses,
 * goes on to the next item or back to an earlier one; everyone reads the same timer from
 * the document and counts on the relay's clock (core/sync/relay-clock.ts), so devices whose
 * clocks differ see the same time left. An item's `spentMs` keeps the time it took
 * once the meeting moved on from it (going back resumes from there).
 */
export const maxItemMinutes = 600;
/** A timer never counts past a day on one item: an agenda left running is not a number to trust. */
export const maxElapsedMs = 24 * 60 * 60 * 1000;

export const AgendaText = z.string().trim().min(1, 'an agenda item needs a title').max(300, 'an agenda item has at most 300 characters');
export const AgendaMinutes = z.int('a time box is whole minutes').min(1, 'a time box is at least 1 minute').max(maxItemMinutes, `a time box is at most ${maxItemMinutes} minutes`);
export const Presenter = z.string().trim().max(120, 'a presenter’s name has at most 120 characters');
export const maxNotesLength = 4000;
export const AgendaNotes = z.string().max(maxNotesLength, 'notes hold at most 4,000 characters');
export const ElapsedMs = z.int().min(0).max(maxElapsedMs);

export const AgendaItem = z.strictObject({
  id: Id,
  text: AgendaText,
  minutes: AgendaMinutes,
  presenter: Presenter.optional(),
  notes: AgendaNotes.optional(),
  parked: z.boolean().optional(),
  spentMs: ElapsedMs.optional(),
  order: OrderKey,
  ...authoredFields,
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/**
 * A decision taken from an agenda item, or a proposal the facilitator records for later
 * (SPEC W5: the facilitator's), linked to its item. Kept beside the items, under the
 * board's `decisions`, so two recorded at once both stay.
 */
export const AgendaDecisionStatus = z.enum(['decided', 'proposed']);
export type AgendaDecisionStatus = z.infer<typeof AgendaDecisionStatus>;
export const DecisionText = z.string().trim().min(1, 'a decision needs some text').max(2000, 'a decision has at most 2,000 characters');
export const AgendaDecision = z.strictObject({
  id: Id,
  itemId: Id,
  text: DecisionText,
  status: AgendaDecisionStatus,
  ...authoredFields,
});
export type AgendaDecision = z.infer<typeof AgendaDecision>;

/**
 * The running timer, a setting of the board (the facilitator's, SPEC W5): the item it is
 * on, since when it runs (null while paused) and what it counted before that.
 */
export const AgendaTimer = z.strictObject({ itemId: Id, startedAt: IsoDateTime.nullable(), elapsedMs: ElapsedMs });
export type AgendaTimer = z.infer<typeof AgendaTimer>;

/** The items in order, the parking lot apart. */
export function splitAgenda(items: readonly AgendaItem[]): { agenda: AgendaItem[]; parked: AgendaItem[] } {
  const sorted = [...items].sort(byOrder);
  return { agenda: sorted.filter((i) => !i.parked), parked: sorted.filter((i) => i.parked) };
}

export const plannedMinutes = (items: readonly AgendaItem[]) => splitAgenda(items).agenda.reduce((sum, i) => sum + i.minutes, 0);

export interface TimerView {
  item: AgendaItem;
  running: boolean;
  elapsedMs: number;
  /** Time left in the item's box; negative once over time. */
  leftMs: number;
  over: boolean;
}

/** How long the timer has counted at `nowMs`: a start in the future (a clock ahead) counts nothing, never past the bound. */
export function elapsedAt(timer: AgendaTimer, nowMs: number): number {
  const since = timer.startedAt === null ? 0 : Math.max(0, nowMs - Date.parse(timer.startedAt));
  return Math.min(maxElapsedMs, timer.elapsedMs + since);
}

/** What everyone sees of the timer at `nowMs`; null when none runs or its item is gone. */
export function timerView(timer: AgendaTimer | null, items: readonly AgendaItem[], nowMs: number): TimerView | null {
  const item = timer && items.find((i) => i.id === timer.itemId);
  if (!timer || !item) return null;
  const elapsedMs = elapsedAt(timer, nowMs);
  const leftMs = item.minutes * 60_000 - elapsedMs;
  return { item, running: timer.startedAt !== null, elapsedMs, leftMs, over: leftMs < 0 };
}

/** The agenda item after `currentId` (the parking lot skipped); the first when none is current; null past the last. */
export function nextAgendaItem(items: readonly AgendaItem[], currentId: string | null): AgendaItem | null {
  const { agenda } = splitAgenda(items);
  if (currentId === null) return agenda[0] ?? null;
  const at = agenda.findIndex((i) => i.id === currentId);
  return at === -1 ? (agenda[0] ?? null) : (agenda[at + 1] ?? null);
}

/** `m:ss` (or `h:mm:ss`) of a duration, its sign left out. */
export function clockText(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
