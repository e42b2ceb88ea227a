import * as Y from 'yjs';
import { agendasToUpgrade, upgradeAgendas } from '#core/doc/agenda-notes';
import type { Database } from '../store/db.ts';
import { changedPaths } from './summary.ts';
import type { UpdateLog } from './update-log.ts';

/**
 * Documents written before a shape changed are brought up to date when their room loads,
 * before anyone syncs (SPEC R1, R4): today, agendas whose items' notes are plain strings
 * (now a Y.Text everyone types into) or that keep no decisions map yet
 * (core/doc/agenda-notes.ts). The relay alone makes those shared types, so no two clients
 * ever make the same one at once (one would be lost, with what was typed or recorded in
 * it). The change is made on a copy in a fresh Yjs client that nobody owns (as the seed's),
 * logged under whoever created the activity (its first update's writer), committed, and only
 * then applied to the room (D1). Returns its log id and size, or null when nothing was due.
 */
export async function upgradeOnLoad(doc: Y.Doc, db: Database, log: UpdateLog, activityId: string, epoch?: number): Promise<{ id: number; bytes: number } | null> {
  if (!agendasToUpgrade(doc)) return null;
  const copy = new Y.Doc();
  const paths = new Set<string>();
  let data: Uint8Array;
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    copy.on('afterTransaction', (tr: Y.Transaction) => {
      for (const path of changedPaths(copy, tr)) paths.add(path);
    });
    upgradeAgendas(copy);
    data = Y.encodeStateAsUpdate(copy, before);
  } finally {
    copy.destroy();
  }
  const first = await db.get<{ user_id: string }>('SELECT user_id FROM doc_updates WHERE activity_id = ? ORDER BY id LIMIT 1', [activityId]);
  const [id] = await log.append([{ activityId, userId: first?.user_id ?? '', data, summary: [...paths], claims: [], epoch }]);
  Y.applyUpdate(doc, data, 'relay');
  return { id: id ?? 0, bytes: data.length };
}
