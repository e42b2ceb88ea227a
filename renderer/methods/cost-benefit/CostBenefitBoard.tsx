import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { useI18n } from '../../i18n/index.tsx';
import { addCostOption, setHorizon } from './actions.ts';
import { CostOptionCard } from './CostOptionCard.tsx';
import { useCostBenefitBoard } from './use-cost-benefit.ts';

interface Props {
  doc: Y.Doc;
  boardId: string;
  number: number | null;
  actor: Author;
  canEdit: boolean;
  canManage: boolean;
}

/** One cost/benefit board: its horizon, then a card per option with its lines and expected figures. */
export function CostBenefitBoard({ doc, boardId, number, actor, canEdit, canManage }: Props) {
  const { t } = useI18n();
  const board = useCostBenefitBoard(doc, boardId);
  const [label, setLabel] = useState('');
  const titleId = `cost-benefit-${boardId}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!label.trim()) return;
    addCostOption(doc, boardId, label);
    setLabel('');
  }

  return (
    <section className="cost-benefit" aria-labelledby={titleId} data-testid="cost-benefit-board" data-board-id={boardId}>
      <div className="section-head">
        <h2 id={titleId}>{number === null ? t('costBenefit.title') : t('costBenefit.titleNumbered', { n: number })}</h2>
        <label className="horizon">
          {t('costBenefit.horizon')}{' '}
          <input
            type="number"
            min={1}
            max={600}
            value={board.horizon}
            disabled={!canManage}
            onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 1 && e.target.valueAsNumber <= 600 && setHorizon(doc, boardId, e.target.valueAsNumber)}
          />
        </label>
      </div>
      <p className="muted small">{t('costBenefit.help')}</p>
      {board.options.length === 0 && <p className="muted small">{t(canManage ? 'costBenefit.noOptionsFacilitator' : 'costBenefit.noOptions')}</p>}
      <div className="cost-benefit-options">
        {board.options.map((option) => (
          <CostOptionCard
            key={option.id}
            doc={doc}
            boardId={boardId}
            option={option}
            lines={board.lines.filter((l) => l.optionId === option.id)}
            figures={board.figures.filter((f) => f.optionId === option.id)}
            actor={actor}
            canEdit={canEdit}
            canManage={canManage}
          />
        ))}
      </div>
      {canManage && (
        <form className="add-item" onSubmit={submit}>
          <input value={label} onChange={(e) => setLabel(e.target.value)} aria-label={t('costBenefit.newOption')} placeholder={t('costBenefit.newOption')} maxLength={200} />
          <button type="submit" className="button small" disabled={!label.trim()}>
            {t('costBenefit.addOption')}
          </button>
        </form>
      )}
    </section>
  );
}
