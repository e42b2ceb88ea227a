import * as Y from 'yjs';
import { briefText } from '#core/doc/content';
import { briefOf } from '#core/doc/brief';
import { commentsOf } from '#core/doc/comments';
import { methodsOf } from '#core/doc/methods';

/**
 * What the live document holds now at a history path (`brief`, `methods/<board>`,
 * `methods/<board>/<part>/<id>`, `comments/<id>`), as the history's JSON shows it, or null
 * when it is gone: the timeline offers to restore only what differs.
 */
export function liveValue(doc: Y.Doc, path: string): unknown {
  const [root, id, part, entry] = path.split('/');
  if (root === 'brief') return briefText(briefOf(doc));
  if (root === 'comments') {
    for (const map of commentsOf(doc)) if (map instanceof Y.Map && map.get('id') === id) return commentJson(map);
    return null;
  }
  const board = methodsOf(doc).get(id!);
  if (!(board instanceof Y.Map)) return null;
  if (part === undefined) return board.get('kind') ?? null;
  const entries = board.get(part);
  const value = entries instanceof Y.Map ? (entries as Y.Map<unknown>).get(entry!) : undefined;
  return value instanceof Y.Map ? { ...(value.toJSON() as object), id: entry } : null;
}

function commentJson(map: Y.Map<unknown>) {
  const raw = map.toJSON() as Record<string, unknown>;
  return { ...raw, versions: Array.isArray(raw.versions) ? raw.versions : [] };
}

/** The same JSON whatever the order of keys (maps read from two documents may list them differently). */
export function sameJson(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
