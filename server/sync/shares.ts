import * as Y from 'yjs';
import type { ClientOwners } from './client-owners.ts';

/**
 * Who added how much of a document (SPEC U4). A person's share is what their Yjs clients
 * take in the document's encoding: every struct's own bytes (placeholders included: they
 * fill clocks and structs like items) and the content live items still hold. It is counted
 * again whenever the document is re-encoded, and added to between by each update they send,
 * at its size; so the same structs weigh about the same before and after a snapshot, and a
 * snapshot gives back only what deletions freed.
 */
export class DocumentShares {
  private readonly bytes = new Map<string, number>();

  constructor(private readonly owners: ClientOwners) {}

  of(userId: string): number {
    return this.bytes.get(userId) ?? 0;
  }

  /** An update of `bytes` from `userId` was applied. */
  added(userId: string, bytes: number) {
    this.bytes.set(userId, this.of(userId) + bytes);
  }

  /** Counts each person's share again from what the document holds. */
  recount(doc: Y.Doc) {
    this.bytes.clear();
    for (const [client, structs] of doc.store.clients) {
      const owner = this.owners.owner(client);
      if (owner === undefined || structs.length === 0) continue;
      // The client's section of an update: how many structs, whose, from which clock.
      let total = varUintBytes(structs.length) + varUintBytes(client) + varUintBytes(structs[0]!.id.clock);
      for (const struct of structs) total += structBytes(struct);
      this.bytes.set(owner, this.of(owner) + total);
    }
  }
}

/** Bytes a struct takes encoded (Yjs v1), about: its header, where it goes, what it holds. */
function structBytes(struct: Y.Item | Y.GC | Y.Skip): number {
  if (!(struct instanceof Y.Item)) return 1 + varUintBytes(struct.length);
  let n = 1;
  if (struct.origin) n += idBytes(struct.origin);
  if (struct.rightOrigin) n += idBytes(struct.rightOrigin);
  if (!struct.origin && !struct.rightOrigin) n += 6 + (struct.parentSub?.length ?? 0);
  return n + (struct.deleted ? varUintBytes(struct.length) : contentBytes(struct.content));
}

const idBytes = (id: Y.ID) => varUintBytes(id.client) + varUintBytes(id.clock);

/** Bytes of an unsigned varint (7 bits a byte). */
function varUintBytes(n: number): number {
  let bytes = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    bytes++;
  }
  return bytes;
}

/** About what an item's content takes once encoded. */
function contentBytes(content: Y.Item['content']): number {
  if (content instanceof Y.ContentString) return content.str.length;
  if (content instanceof Y.ContentBinary) return content.content.length;
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
    let n = 0;
    for (const value of content.arr as unknown[]) n += typeof value === 'string' ? value.length + 2 : (JSON.stringify(value)?.length ?? 1);
    return n;
  }
  if (content instanceof Y.ContentEmbed) return JSON.stringify(content.embed)?.length ?? 1;
  return 8;
}
