import { listActionBoards, readActionItems } from '#core/doc/action-items';
import { methodsOf } from '#core/doc/methods';
import type { ActionItem } from '#core/methods/action-items';
import type * as Y from 'yjs';
import { listActivityPeople } from '../api/endpoints.ts';
import { useAsync } from './use-async.ts';
import { useDocValue } from './use-doc-value.ts';
import { useSignedIn } from './use-session.tsx';

/** The ids of the activity's action items boards, oldest first, live. */
export function useActionBoards(doc: Y.Doc): string[] {
  return useDocValue(methodsOf(doc), () => listActionBoards(doc));
}

/** One board's items in order, live. */
export function useActionItems(doc: Y.Doc, boardId: string): ActionItem[] {
  return useDocValue(methodsOf(doc), () => readActionItems(doc, boardId));
}

/** Who may own an action item: the activity's members (viewers included: they may do things too). */
export function useActivityMembers(activityId: string) {
  const { api } = useSignedIn();
  return useAsync(async () => (await listActivityPeople(api, activityId)).map((p) => ({ id: p.userId, name: p.name })), [api, activityId]);
}
