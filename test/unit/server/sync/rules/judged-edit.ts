import * as Y from 'yjs';
import { initialDocumentUpdate } from '../../../../../server/activities/brief-seed.ts';
export { withoutDeletions } from '../../../../support/crafted-updates.ts';
import { judgeContent, type ActivityFiles } from '../../../../../server/sync/rules/content.ts';
import type { Author } from '../../../../../server/sync/rules/author.ts';

/** The relay's document, as a new activity starts (seeded by the relay). */
export function roomDoc(question = 'What should we decide?') {
  const room = new Y.Doc();
  Y.applyUpdate(room, initialDocumentUpdate(question));
  return room;
}

/**
 * `who` edits a copy of the room's document with `change`; the update it would send is
 * judged against the room (with the activity's `files`, SPEC W13), which takes it when
 * allowed, as the relay does. Returns 'allowed' or the rule that refused it.
 */
export function judgedEdit(room: Y.Doc, who: Author, change: (doc: Y.Doc) => void, files?: ActivityFiles) {
  const verdict = judgedEditVerdict(room, who, change, files);
  return verdict.allowed ? 'allowed' : verdict.rule;
}

/** As `judgedEdit`, with the whole verdict (what the update removes and puts back). */
export function judgedEditVerdict(room: Y.Doc, who: Author, change: (doc: Y.Doc) => void, files?: ActivityFiles, crafted = (u: Uint8Array) => u) {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(client);
  change(client);
  const update = crafted(Y.encodeStateAsUpdate(client, before));
  client.destroy();
  const verdict = judgeContent(update, room, who, undefined, files);
  if (verdict.allowed) Y.applyUpdate(room, update);
  return verdict;
}

