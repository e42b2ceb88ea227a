import type { PollResult } from '../methods/tally.ts';
import type { Ballot, PollDefinition, PollKind, PollStatus } from './polls.ts';

/** A person as polls show them. */
export interface PollPerson {
  userId: string;
  name: string;
}

export interface RoundView {
  round: number;
  deadline: string;
  openedAt: string;
  /** Null while the round is sealed. */
  revealedAt: string | null;
  /** Who revealed it; null when the deadline did. */
  revealedBy: string | null;
  participants: PollPerson[];
  /** Only once revealed. */
  result: PollResult | null;
  /**
   * Revealed, but not counted: its anonymous ballots were sealed with a secret key the relay
   * does not have now (its operator changed or lost CONCLAVE_SECRET_KEY). Counted once it is back.
   */
  uncounted?: true;
  /** Who chose what: revealed named polls only (never for estimates: Delphi reasons stay unnamed). */
  choices: (PollPerson & { ballot: Ballot })[] | null;
  /** Revealed named polls from round 2: who gave different input than in the round before. */
  changedInput: PollPerson[] | null;
}

/** `GET /api/polls/:id`: participation while sealed, results once revealed. */
export interface PollView {
  id: string;
  activityId: string;
  kind: PollKind;
  question: string;
  options: string[];
  rule: string;
  deadline: string;
  anonymous: boolean;
  status: PollStatus;
  round: number;
  definition: PollDefinition;
  createdAt: string;
  participation: { eligible: number; taken: PollPerson[]; waiting: PollPerson[] };
  /** The caller's own input this round; in anonymous polls only whether they took part. */
  mine: { taken: boolean; ballot: Ballot | null };
  /** The current round's result; null while sealed. */
  results: PollResult | null;
  rounds: RoundView[];
}
