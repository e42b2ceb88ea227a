import type { PollView, RoundView } from '#core/api/poll-view';
import type { Ballot, PollDefinition } from '#core/api/polls';
import type { EstimateSummary } from '#core/methods/delphi';
import { tallyPoll } from '#core/methods/tally';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { canonical } from './access.ts';
import { ballotsOf, eligibleVoters, participantsOf, roundsOf, type PollRecord } from './records.ts';

export function optionsOf(def: PollDefinition): string[] {
  if (def.kind === 'consent') return [def.proposal];
  if (def.kind === 'estimate') return [];
  if (def.kind === 'entries') return def.columns;
  return def.options;
}

/**
 * Builds what a caller sees of a poll. Sealed rounds contribute only who took part:
 * their ballots are never read here, so no answer can carry them.
 */
export async function pollView(ctx: Context, caller: Caller, poll: PollRecord): Promise<PollView> {
  const rounds = await roundsOf(ctx.db, poll.id);
  const names = new Map((await eligibleVoters(ctx.db, poll.activityId)).map((p) => [p.userId, p.name]));
  const views: RoundView[] = [];
  let previousEstimate: EstimateSummary | null = null;
  let previousByVoter: Map<string, string> | null = null;
  for (const r of rounds) {
    const participants = await participantsOf(ctx.db, poll.id, r.round);
    const view: RoundView = { ...r, participants, result: null, choices: null, changedInput: null };
    views.push(view);
    if (r.revealedAt === null) continue;
    const ballots = await ballotsOf(ctx.db, poll.id, r.round);
    const answers = await blockAnswers(ctx, poll.id, r.round);
    view.result = tallyPoll(poll.definition, ballots, { round: r.round, answers, previousEstimate });
    if (view.result.kind === 'estimate') previousEstimate = view.result.summary;
    if (poll.anonymous) continue;
    const byVoter = new Map(ballots.flatMap((b) => (b.voterId ? [[b.voterId, canonical(b.ballot)] as const] : [])));
    const nameOf = (userId: string) => names.get(userId) ?? participants.find((p) => p.userId === userId)?.name ?? '?';
    if (poll.kind !== 'estimate') {
      view.choices = ballots.flatMap((b) => (b.voterId ? [{ userId: b.voterId, name: nameOf(b.voterId), ballot: b.ballot }] : []));
    }
    if (previousByVoter) {
      const before = previousByVoter;
      view.changedInput = [...byVoter]
        .filter(([userId, text]) => before.has(userId) && before.get(userId) !== text)
        .map(([userId]) => ({ userId, name: nameOf(userId) }))
        .sort((a, b) => a.name.localeCompare(b.name));
    }
    previousByVoter = byVoter;
  }
  const current = views.find((v) => v.round === poll.round);
  const taken = current?.participants ?? [];
  const eligible = [...names].map(([userId, name]) => ({ userId, name }));
  const mineTaken = taken.some((p) => p.userId === caller.id);
  return {
    id: poll.id,
    activityId: poll.activityId,
    kind: poll.kind,
    question: poll.definition.question,
    options: optionsOf(poll.definition),
    rule: poll.definition.rule,
    deadline: current?.deadline ?? poll.definition.deadline,
    anonymous: poll.anonymous,
    status: poll.status,
    round: poll.round,
    definition: poll.definition,
    createdAt: poll.createdAt,
    participation: {
      eligible: eligible.length,
      taken,
      waiting: eligible.filter((p) => !taken.some((t) => t.userId === p.userId)),
    },
    mine: { taken: mineTaken, ballot: mineTaken && !poll.anonymous ? await ownBallot(ctx, poll, caller.id) : null },
    results: current?.result ?? null,
    rounds: views,
  };
}

async function ownBallot(ctx: Context, poll: PollRecord, userId: string): Promise<Ballot | null> {
  const row = await ctx.db.get<{ ballot: string }>(
    'SELECT ballot FROM poll_ballots WHERE poll_id = ? AND round = ? AND voter_id = ?',
    [poll.id, poll.round, userId],
  );
  return row ? (JSON.parse(row.ballot) as Ballot) : null;
}

async function blockAnswers(ctx: Context, pollId: string, round: number) {
  const rows = await ctx.db.all<{ ballot_key: string; answer: string }>(
    'SELECT ballot_key, answer FROM poll_block_answers WHERE poll_id = ? AND round = ?',
    [pollId, round],
  );
  return new Map(rows.map((r) => [r.ballot_key, r.answer]));
}
