import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { FORMAT_TEXT_COMMAND } from 'lexical';
import { useI18n } from '../i18n/index.tsx';

/** Bold, italic, lists, link: the few things a brief or a comment needs. */
export function FormattingToolbar() {
  const { t } = useI18n();
  const [editor] = useLexicalComposerContext();
  const link = () => {
    const url = window.prompt(t('comments.linkPrompt'), 'https://');
    if (url && /^(https?:\/\/|mailto:)/i.test(url)) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
  };
  return (
    <div className="format-toolbar" role="toolbar" aria-label={t('comments.toolbar')}>
      <button type="button" className="tool" onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')} aria-label={t('comments.bold')} title={t('comments.bold')}>
        <b aria-hidden="true">B</b>
      </button>
      <button type="button" className="tool" onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')} aria-label={t('comments.italic')} title={t('comments.italic')}>
        <i aria-hidden="true">I</i>
      </button>
      <button type="button" className="tool" onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)} aria-label={t('comments.bullets')} title={t('comments.bullets')}>
        <span aria-hidden="true">•</span>
      </button>
      <button type="button" className="tool" onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)} aria-label={t('comments.numbers')} title={t('comments.numbers')}>
        <span className="tool-numbers" aria-hidden="true" />
      </button>
      <button type="button" className="tool" onClick={link} aria-label={t('comments.link')} title={t('comments.link')}>
        <span aria-hidden="true">↗</span>
      </button>
    </div>
  );
}
