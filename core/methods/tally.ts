import type { Ballot, PollDefinition, VoteFor } from '../api/polls.ts';
import { checkConsentInput, tallyConsent, type ConsentResult } from './consent.ts';
import { tallyEstimates, type EstimateResult, type EstimateSummary } from './delphi.ts';
import { checkDotsBallot, tallyDots, type DotsResult } from './dots.ts';
import { tallyInstantRunoff, type RunoffResult } from './instant-runoff.ts';
import { checkMatrixBallot, tallyMatrix, type MatrixResult, type Scale } from './matrix.ts';
import { tallySingle, type SingleResult } from './plurality.ts';
import { checkEntries, tallyEntries, type EntriesResult } from './private-entries.ts';
import { checkRankingBallot, tallyBorda, type BordaResult } from './ranking.ts';

/** The result of one round of a poll, whatever its kind. */
export type PollResult =
  | SingleResult
  | DotsResult
  | BordaResult
  | RunoffResult
  | MatrixResult
  | ConsentResult
  | EstimateResult
  | EntriesResult;

/** How many entries one person may write on a private-first board unless the poll says. */
export const defaultMaxEntries = 20;

export const defaultScale: Scale = { min: 0, max: 10 };

/** A ballot as the relay keeps it: `key` names the ballot, never (in anonymous polls) the voter. */
export interface KeyedBallot {
  key: string;
  ballot: Ballot;
}

/** The shape a ballot must have for this kind of poll. */
function is<K extends PollDefinition['kind']>(_kind: K, ballot: Ballot, field: string): ballot is VoteFor<K> {
  return field in ballot;
}

/**
 * Why `ballot` does not fit the poll (wrong shape, unknown option, out of range…), or
 * null when it does. One check, used by the relay before it stores a ballot.
 */
export function checkBallot(def: PollDefinition, ballot: Ballot): string | null {
  switch (def.kind) {
    case 'single':
      if (!is('single', ballot, 'choice')) return 'send {choice}';
      return def.options.includes(ballot.choice) ? null : `"${ballot.choice}" is not one of the options`;
    case 'dots':
      if (!is('dots', ballot, 'dots')) return 'send {dots: {option: n}}';
      return checkDotsBallot(def.options, ballot.dots, def.dotsPerPerson, def.maxPerOption ?? null);
    case 'ranking':
      if (!is('ranking', ballot, 'ranking')) return 'send {ranking: [options, best first]}';
      return checkRankingBallot(def.options, ballot.ranking);
    case 'matrix':
      if (!is('matrix', ballot, 'scores')) return 'send {scores: {option: {criterion: score}}}';
      return checkMatrixBallot(def.options, def.criteria, def.scale ?? defaultScale, ballot.scores);
    case 'consent':
      if (!is('consent', ballot, 'position')) return 'send {position, reason}';
      return checkConsentInput(ballot.position, ballot.reason);
    case 'estimate': {
      if (!is('estimate', ballot, 'value')) return 'send {value, reason}';
      if (def.min !== undefined && ballot.value < def.min) return `the estimate must be at least ${def.min}`;
      if (def.max !== undefined && ballot.value > def.max) return `the estimate must be at most ${def.max}`;
      return null;
    }
    case 'entries':
      if (!is('entries', ballot, 'entries')) return 'send {entries: [{column, text}]}';
      return checkEntries(def.columns, def.maxPerPerson ?? defaultMaxEntries, ballot.entries);
  }
}

export interface TallyContext {
  round: number;
  /** Answers to consent blocks, by ballot key. */
  answers?: ReadonlyMap<string, string>;
  /** The previous round's estimate summary, for convergence. */
  previousEstimate?: EstimateSummary | null;
}

/** Counts one round of a poll. Ballots that do not fit its kind are an error (they were checked on entry). */
export function tallyPoll(def: PollDefinition, ballots: readonly KeyedBallot[], context: TallyContext): PollResult {
  const of = <K extends PollDefinition['kind']>(kind: K, field: string) =>
    ballots.map(({ ballot }) => {
      if (!is(kind, ballot, field)) throw new Error(`a ${kind} poll holds a ballot of another kind`);
      return ballot;
    });
  switch (def.kind) {
    case 'single':
      return tallySingle(def.options, of('single', 'choice').map((b) => b.choice), def.rule);
    case 'dots':
      return tallyDots(def.options, of('dots', 'dots').map((b) => b.dots));
    case 'ranking': {
      const rankings = of('ranking', 'ranking').map((b) => b.ranking);
      return def.rule === 'borda' ? tallyBorda(def.options, rankings) : tallyInstantRunoff(def.options, rankings);
    }
    case 'matrix':
      return tallyMatrix(def.options, def.criteria, of('matrix', 'scores').map((b) => b.scores));
    case 'consent':
      return tallyConsent(
        of('consent', 'position').map((b, i) => {
          const key = ballots[i]?.key ?? '';
          return { key, position: b.position, reason: b.reason ?? null, answer: context.answers?.get(key) ?? null };
        }),
      );
    case 'estimate':
      return tallyEstimates(context.round, of('estimate', 'value'), context.previousEstimate ?? null);
    case 'entries':
      return tallyEntries(def.columns, of('entries', 'entries').map((b) => b.entries));
  }
}
