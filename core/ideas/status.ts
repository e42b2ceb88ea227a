/**
 * The life of an idea: new → under study → accepted or declined → implemented.
 *
 * Every idea gets an answer. A decline always carries its reason (the author reads it),
 * so does reopening a declined idea; other changes may carry one. The table below is
 * the whole rule: the relay judges with `judgeStatusChange` and the client offers only
 * the moves it allows.
 */
export const ideaStatuses = ['new', 'under_study', 'accepted', 'declined', 'implemented'] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];

export const nextStatuses: Record<IdeaStatus, readonly IdeaStatus[]> = {
  new: ['under_study', 'accepted', 'declined'],
  under_study: ['accepted', 'declined'],
  accepted: ['implemented', 'declined'],
  declined: ['under_study'],
  implemented: [],
};

/** Moves whose reason the author must be given. */
export const reasonRequired = (from: IdeaStatus, to: IdeaStatus) => to === 'declined' || from === 'declined';

export const maxReasonLength = 500;

export const StatusRefusal = {
  same: 'same_status',
  notAllowed: 'not_allowed',
  reasonRequired: 'reason_required',
  reasonTooLong: 'reason_too_long',
} as const;
export type StatusRefusal = (typeof StatusRefusal)[keyof typeof StatusRefusal];

export interface StatusJudgement {
  refusal: StatusRefusal;
  message: string;
}

const label: Record<IdeaStatus, string> = {
  new: 'new',
  under_study: 'under study',
  accepted: 'accepted',
  declined: 'declined',
  implemented: 'implemented',
};

/** Why a status change is refused, or null when it may be made. */
export function judgeStatusChange(from: IdeaStatus, to: IdeaStatus, reason: string | null | undefined): StatusJudgement | null {
  const why = (reason ?? '').trim();
  if (from === to) return { refusal: StatusRefusal.same, message: `The idea is already ${label[to]}.` };
  if (!nextStatuses[from].includes(to)) {
    const allowed = nextStatuses[from].map((s) => label[s]);
    return {
      refusal: StatusRefusal.notAllowed,
      message:
        allowed.length === 0
          ? `An idea that is ${label[from]} cannot change any more.`
          : `An idea that is ${label[from]} can only become ${allowed.join(' or ')}.`,
    };
  }
  if (reasonRequired(from, to) && why === '') {
    return {
      refusal: StatusRefusal.reasonRequired,
      message: to === 'declined' ? 'Say why the idea is declined: its author will read the reason.' : 'Say why the idea is reconsidered: its author will read the reason.',
    };
  }
  if ([...why].length > maxReasonLength) {
    return { refusal: StatusRefusal.reasonTooLong, message: `A reason has at most ${maxReasonLength} characters.` };
  }
  return null;
}

/** An idea is answered once it has left `new`. */
export const isAnswered = (status: IdeaStatus) => status !== 'new';
