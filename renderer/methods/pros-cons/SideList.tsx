import { useState, type FormEvent } from 'react';
import type { ProsConsItem, ProsConsOption, Side } from '#core/methods/pros-cons';
import { addProsConsItem } from '../../actions/pros-cons.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useProsCons } from './board-context.ts';
import { ProsConsItemCard } from './ProsConsItemCard.tsx';

interface Props {
  option: ProsConsOption;
  side: Side;
  items: ProsConsItem[];
}

/** The pros (or cons) of one option, in order, with a field to add one. */
export function SideList({ option, side, items }: Props) {
  const { t } = useI18n();
  const { doc, boardId, actor, canEdit } = useProsCons();
  const [text, setText] = useState('');
  const name = t('prosCons.sideOf', { side: t(`prosCons.${side}`), label: option.label });
  const fieldLabel = t(`prosCons.newItem.${side}`, { label: option.label });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    addProsConsItem(doc, boardId, actor, option.id, side, text);
    setText('');
  }

  return (
    <div className={`pros-cons-side side-${side}`} data-testid={`pros-cons-${side}`}>
      <h4>
        {t(`prosCons.${side}`)} <span className="muted small">({items.length})</span>
      </h4>
      {items.length === 0 ? (
        <p className="muted small">{t('prosCons.empty')}</p>
      ) : (
        <ol className="swot-items" aria-label={name}>
          {items.map((item, index) => (
            <ProsConsItemCard key={item.id} item={item} index={index} count={items.length} />
          ))}
        </ol>
      )}
      {canEdit && (
        <form className="add-item" onSubmit={submit}>
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder={fieldLabel} aria-label={fieldLabel} maxLength={2000} />
          <button type="submit" className="button small" disabled={!text.trim()} aria-label={t(`prosCons.addItem.${side}`, { label: option.label })}>
            {t('prosCons.add')}
          </button>
        </form>
      )}
    </div>
  );
}
