import * as awarenessProtocol from 'y-protocols/awareness';
import { presentingOf } from '#core/files/presenting';
import { writeStamped } from './awareness.ts';
import type { Connection } from './connection.ts';
import type { ActivityFiles } from './rules/content.ts';

/**
 * Rule A5 after the fact: a presentation stays in a presence state only while its
 * presenter is a facilitator of the activity and its file is one of the activity's. When
 * either changes (a role changed, a file was removed), each state still presenting what it
 * may not is stamped again without it, with the next clock, and goes out to everyone like
 * any presence change (its own client takes it too): everyone following stops following.
 */
export function rejudgePresenting(awareness: awarenessProtocol.Awareness, connections: Iterable<Connection>, files: ActivityFiles) {
  for (const conn of connections) {
    for (const clientId of conn.awarenessClients) {
      const state = awareness.states.get(clientId);
      const presenting = presentingOf(state);
      if (!presenting || (conn.role === 'facilitator' && files.has(presenting.fileId))) continue;
      const clock = (awareness.meta.get(clientId)?.clock ?? 0) + 1;
      const who = { id: conn.userId, name: conn.userName, role: conn.role };
      awarenessProtocol.applyAwarenessUpdate(awareness, writeStamped([{ clientId, clock, state }], who, files), null);
    }
  }
}
