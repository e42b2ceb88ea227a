import { memo, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { SwotItem } from '#core/methods/swot';
import { setEditing } from '../../actions/presence.ts';
import { attachToSwotItem, deleteSwotItem, detachFromSwotItem, editSwotItem, moveSwotItem, nudgeSwotItem } from '../../actions/swot.ts';
import { ItemFiles } from '../../attachments/ItemFiles.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { Present } from '../../state/use-presence.ts';
import { dragType, useBoard } from './board-context.ts';
import { MoveMenu } from './MoveMenu.tsx';

interface Props {
  item: SwotItem;
  index: number;
  count: number;
  /** Other people editing this item now. */
  editors: Present[];
  /** Drop handler of the quadrant; a drop on an item lands before it. */
  onDrop(e: DragEvent, index: number): void;
}

/** One item: its text and author, who else is editing it, and what may be done to it. */
export const SwotItemCard = memo(function SwotItemCard({ item, index, count, editors, onDrop }: Props) {
  const { t } = useI18n();
  const { doc, awareness, actor, canEdit } = useBoard();
  const [draft, setDraft] = useState<string | null>(null);
  const short = item.text.length > 40 ? `${item.text.slice(0, 40)}…` : item.text;

  const startEditing = () => {
    setDraft(item.text);
    setEditing(awareness, item.id);
  };
  const stopEditing = () => {
    setDraft(null);
    setEditing(awareness, null);
  };
  const save = () => {
    if (draft !== null && draft.trim()) editSwotItem(doc, actor, item.id, draft);
    stopEditing();
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') stopEditing();
  };

  return (
    <li
      className={`swot-item${editors.length > 0 ? ' being-edited' : ''}`}
      data-testid="swot-item"
      data-item-id={item.id}
      draggable={canEdit && draft === null}
      onDragStart={(e) => {
        e.dataTransfer.setData(dragType, item.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(e) => {
        if (canEdit && e.dataTransfer.types.includes(dragType)) e.preventDefault();
      }}
      onDrop={(e) => onDrop(e, index)}
    >
      {draft === null ? (
        <p className="swot-text">{item.text}</p>
      ) : (
        <textarea
          className="swot-edit"
          value={draft}
          aria-label={t('swot.editItem')}
          autoFocus
          rows={Math.min(6, Math.max(2, Math.ceil(draft.length / 40)))}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
          maxLength={2000}
        />
      )}
      <ItemFiles
        ids={item.files ?? []}
        canEdit={canEdit}
        label={short}
        onAttach={(fileId) => attachToSwotItem(doc, actor, item.id, fileId)}
        onDetach={(fileId) => detachFromSwotItem(doc, actor, item.id, fileId)}
      />
      <div className="swot-meta">
        <span className="author">
          <Avatar id={item.authorId} name={item.authorName} size="sm" />
          {t('swot.by', { name: item.authorName })}
        </span>
        {editors.map((p) => (
          <span key={p.clientId} className="editing-badge" data-testid="editing-badge">
            {t('presence.editing', { name: p.name })}
          </span>
        ))}
      </div>
      {canEdit && (
        <div className="swot-actions">
          {draft === null ? (
            <>
              <button type="button" className="icon-button" onClick={startEditing} aria-label={t('app.labelled', { label: t('swot.edit'), value: short })}>
                {t('swot.edit')}
              </button>
              <button type="button" className="icon-button" disabled={index === 0} onClick={() => nudgeSwotItem(doc, item.id, item.quadrant, index, -1)} aria-label={t('app.labelled', { label: t('swot.moveUp'), value: short })}>
                ↑
              </button>
              <button type="button" className="icon-button" disabled={index === count - 1} onClick={() => nudgeSwotItem(doc, item.id, item.quadrant, index, 1)} aria-label={t('app.labelled', { label: t('swot.moveDown'), value: short })}>
                ↓
              </button>
              <MoveMenu
                from={item.quadrant}
                label={t('swot.moveItem', { text: short })}
                onMove={(to) => moveSwotItem(doc, item.id, to, Number.MAX_SAFE_INTEGER)}
              />
              <button type="button" className="icon-button danger" onClick={() => deleteSwotItem(doc, item.id, short)} aria-label={t('swot.deleteItem', { text: short })}>
                {t('swot.delete')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button small primary" onClick={save}>
                {t('swot.save')}
              </button>
              <button type="button" className="button small ghost" onClick={stopEditing}>
                {t('swot.cancel')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
});
