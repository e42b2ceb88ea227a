import type * as Y from 'yjs';

// Yjs's own type for any shared type: its event parameter is declared loosely upstream.
type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/** The Lexical brief lives in the root XmlText Lexical's collaboration binding names `root`. */
const rootNames: Record<string, string> = { root: 'brief' };

/**
 * Names what a transaction changed as paths into the document: the root type's name and,
 * for a root map, the key below it (`methods/<id>`). Read by the activity history.
 */
export function changedPaths(doc: Y.Doc, transaction: Y.Transaction): string[] {
  const roots = new Map<SharedType, string>();
  for (const [name, type] of doc.share) roots.set(type, rootNames[name] ?? name);
  const paths = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    let current: SharedType = type;
    let firstKey: string | null = null;
    while (current._item) {
      firstKey = current._item.parentSub;
      current = current._item.parent as SharedType;
    }
    const root = roots.get(current);
    if (root === undefined) continue;
    if (type === current) {
      const named = [...keys].filter((k): k is string => k !== null);
      if (named.length === 0) paths.add(root);
      for (const key of named) paths.add(`${root}/${key}`);
    } else paths.add(firstKey ? `${root}/${firstKey}` : root);
  }
  return [...paths].sort();
}
