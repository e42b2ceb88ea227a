import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect } from 'react';
import type * as Y from 'yjs';
import { briefRootName } from '#core/doc/brief';
import { colourOf } from '../components/Avatar.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { ActivitySession } from '../sync/activity-session.ts';
import { briefProvider } from './brief-provider.ts';
import { briefNodes, editorTheme, reportError } from './nodes.ts';
import { FormattingToolbar } from './FormattingToolbar.tsx';

interface Props {
  session: ActivitySession;
  me: { id: string; name: string };
  canEdit: boolean;
}

/**
 * The brief, edited by everyone at once. Lexical's collaboration binding works on the
 * activity's own doc (its `root` XmlText), through the activity's one connection; the
 * relay seeded it, so this client never bootstraps it.
 */
export function BriefEditor({ session, me, canEdit }: Props) {
  const { t } = useI18n();
  const providerFactory = useCallback(
    (id: string, docMap: Map<string, Y.Doc>) => briefProvider(session, docMap, id),
    [session],
  );
  return (
    <section className="brief card" aria-labelledby="brief-title">
      <h2 id="brief-title">{t('activity.brief')}</h2>
      <LexicalCollaboration>
        <LexicalComposer
          initialConfig={{ namespace: 'brief', nodes: briefNodes, theme: editorTheme, onError: reportError, editorState: null, editable: canEdit }}
        >
          {canEdit && <FormattingToolbar />}
          <div className="rich-editor brief-editor">
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  className="editor-input"
                  aria-label={t('activity.brief')}
                  aria-readonly={!canEdit}
                  data-testid="brief"
                  aria-placeholder={t('activity.briefPlaceholder')}
                  placeholder={<div className="editor-placeholder">{t('activity.briefPlaceholder')}</div>}
                />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
          <ListPlugin />
          <LinkPlugin />
          <EditableSync canEdit={canEdit} />
          <CollaborationPlugin
            id={briefRootName}
            providerFactory={providerFactory}
            shouldBootstrap={false}
            username={me.name}
            cursorColor={colourOf(me.id)}
          />
        </LexicalComposer>
      </LexicalCollaboration>
    </section>
  );
}

/** Follows role changes (a viewer promoted, a contributor demoted) without remounting. */
function EditableSync({ canEdit }: { canEdit: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(canEdit), [editor, canEdit]);
  return null;
}
