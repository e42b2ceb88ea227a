import type { IdeaStage, StageNames } from '#core/ideas/stages';
import { stageName } from '#core/ideas/stages';
import { useI18n } from '../i18n/index.tsx';

/** Where an idea stands in the box's funnel, named as the box names its stages. */
export function IdeaStageBadge({ stage, names }: { stage: IdeaStage; names: StageNames }) {
  const { t, locale } = useI18n();
  return (
    <span className={`badge idea-stage-${stage}`} data-testid="idea-stage" title={t('ideas.stage', { name: stageName(stage, names, locale) })}>
      {stageName(stage, names, locale)}
    </span>
  );
}
