import { createBinding, syncLexicalUpdateToYjs, type Provider } from '@lexical/yjs';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import * as Y from 'yjs';
import { briefParagraphs, briefRootName } from '#core/doc/brief';
import { seedDocument } from '#core/doc/seed';
import type { Author } from '#core/doc/author';
import { applyBlueprint, type Blueprint } from '#core/doc/templates';

/** The binding needs a provider; nobody is connected while the relay seeds. */
const offlineProvider: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => undefined,
    off: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  },
  connect: () => undefined,
  disconnect: () => undefined,
  on: () => undefined,
  off: () => undefined,
};

/**
 * The first state of an activity's document, as one Yjs update: schema version, an
 * empty SWOT board, the template's boards when one was picked (core/doc/templates.ts),
 * and the brief holding the description as paragraphs (one empty
 * paragraph when there is none). Written by the relay with the activity itself, so
 * that clients never bootstrap the brief — two clients doing so at once would each
 * insert their own first paragraph.
 */
export function initialDocumentUpdate(description: string, template?: { blueprint: Blueprint; by: Author; at: Date }): Uint8Array {
  const doc = new Y.Doc();
  seedDocument(doc, template?.at);
  if (template) applyBlueprint(doc, template.blueprint, template.by, template.at);
  const editor = createEditor({
    namespace: 'brief',
    onError: (err) => {
      throw err;
    },
  });
  const binding = createBinding(editor, offlineProvider, briefRootName, doc, new Map([[briefRootName, doc]]));
  const stop = editor.registerUpdateListener((u) =>
    syncLexicalUpdateToYjs(
      binding,
      offlineProvider,
      u.prevEditorState,
      u.editorState,
      u.dirtyElements,
      u.dirtyLeaves,
      u.normalizedNodes,
      u.tags,
    ),
  );
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      for (const text of briefParagraphs(description)) {
        const paragraph = $createParagraphNode();
        if (text) paragraph.append($createTextNode(text));
        root.append(paragraph);
      }
    },
    { discrete: true },
  );
  stop();
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
