import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import {
  $getRoot,
  $isElementNode,
  CLEAR_EDITOR_COMMAND,
  COMMAND_PRIORITY_LOW,
  KEY_ENTER_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { ClearEditorPlugin } from '@lexical/react/LexicalClearEditorPlugin';
import { useEffect } from 'react';
import type { CommentBody } from '#core/doc/comments';
import { useI18n } from '../i18n/index.tsx';
import { FormattingToolbar } from './FormattingToolbar.tsx';
import { $isMentionNode } from './MentionNode.ts';
import { MentionsPlugin, type Person } from './MentionsPlugin.tsx';
import { commentNodes, editorTheme, reportError } from './nodes.ts';

interface Props {
  label: string;
  placeholder: string;
  submitLabel: string;
  people: Person[];
  /** Serialized Lexical JSON to start from (editing a comment). */
  initial?: string;
  onSubmit(body: CommentBody): void;
  onCancel?: () => void;
  cancelLabel?: string;
}

/** Reads what was written: Lexical JSON, plain text, and the people mentioned. */
export function readBody(editor: LexicalEditor): CommentBody {
  const state = editor.getEditorState();
  return state.read(() => {
    const mentions: string[] = [];
    const walk = (node: LexicalNode) => {
      if ($isMentionNode(node)) mentions.push(node.__userId);
      if ($isElementNode(node)) for (const child of node.getChildren()) walk(child);
    };
    for (const child of $getRoot().getChildren()) walk(child);
    return { body: JSON.stringify(state.toJSON()), text: $getRoot().getTextContent().trim(), mentions };
  });
}

/** A small rich-text composer: bold, italic, lists, links, @mentions; Ctrl+Enter sends. */
export function CommentComposer(props: Props) {
  return (
    <LexicalComposer
      initialConfig={{ namespace: 'comment', nodes: commentNodes, theme: editorTheme, onError: reportError, editorState: props.initial ?? undefined }}
    >
      <ComposerBody {...props} />
    </LexicalComposer>
  );
}

function ComposerBody({ label, placeholder, submitLabel, people, onSubmit, onCancel, cancelLabel }: Props) {
  const { t } = useI18n();
  const [editor] = useLexicalComposerContext();
  const submit = () => {
    const body = readBody(editor);
    if (!body.text) return;
    onSubmit(body);
    editor.dispatchCommand(CLEAR_EDITOR_COMMAND, undefined);
  };
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          if (!event || !(event.ctrlKey || event.metaKey)) return false;
          event.preventDefault();
          submit();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
  );
  return (
    <div className="composer">
      <FormattingToolbar />
      <div className="rich-editor">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="editor-input composer-input"
              aria-label={label}
              aria-placeholder={placeholder}
              // Typing @ offers people (MentionsPlugin): a list, its active option read out.
              aria-autocomplete="list"
              placeholder={<div className="editor-placeholder">{placeholder}</div>}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin />
      <ClearEditorPlugin />
      <MentionsPlugin people={people} />
      <div className="composer-actions">
        {onCancel && (
          <button type="button" className="button small ghost" onClick={onCancel}>
            {cancelLabel ?? t('comments.cancel')}
          </button>
        )}
        <button type="button" className="button small primary" onClick={submit}>
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
