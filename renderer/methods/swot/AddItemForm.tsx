import { useState, type FormEvent } from 'react';
import type { Quadrant } from '#core/methods/swot';
import { addSwotItem } from '../../actions/swot.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useBoard } from './board-context.ts';

export function AddItemForm({ quadrant }: { quadrant: Quadrant }) {
  const { t } = useI18n();
  const { doc, actor } = useBoard();
  const [text, setText] = useState('');
  const name = t(`swot.${quadrant}`);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    addSwotItem(doc, actor, quadrant, text);
    setText('');
  }

  return (
    <form className="add-item" onSubmit={submit}>
      <input
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('swot.newItem', { quadrant: name })}
        aria-label={t('swot.newItem', { quadrant: name })}
        maxLength={2000}
      />
      <button type="submit" className="button small" disabled={!text.trim()} aria-label={t('swot.addTo', { quadrant: name })}>
        {t('swot.add')}
      </button>
    </form>
  );
}
