import { useState, type KeyboardEvent } from 'react';
import type { ProsConsItem } from '#core/methods/pros-cons';
import { attachToProsConsItem, deleteProsConsItem, detachFromProsConsItem, editProsConsItem, nudgeProsConsItem } from '../../actions/pros-cons.ts';
import { ItemFiles } from '../../attachments/ItemFiles.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useProsCons } from './board-context.ts';
import { ItemMoveMenu } from './ItemMoveMenu.tsx';

/** One pro or con: its text and author, and what may be done to it. */
export function ProsConsItemCard({ item, index, count }: { item: ProsConsItem; index: number; count: number }) {
  const { t } = useI18n();
  const { doc, boardId, actor, canEdit } = useProsCons();
  const [draft, setDraft] = useState<string | null>(null);
  const short = item.text.length > 40 ? `${item.text.slice(0, 40)}…` : item.text;
  const nudge = (delta: -1 | 1) => nudgeProsConsItem(doc, boardId, item.id, item.optionId, item.side, index, delta);

  const save = () => {
    if (draft !== null && draft.trim()) editProsConsItem(doc, boardId, actor, item.id, draft);
    setDraft(null);
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') setDraft(null);
  };

  return (
    <li className="swot-item" data-testid="pros-cons-item" data-item-id={item.id}>
      {draft === null ? (
        <p className="swot-text">{item.text}</p>
      ) : (
        <textarea className="swot-edit" value={draft} aria-label={t('prosCons.editItem')} autoFocus rows={3} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} maxLength={2000} />
      )}
      <ItemFiles
        ids={item.files ?? []}
        canEdit={canEdit}
        label={short}
        onAttach={(fileId) => attachToProsConsItem(doc, boardId, actor, item.id, fileId)}
        onDetach={(fileId) => detachFromProsConsItem(doc, boardId, actor, item.id, fileId)}
      />
      <div className="swot-meta">
        <span className="author">
          <Avatar id={item.authorId} name={item.authorName} size="sm" />
          {t('prosCons.by', { name: item.authorName })}
        </span>
      </div>
      {canEdit && (
        <div className="swot-actions">
          {draft === null ? (
            <>
              <button type="button" className="icon-button" onClick={() => setDraft(item.text)} aria-label={t('app.labelled', { label: t('prosCons.edit'), value: short })}>
                {t('prosCons.edit')}
              </button>
              <button type="button" className="icon-button" disabled={index === 0} onClick={() => nudge(-1)} aria-label={t('app.labelled', { label: t('prosCons.moveUp'), value: short })}>
                ↑
              </button>
              <button type="button" className="icon-button" disabled={index === count - 1} onClick={() => nudge(1)} aria-label={t('app.labelled', { label: t('prosCons.moveDown'), value: short })}>
                ↓
              </button>
              <ItemMoveMenu item={item} label={t('prosCons.moveItem', { text: short })} />
              <button type="button" className="icon-button danger" onClick={() => deleteProsConsItem(doc, boardId, item.id, short)} aria-label={t('prosCons.deleteItem', { text: short })}>
                {t('prosCons.delete')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button small primary" onClick={save}>
                {t('prosCons.save')}
              </button>
              <button type="button" className="button small ghost" onClick={() => setDraft(null)}>
                {t('prosCons.cancel')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
