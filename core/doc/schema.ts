import type * as Y from 'yjs';

/**
 * The activity's shared Y.Doc, top level (one file per area beside this one):
 *
 * | root                 | type                 | area                                  |
 * |----------------------|----------------------|---------------------------------------|
 * | `meta`               | Y.Map                | `schemaVersion`; `boardOrder` (templates.ts) |
 * | `methods`            | Y.Map<id, Y.Map>     | boards, one per method (methods.ts)    |
 * | `comments`           | Y.Array<Y.Map>       | comments and replies (comments.ts)     |
 * | `root`               | Y.XmlText            | the brief, Lexical's tree (brief.ts)   |
 *
 * The relay seeds `meta`, the SWOT board and the brief when an activity is created, so
 * that no two clients ever create the same container concurrently (one would be lost).
 * Sealed input (votes, estimates, private-first entries) never goes into this document.
 */
export const docSchemaVersion = 1;

export const DocRoot = {
  meta: 'meta',
  methods: 'methods',
  comments: 'comments',
  brief: 'root',
} as const;

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DocRoot.meta);
}

/** The schema version a document was written with; 0 for one never seeded. */
export function schemaVersionOf(doc: Y.Doc): number {
  const v = metaOf(doc).get('schemaVersion');
  return typeof v === 'number' ? v : 0;
}

/** Identifiers minted by clients for items and comments, in the API's `Id` alphabet. */
export function newDocId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (const byte of bytes) out += alphabet[byte & 63];
  return out;
}
