import * as Y from 'yjs';
import type { Logger } from 'pino';
import type { Database } from '../store/db.ts';

/**
 * Who added how much of a document's content (SPEC U4). Each Yjs client id belongs to
 * the person whose connection first sent its changes (kept in `doc_clients`); a person's
 * share is what their clients' items still hold, counted again whenever the document is
 * re-encoded, and added to by each update they send between.
 */
export class DocumentShares {
  private readonly owners = new Map<number, string>();
  private readonly bytes = new Map<string, number>();

  constructor(
    private readonly activityId: string,
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  async load() {
    const rows = await this.db.all<{ client_id: number; user_id: string }>(
      'SELECT client_id, user_id FROM doc_clients WHERE activity_id = ?',
      [this.activityId],
    );
    for (const r of rows) this.owners.set(r.client_id, r.user_id);
  }

  of(userId: string): number {
    return this.bytes.get(userId) ?? 0;
  }

  /** An update of `bytes` from `userId`, carrying changes of these Yjs clients, was applied. */
  added(userId: string, clients: Iterable<number>, bytes: number) {
    this.bytes.set(userId, this.of(userId) + bytes);
    for (const client of clients) {
      if (this.owners.has(client)) continue;
      this.owners.set(client, userId);
      this.db
        .run('INSERT OR IGNORE INTO doc_clients (activity_id, client_id, user_id) VALUES (?, ?, ?)', [this.activityId, client, userId])
        .catch((err: unknown) => this.logger.error({ err, room: this.activityId }, 'could not record who a client is'));
    }
  }

  /** Counts each person's share again from the content the document still holds. */
  recount(doc: Y.Doc) {
    this.bytes.clear();
    for (const [client, structs] of doc.store.clients) {
      const owner = this.owners.get(client);
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
