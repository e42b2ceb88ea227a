import type { BoardProps } from '../board-props.ts';
import { useI18n } from '../../i18n/index.tsx';
import { addCostBenefitBoard } from './actions.ts';
import { CostBenefitBoard } from './CostBenefitBoard.tsx';
import { useCostBenefitBoards } from './use-cost-benefit.ts';
import './cost-benefit.css';

/** Every cost/benefit board of the activity, live, and the facilitator's button to add one. */
export function CostBenefitBoards({ doc, actor, canEdit, facilitator }: BoardProps) {
  const { t } = useI18n();
  const boards = useCostBenefitBoards(doc);
  const canManage = facilitator && canEdit;
  if (boards.length === 0 && !canManage) return null;
  return (
    <div className="method-boards" data-testid="cost-benefit-boards">
      {boards.map((id, i) => (
        <CostBenefitBoard key={id} doc={doc} boardId={id} number={boards.length > 1 ? i + 1 : null} actor={actor} canEdit={canEdit} canManage={canManage} />
      ))}
      {canManage && (
        <button type="button" className="button" onClick={() => addCostBenefitBoard(doc, actor)}>
          {t('costBenefit.addBoard')}
        </button>
      )}
    </div>
  );
}
