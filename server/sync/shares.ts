import * as Y from 'yjs';
import type { ClientOwners } from './client-owners.ts';

/**
 * Who added how much of a document's content (SPEC U4). A person's share is what their
 * Yjs clients' items still hold (client-owners.ts says whose each client is), counted
 * again whenever the document is re-encoded, and added to by each update they send between.
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

  /** Counts each person's share again from the content the document still holds. */
  recount(doc: Y.Doc) {
    this.bytes.clear();
    for (const [client, structs] of doc.store.clients) {
      const owner = this.owners.owner(client);
      if (owner === undefined) continue;
      let total = 0;
      for (const struct of structs) if (struct instanceof Y.Item && !struct.deleted) total += contentBytes(struct.content);
      this.bytes.set(owner, this.of(owner) + total);
    }
  }
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
