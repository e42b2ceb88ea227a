import { z } from 'zod';
import { lineText, linesText } from '../text/clean.ts';
import { ideaVerdicts } from '../ideas/study.ts';
import { Id, IsoDateTime } from './common.ts';

/**
 * The decision record of an activity: `POST /api/activities/:id/decision` publishes it
 * (closing the activity's polls), `GET` reads it with acknowledgements and ratings.
 */
export const ReviewDate = z.union([z.iso.date({ message: 'a date such as 2027-03-01' }), IsoDateTime]);

/** Most files one decision record lists. */
export const maxDecisionFiles = 20;

export const PublishDecisionRequest = z.strictObject({
  outcome: linesText().min(1, 'say what was decided').max(2000),
  rationale: linesText().min(1, 'say why').max(20_000),
  /** The option chosen, when the decision picks one. */
  chosenOption: lineText().min(1).max(200).optional(),
  /** The minority view, kept on the record. */
  dissent: linesText().max(20_000).optional(),
  /** When to look back at how the decision turned out. */
  reviewDate: ReviewDate.optional(),
  /** Polls whose results go on the record; all of the activity's polls when omitted. */
  polls: z.array(Id).max(50).optional(),
  /** Files of the activity attached to the record, in this order. */
  files: z.array(Id).max(maxDecisionFiles).optional(),
  /**
   * Required when the activity studies an idea ("Study this idea"): the idea's answer;
   * the rationale is its reason, told to its author. Refused otherwise.
   */
  ideaAnswer: z.enum(ideaVerdicts).optional(),
});
export type PublishDecisionRequest = z.infer<typeof PublishDecisionRequest>;

export const RateDecisionRequest = z.strictObject({
  /** 1 (it turned out badly) to 5 (very well). */
  rating: z.int().min(1).max(5),
  comment: linesText().max(2000).optional(),
});
export type RateDecisionRequest = z.infer<typeof RateDecisionRequest>;

/** One revealed round of a poll on the record: how many took part of how many could, and its result. */
export interface RoundOnRecord {
  round: number;
  participants: number;
  eligible: number;
  result: unknown;
}

/** One method's result as attached to the record (the shape of `PollResult` in core/methods/tally). */
export interface AttachedResult {
  pollId: string;
  kind: string;
  question: string;
  rounds: number;
  /** The last revealed round's result. */
  result: unknown;
  /** Every revealed round, first to last (absent from records published before it was kept). */
  roundResults?: RoundOnRecord[];
}

/** One board as the record keeps it (core/doc/board-records.ts): its words in each language, and how many lines were left out. */
export interface BoardOnRecord {
  id: string;
  kind: string;
  en: { title: string; lines: string[] };
  fr: { title: string; lines: string[] };
  more: number;
}

export interface DecisionRecipient {
  userId: string;
  name: string;
  /** What became of the SMS: queued/sent/delivered…, or why none was sent (no_consent, no_phone…). */
  sms: { messageId: string | null; status: string; segments: number | null } | null;
  acknowledgedAt: string | null;
  acknowledgedVia: 'sms' | 'app' | 'email' | null;
}

/** An action item of the activity as the record lists it (read from the relay's index when the record is read). */
export interface DecisionAction {
  id: string;
  title: string;
  ownerName: string;
  /** YYYY-MM-DD. */
  due: string;
  status: 'todo' | 'doing' | 'done' | 'dropped';
  /** Made from the decision record (rather than on a board). */
  fromDecision: boolean;
}

/**
 * A file attached to the record, as it was when the decision was published: `fileId` is
 * null once the file was removed from the activity (the record still names it).
 */
export interface DecisionFile {
  fileId: string | null;
  name: string;
  size: number;
  type: string;
}

export interface DecisionRecord {
  id: string;
  /** The organisation's name, printed on the record and its exports. */
  organization: string;
  activityId: string;
  activityTitle: string;
  question: string;
  outcome: string;
  chosenOption: string | null;
  rationale: string;
  dissent: string | null;
  reviewDate: string | null;
  results: AttachedResult[];
  /** Files attached when it was published (absent from records read before files were kept). */
  files?: DecisionFile[];
  /** The activity's boards when the decision was published (absent from records published before they were kept). */
  boards?: BoardOnRecord[];
  publishedBy: { userId: string; name: string };
  publishedAt: string;
  recipients: DecisionRecipient[];
  ratings: { count: number; mean: number | null; mine: number | null; comments: string[] };
  /** The activity's action items, soonest due first (at most `recordActionsLimit`); absent from records of older relays. */
  actions?: DecisionAction[];
  /** The idea this activity studied ("Study this idea") and the answer it got; absent or null otherwise. */
  idea?: StudiedIdeaOnRecord | null;
}

export interface StudiedIdeaOnRecord {
  id: string;
  boxId: string;
  title: string;
  /** The idea's status now (accepted or declined once the decision answered it). */
  status: string;
}

export const recordActionsLimit = 200;
