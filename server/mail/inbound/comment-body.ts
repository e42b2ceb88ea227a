import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import type { CommentBody } from '#core/doc/comments';

/**
 * A comment body from plain text, as the app's composer writes one: Lexical's serialized
 * state (one paragraph per line), the same text, no mentions. Built with a headless
 * editor (as the brief is seeded in activities/brief-seed.ts), so the app reads it like
 * any comment.
 */
export function plainCommentBody(text: string): CommentBody {
  const editor = createEditor({
    namespace: 'comment',
    onError: (err) => {
      throw err;
    },
  });
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      for (const line of text.split('\n')) {
        const paragraph = $createParagraphNode();
        if (line) paragraph.append($createTextNode(line));
        root.append(paragraph);
      }
    },
    { discrete: true },
  );
  return { body: JSON.stringify(editor.getEditorState().toJSON()), text, mentions: [] };
}
