import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { scoreMax, scoreMin, type PriorityItem } from '#core/methods/prioritisation';
import { useI18n } from '../../i18n/index.tsx';
import { deletePriorityItem, editPriorityItem, placePriorityItem } from './actions.ts';

interface Props {
  doc: Y.Doc;
  boardId: string;
  item: PriorityItem;
  actor: Author;
  canEdit: boolean;
}

/** One item in its quadrant's list: its text, its impact and effort as numbers (typed too), edit and remove. */
export function PriorityItemRow({ doc, boardId, item, actor, canEdit }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);

  function save(e: FormEvent) {
    e.preventDefault();
    if (draft !== null && draft.trim()) editPriorityItem(doc, boardId, actor, item.id, draft);
    setDraft(null);
  }

  const score = (field: 'impact' | 'effort') => (
    <label className="score">
      <span>{t(`prioritisation.${field}`)}</span>
      <input
        type="number"
        min={scoreMin}
        max={scoreMax}
        value={item[field]}
        disabled={!canEdit}
        aria-label={t(`prioritisation.${field}Of`, { text: item.text })}
        onChange={(e) => {
          const value = e.target.valueAsNumber;
          if (Number.isFinite(value)) placePriorityItem(doc, boardId, item.id, field === 'impact' ? value : item.impact, field === 'effort' ? value : item.effort);
        }}
      />
    </label>
  );

  return (
    <li className="prioritisation-item" data-testid="prioritisation-item" data-item-id={item.id}>
      {draft === null ? (
        <span className="text">{item.text}</span>
      ) : (
        <form className="add-item" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}>
          <input autoFocus value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={t('prioritisation.editText', { text: item.text })} maxLength={500} />
          <button type="submit" className="button small primary">{t('prioritisation.save')}</button>
        </form>
      )}
      <span className="scores">
        {score('impact')}
        {score('effort')}
      </span>
      {canEdit && draft === null && (
        <span className="swot-actions">
          <button type="button" className="icon-button" onClick={() => setDraft(item.text)} aria-label={t('prioritisation.editText', { text: item.text })}>
            {t('prioritisation.edit')}
          </button>
          <button type="button" className="icon-button danger" onClick={() => deletePriorityItem(doc, boardId, item.id, item.text)} aria-label={t('prioritisation.remove', { text: item.text })}>
            ×
          </button>
        </span>
      )}
    </li>
  );
}
