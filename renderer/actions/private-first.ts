import type { PollView } from '#core/api/poll-view';
import { readSwotItems, swotMethodId } from '#core/doc/swot';
import type { PrivateEntry } from '#core/methods/private-entries';
import { Quadrant, quadrants } from '#core/methods/swot';
import type * as Y from 'yjs';
import type { ApiClient } from '../api/client.ts';
import { castVote, openPoll, revealPoll } from '../api/polls.ts';
import type { Author } from '#core/doc/author';
import { placeSwotItem } from './swot.ts';

/**
 * "Private first" on the SWOT board: a sealed poll of kind `entries` whose columns are
 * the four quadrants. Entries go to the relay only; the shared document sees them only
 * when the facilitator puts the revealed ones on the board.
 */
export function startPrivateRound(api: ApiClient, activityId: string, input: { question: string; deadline: string; anonymous: boolean }) {
  return openPoll(api, activityId, {
    kind: 'entries',
    method: swotMethodId,
    columns: [...quadrants],
    rule: 'collect',
    question: input.question,
    deadline: input.deadline ? new Date(input.deadline).toISOString() : '',
    ...(input.anonymous ? { anonymous: true } : {}),
  });
}

export const sendPrivateEntries = (api: ApiClient, pollId: string, entries: PrivateEntry[]) => castVote(api, pollId, { entries });
export const revealPrivateRound = (api: ApiClient, pollId: string) => revealPoll(api, pollId);

export interface RevealedEntry {
  quadrant: Quadrant;
  text: string;
  author: Author;
}

/** What the round revealed: each entry with its author, or one anonymous author per text. */
export function revealedEntries(poll: PollView, anonymous: (count: number) => Author): RevealedEntry[] {
  const round = poll.rounds.find((r) => r.round === poll.round);
  if (!round?.result) return [];
  if (round.choices) {
    return round.choices.flatMap((c) =>
      'entries' in c.ballot
        ? c.ballot.entries.flatMap((e) => {
            const quadrant = Quadrant.safeParse(e.column);
            return quadrant.success ? [{ quadrant: quadrant.data, text: e.text.trim(), author: { id: c.userId, name: c.name } }] : [];
          })
        : [],
    );
  }
  if (round.result.kind !== 'entries') return [];
  return round.result.columns.flatMap(({ column, entries }) => {
    const quadrant = Quadrant.safeParse(column);
    return quadrant.success ? entries.map((e) => ({ quadrant: quadrant.data, text: e.text, author: anonymous(e.count) })) : [];
  });
}

const same = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/** What makes an entry and a board item the same: quadrant, author and text (case and spaces aside). */
export const boardKey = (quadrant: Quadrant, authorId: string, text: string) => `${quadrant}\n${authorId}\n${same(text)}`;

/**
 * Puts the revealed entries on the board as SWOT items, with their authors. An entry
 * already there (same quadrant, text and author) is not put twice, so putting them
 * again — or by a second facilitator — adds nothing. Each names the facilitator who
 * placed it, as the relay requires of an entry written for someone else (SPEC W1).
 * Returns how many were added.
 */
export function putEntriesOnBoard(doc: Y.Doc, actor: Author, entries: readonly RevealedEntry[]): number {
  const there = new Set(readSwotItems(doc).map((i) => boardKey(i.quadrant, i.authorId, i.text)));
  let added = 0;
  doc.transact(() => {
    for (const e of entries) {
      const key = boardKey(e.quadrant, e.author.id, e.text);
      if (there.has(key)) continue;
      there.add(key);
      placeSwotItem(doc, actor, e.author, e.quadrant, e.text);
      added += 1;
    }
  });
  return added;
}
