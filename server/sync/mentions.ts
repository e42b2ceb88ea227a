import * as Y from 'yjs';
import { CommentVersion } from '#core/doc/comments';
import { DocRoot } from '#core/doc/schema';

/** The people a comment version written in one transaction mentions (core/doc/comments.ts `mentions`). */
export interface MentionFact {
  commentId: string;
  /** Who wrote the version (SPEC W1: the sender, for a client's update), and when it says. */
  by: string;
  at: string;
  /** Ids as the version lists them: who may be told is the notifications feature's judgement. */
  mentioned: string[];
  /** The version's plain text, cut to `excerptChars`. */
  excerpt: string;
}

export const excerptChars = 280;

/**
 * The comment versions a transaction added that mention someone: versions of comments it
 * created, and versions it appended to comments that were there before. Read from what
 * Yjs says the transaction changed (only types that existed before it are listed, so a
 * new comment shows as a change of the comments array), and from items whose clock is
 * past the transaction's start state. A version that does not read as one (the relay's
 * judge passed it, yet it is not the schema's) is skipped.
 */
export function newMentions(doc: Y.Doc, tr: Y.Transaction): MentionFact[] {
  const comments = doc.share.get(DocRoot.comments);
  if (!comments) return [];
  const isNew = (item: Y.Item) => item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
  const facts: MentionFact[] = [];
  for (const type of tr.changed.keys()) {
    if (type === comments) {
      for (let item = comments._start; item !== null; item = item.right) {
        if (item.deleted || !isNew(item) || !(item.content instanceof Y.ContentType)) continue;
        const map = item.content.type;
        if (!(map instanceof Y.Map)) continue;
        const versions: unknown = map.get('versions');
        if (versions instanceof Y.Array) addFacts(facts, map.get('id'), versions.toArray());
      }
      continue;
    }
    const parent: unknown = type._item?.parent;
    if (!(type instanceof Y.Array) || type._item?.parentSub !== 'versions' || !(parent instanceof Y.Map) || parent._item?.parent !== comments) continue;
    const comment = parent as Y.Map<unknown>;
    const added: unknown[] = [];
    for (let item = type._start; item !== null; item = item.right) {
      if (!item.deleted && isNew(item)) added.push(...item.content.getContent());
    }
    addFacts(facts, comment.get('id'), added);
  }
  return facts;
}

function addFacts(facts: MentionFact[], commentId: unknown, versions: unknown[]) {
  if (typeof commentId !== 'string') return;
  for (const value of versions) {
    const version = CommentVersion.safeParse(value);
    if (!version.success || version.data.mentions.length === 0) continue;
    facts.push({ commentId, by: version.data.by, at: version.data.at, mentioned: version.data.mentions, excerpt: version.data.text.slice(0, excerptChars) });
  }
}
