import { useState, type FormEvent } from 'react';
import { sides, type OptionView } from '#core/methods/pros-cons';
import { removeOption, renameOption } from '../../actions/pros-cons.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useProsCons } from './board-context.ts';
import { SideList } from './SideList.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';

/** One option: its label (renamed or removed by the facilitator), its tally, its pros and cons. */
export function OptionColumn({ view }: { view: OptionView }) {
  const { t } = useI18n();
  const { doc, boardId, canManage } = useProsCons();
  const { option } = view;
  const [draft, setDraft] = useState<string | null>(null);
  const headId = `option-${boardId}-${option.id}`;

  function save(e: FormEvent) {
    e.preventDefault();
    if (draft !== null && draft.trim()) renameOption(doc, boardId, option.id, draft);
    setDraft(null);
  }

  return (
    <section className="pros-cons-option" aria-labelledby={headId} data-testid="pros-cons-option" data-option-id={option.id}>
      <header className="quadrant-head">
        {draft === null ? (
          <h3 id={headId}>{option.label}</h3>
        ) : (
          <form className="add-item" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}>
            <h3 id={headId} className="visually-hidden">{option.label}</h3>
            <input autoFocus value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={t('prosCons.optionLabel', { label: option.label })} maxLength={200} />
            <button type="submit" className="button small primary">{t('prosCons.save')}</button>
            <button type="button" className="button small ghost" onClick={() => setDraft(null)}>{t('prosCons.cancel')}</button>
          </form>
        )}
        <span className="count" data-testid="pros-cons-tally">
          {t('prosCons.tally', { pros: view.pro.length, cons: view.con.length })}
        </span>
      </header>
      {canManage && draft === null && (
        <div className="swot-actions">
          <button type="button" className="icon-button" onClick={() => setDraft(option.label)} aria-label={t('prosCons.renameOption', { label: option.label })}>
            {t('prosCons.rename')}
          </button>
          <ConfirmButton
            className="icon-button danger"
            label={t('prosCons.removeOption', { label: option.label })}
            question={t('prosCons.removeConfirm', { label: option.label, pros: view.pro.length, cons: view.con.length })}
            confirm={t('prosCons.removeYes')}
            onConfirm={() => removeOption(doc, boardId, option.id, option.label)}
          >
            {t('prosCons.remove')}
          </ConfirmButton>
        </div>
      )}
      <div className="pros-cons-sides">
        {sides.map((side) => (
          <SideList key={side} option={option} side={side} items={view[side]} />
        ))}
      </div>
    </section>
  );
}
