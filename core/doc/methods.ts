import * as Y from 'yjs';
import { z } from 'zod';
import { DocRoot } from './schema.ts';

/**
 * `doc.getMap('methods')`: one Y.Map per method the activity uses, keyed by method id.
 * Every method map has a `kind` and a `version`; the rest depends on the kind (the SWOT
 * board in swot.ts; pros/cons and weighted matrices sit beside it with their own kind).
 * Method maps are created by the relay (or one facilitator action), never by two
 * clients at once.
 */
export const MethodKind = z.enum(['swot', 'pros-cons']);
export type MethodKind = z.infer<typeof MethodKind>;

export interface MethodRef {
  id: string;
  kind: MethodKind;
}

export function methodsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(DocRoot.methods);
}

/** The method map with this id, if it is of the expected kind. */
export function methodOf(doc: Y.Doc, id: string, kind: MethodKind): Y.Map<unknown> | null {
  const method = methodsOf(doc).get(id);
  return method instanceof Y.Map && method.get('kind') === kind ? method : null;
}

/** The methods of an activity, in a stable order. */
export function listMethods(doc: Y.Doc): MethodRef[] {
  const out: MethodRef[] = [];
  for (const [id, method] of methodsOf(doc).entries()) {
    const kind = MethodKind.safeParse(method instanceof Y.Map ? method.get('kind') : undefined);
    if (kind.success) out.push({ id, kind: kind.data });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
