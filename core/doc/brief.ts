import * as Y from 'yjs';
import { DocRoot } from './schema.ts';

/**
 * The brief: Lexical's collaborative tree, kept by `@lexical/yjs` in the document's
 * top-level Y.XmlText `root` (its default root name). The relay writes the first
 * paragraphs when the activity is created; clients never bootstrap it.
 */
export const briefRootName = DocRoot.brief;

export function briefOf(doc: Y.Doc): Y.XmlText {
  return doc.get(briefRootName, Y.XmlText);
}

/** True when nobody (not even the relay) has written the brief yet. */
export function briefIsEmpty(doc: Y.Doc): boolean {
  return briefOf(doc).length === 0;
}

/** The brief as paragraphs of description text, for seeding: blank lines split them. */
export function briefParagraphs(description: string): string[] {
  const parts = description
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  return parts.length > 0 ? parts : [''];
}
