import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { figuresText } from '#core/doc/cost-benefit';
import { formatMoney, type CostBenefitLine, type CostBenefitOption, type OptionFigures } from '#core/methods/cost-benefit';
import { useI18n } from '../../i18n/index.tsx';
import { deleteCostBenefitLine, removeCostOption } from './actions.ts';
import { AddLineForm } from './AddLineForm.tsx';

interface Props {
  doc: Y.Doc;
  boardId: string;
  option: CostBenefitOption;
  lines: CostBenefitLine[];
  figures: OptionFigures[];
  actor: Author;
  canEdit: boolean;
  canManage: boolean;
}

/** One option: its expected figures per currency, its lines, and the form to add one. */
export function CostOptionCard({ doc, boardId, option, lines, figures, actor, canEdit, canManage }: Props) {
  const { t, locale } = useI18n();
  return (
    <section className="cost-option" aria-label={option.label} data-testid="cost-option">
      <header className="quadrant-head">
        <h3>{option.label}</h3>
        {canManage && (
          <button type="button" className="icon-button danger" onClick={() => removeCostOption(doc, boardId, option.id, option.label)} aria-label={t('costBenefit.removeOption', { label: option.label })}>
            ×
          </button>
        )}
      </header>
      {figures.map((f) => (
        <p key={f.currency} className="cost-figures" data-testid="cost-figures">
          {figuresText(f, locale)}
        </p>
      ))}
      <ul className="cost-lines">
        {lines.map((l) => (
          <li key={l.id} data-testid="cost-line">
            <span className={`cost-side side-${l.side}`}>{t(`costBenefit.${l.side}`)}</span> <span className="text">{l.label}</span>{' '}
            <span>{formatMoney(l.amount, l.currency, locale)}</span> · <span>{t(`costBenefit.${l.recurrence}`)}</span> · <span>{l.probability} %</span>
            {canEdit && (
              <button type="button" className="icon-button danger" onClick={() => deleteCostBenefitLine(doc, boardId, l.id, l.label)} aria-label={t('costBenefit.removeLine', { label: l.label })}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && <AddLineForm doc={doc} boardId={boardId} option={option} actor={actor} />}
    </section>
  );
}
