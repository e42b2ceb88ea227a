import { useState, type FormEvent } from 'react';
import { addOption } from '../../actions/pros-cons.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useProsCons } from './board-context.ts';

/** The facilitator adds an option to weigh. */
export function AddOptionForm() {
  const { t } = useI18n();
  const { doc, boardId } = useProsCons();
  const [label, setLabel] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!label.trim()) return;
    addOption(doc, boardId, label);
    setLabel('');
  }

  return (
    <form className="add-item add-option" onSubmit={submit}>
      <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('prosCons.newOption')} aria-label={t('prosCons.newOption')} maxLength={200} />
      <button type="submit" className="button small" disabled={!label.trim()}>
        {t('prosCons.addOption')}
      </button>
    </form>
  );
}
