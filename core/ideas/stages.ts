import type { IdeaStatus } from './status.ts';

/**
 * The funnel an idea goes through, as the organisation names it per box: submitted →
 * shortlisted → under study → accepted / declined → implemented. The stage is read from
 * the idea's status (the answer its author is told, core/ideas/status.ts) and, while it
 * is still `new`, whether a facilitator shortlisted it. A box may rename any stage
 * (`stageNames`); a stage it leaves unnamed keeps the default name in the reader's language.
 */
export const ideaStages = ['submitted', 'shortlisted', 'under_study', 'accepted', 'declined', 'implemented'] as const;
export type IdeaStage = (typeof ideaStages)[number];

export type StageNames = Partial<Record<IdeaStage, string>>;

export const maxStageNameLength = 40;

export function stageOf(status: IdeaStatus, shortlisted: boolean): IdeaStage {
  if (status === 'new') return shortlisted ? 'shortlisted' : 'submitted';
  return status;
}

export const defaultStageNames = {
  en: { submitted: 'Submitted', shortlisted: 'Shortlisted', under_study: 'Under study', accepted: 'Accepted', declined: 'Declined', implemented: 'Implemented' },
  fr: { submitted: 'Déposée', shortlisted: 'Présélectionnée', under_study: 'À l’étude', accepted: 'Acceptée', declined: 'Refusée', implemented: 'Mise en œuvre' },
} as const satisfies Record<string, Record<IdeaStage, string>>;

/** The stage's name in this box: the box's own, else the default in `lang` (English unless French). */
export function stageName(stage: IdeaStage, names: StageNames, lang: string): string {
  const own = names[stage]?.trim();
  if (own) return own;
  return (lang.toLowerCase().startsWith('fr') ? defaultStageNames.fr : defaultStageNames.en)[stage];
}

/** Only an idea not answered yet is shortlisted or taken off the shortlist. */
export const mayShortlist = (status: IdeaStatus) => status === 'new';
