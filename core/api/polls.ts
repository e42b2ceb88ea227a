import { z } from 'zod';
import { lineText, linesText } from '../text/clean.ts';
import { consentPositions } from '../methods/consent.ts';
import { Id } from './common.ts';

/**
 * Polls: the sealed methods of an activity (votes, scores, estimates). The request
 * bodies of `POST /api/activities/:id/polls`, `POST /api/polls/:id/votes`, and the view
 * `GET /api/polls/:id` answers with.
 *
 * The question gate: a poll opens only with a precise question, its options (for
 * consent, the proposal; for an estimate, the quantity asked; for private entries, the
 * board's columns), a decision rule and a deadline in the future (the relay checks the
 * last against its clock).
 */
export const pollKinds = ['single', 'dots', 'ranking', 'matrix', 'consent', 'estimate', 'entries'] as const;
export const PollKind = z.enum(pollKinds);
export type PollKind = z.infer<typeof PollKind>;

/**
 * The fewest ballots an anonymous round must hold before its facilitator may reveal it
 * by hand (the deadline reveals it whatever the count): below that, the result would
 * tell who chose what.
 */
export const anonymousRevealMinimum = 3;

export const Label = lineText().min(1, 'a label cannot be empty').max(120);

const distinct = (labels: string[]) => new Set(labels.map((l) => l.toLocaleLowerCase())).size === labels.length;

export const Options = z
  .array(Label, { error: 'options: a list of option labels is required' })
  .min(2, 'give at least two options')
  .max(30, 'at most 30 options')
  .refine(distinct, 'each option must have a different label');

export const Deadline = z.iso.datetime({ offset: true, error: 'a deadline is required, as an ISO date-time' });

/** The question gate's first test: a question precise enough to answer. */
export const PollQuestion = lineText({ error: 'a precise question is required' })
  .min(10, 'a precise question needs at least 10 characters')
  .max(500);

const common = {
  question: PollQuestion,
  deadline: Deadline,
  /** An anonymous poll never stores who chose what, even after the reveal. */
  anonymous: z.boolean().optional(),
  description: linesText().max(5000).optional(),
};

export const CreateSinglePoll = z.strictObject({
  kind: z.literal('single'),
  options: Options,
  rule: z.enum(['plurality', 'majority'], { error: 'rule: plurality or majority' }),
  ...common,
});

export const CreateDotsPoll = z.strictObject({
  kind: z.literal('dots'),
  options: Options,
  rule: z.literal('most-dots', { error: 'rule: most-dots' }),
  dotsPerPerson: z.int().min(1).max(100),
  maxPerOption: z.int().min(1).max(100).optional(),
  ...common,
});

export const CreateRankingPoll = z.strictObject({
  kind: z.literal('ranking'),
  options: Options,
  rule: z.enum(['borda', 'instant-runoff'], { error: 'rule: borda or instant-runoff' }),
  ...common,
});

export const Criterion = z.strictObject({ label: Label, weight: z.number().min(0).max(1000) });

export const CreateMatrixPoll = z
  .strictObject({
    kind: z.literal('matrix'),
    options: Options,
    criteria: z
      .array(Criterion)
      .min(1, 'give at least one criterion')
      .max(20)
      .refine((cs) => distinct(cs.map((c) => c.label)), 'each criterion must have a different label')
      .refine((cs) => cs.some((c) => c.weight > 0), 'at least one criterion needs a weight above 0'),
    scale: z.strictObject({ min: z.number(), max: z.number() }).optional(),
    rule: z.literal('weighted-sum', { error: 'rule: weighted-sum' }),
    ...common,
  })
  .refine((p) => !p.scale || p.scale.min < p.scale.max, { message: 'the scale minimum must be below its maximum', path: ['scale'] });

export const CreateConsentPoll = z.strictObject({
  kind: z.literal('consent'),
  /** The proposal members consent to: the one option of a consent poll. */
  proposal: linesText().min(10, 'write the proposal out (at least 10 characters)').max(5000),
  rule: z.literal('consent', { error: 'rule: consent' }),
  ...common,
});

export const CreateEstimatePoll = z
  .strictObject({
    kind: z.literal('estimate'),
    /** What is estimated, e.g. "first-year sales". */
    quantity: Label,
    unit: lineText().max(40).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    rule: z.literal('median', { error: 'rule: median' }),
    ...common,
  })
  .refine((p) => p.min === undefined || p.max === undefined || p.min < p.max, {
    message: 'min must be below max',
    path: ['max'],
  });

/**
 * "Private first" entries for a board: each member writes alone, sealed, and all
 * entries appear at the reveal. `method` names the board in the activity's document
 * (its id under `methods`), `columns` its columns (e.g. the four SWOT quadrants).
 */
export const CreateEntriesPoll = z.strictObject({
  kind: z.literal('entries'),
  method: z.string().trim().min(1).max(64),
  columns: Options,
  maxPerPerson: z.int().min(1).max(50).optional(),
  rule: z.literal('collect', { error: 'rule: collect' }),
  ...common,
});

export const CreatePollRequest = z.discriminatedUnion('kind', [
  CreateSinglePoll,
  CreateDotsPoll,
  CreateRankingPoll,
  CreateMatrixPoll,
  CreateConsentPoll,
  CreateEstimatePoll,
  CreateEntriesPoll,
]);
export type CreatePollRequest = z.infer<typeof CreatePollRequest>;
/** A poll's definition as stored: what the facilitator asked, fixed once it opens. */
export type PollDefinition = CreatePollRequest;

export const SingleVote = z.strictObject({ choice: Label });
export const DotsVote = z.strictObject({ dots: z.record(Label, z.int().min(0).max(100)) });
export const RankingVote = z.strictObject({ ranking: z.array(Label).min(1).max(30) });
export const MatrixVote = z.strictObject({ scores: z.record(Label, z.record(Label, z.number())) });
export const ConsentVote = z.strictObject({
  position: z.enum(consentPositions),
  reason: linesText().max(2000).optional(),
});
export const EstimateVote = z.strictObject({
  value: z.number().refine(Number.isFinite, 'a finite number'),
  reason: linesText().min(1, 'give the reason for your estimate').max(2000),
});

export const EntriesVote = z.strictObject({
  entries: z.array(z.strictObject({ column: Label, text: linesText().min(1, 'an entry needs some text').max(2000) })).max(50),
});

/** The body of `POST /api/polls/:id/votes`, by kind of poll. */
export const voteSchemas = {
  single: SingleVote,
  dots: DotsVote,
  ranking: RankingVote,
  matrix: MatrixVote,
  consent: ConsentVote,
  estimate: EstimateVote,
  entries: EntriesVote,
} as const;

export type VoteFor<K extends PollKind> = z.infer<(typeof voteSchemas)[K]>;
export type Ballot = { [K in PollKind]: VoteFor<K> }[PollKind];

export const NewRoundRequest = z.strictObject({ deadline: Deadline });
export const AnswerBlockRequest = z.strictObject({ key: z.string().min(1).max(64), answer: linesText().min(1).max(2000) });
export const PollIdParam = Id;

export const PollStatus = z.enum(['open', 'revealed', 'closed']);
export type PollStatus = z.infer<typeof PollStatus>;
