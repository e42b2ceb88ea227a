import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import type { Present } from '../state/use-presence.ts';

/** What the work area gives every method's boards. */
export interface BoardProps {
  doc: Y.Doc;
  awareness: Awareness;
  actor: Author;
  canEdit: boolean;
  present: Present[];
  activityId: string;
  facilitator: boolean;
}
