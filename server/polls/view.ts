import type { PollView, RoundView } from '#core/api/poll-view';
import type { Ballot, PollDefinition } from '#core/api/polls';
import type { EstimateSummary } from '#core/methods/delphi';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { canonical } from './access.ts';
import { eligibleVoters, participantsOf, roundsOf, type PollRecord } from './records.ts';
import type { Tallies } from './tallies.ts';
import { UnopenedBallots } from './sealing.ts';

export function optionsOf(def: PollDefinition): string[] {
  if (def.kind === 'consent') return [def.proposal];
  if (def.kind === 'estimate') return [];
  if (def.kind === 'entries') return def.columns;
  return def.options;
}

/**
 * Builds what a caller sees of a poll. Sealed rounds contribute only who took part:
 * their ballots are never read here, so no answer can carry them. Revealed rounds are
 * counted once per state (`tallies`); the rest is linear in the number of voters.
 */
export async function pollView(ctx: Context, caller: Caller, poll: PollRecord, tallies: Tallies): Promise<PollView> {
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
    let counted;
    try {
      counted = await tallies.round(ctx.db, poll, r.round, previousEstimate, canonical);
    } catch (err) {
      // One poll the relay cannot count says so; the activity's other polls are still shown.
      if (!(err instanceof UnopenedBallots)) throw err;
      ctx.log.error({ poll: poll.id, round: r.round }, 'revealed round not counted: its ballots were sealed with another CONCLAVE_SECRET_KEY');
      view.uncounted = true;
      continue;
    }
    view.result = counted.result;
    if (view.result.kind === 'estimate') previousEstimate = view.result.summary;
    if (poll.anonymous) continue;
    const byVoter = new Map(counted.choices.map((c) => [c.voterId, c.text] as const));
    const participantNames = new Map(participants.map((p) => [p.userId, p.name]));
    const nameOf = (userId: string) => names.get(userId) ?? participantNames.get(userId) ?? '?';
    if (poll.kind !== 'estimate') {
      view.choices = counted.choices.map((c) => ({ userId: c.voterId, name: nameOf(c.voterId), ballot: c.ballot }));
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
  const takenIds = new Set(taken.map((p) => p.userId));
  const mineTaken = takenIds.has(caller.id);
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
      waiting: eligible.filter((p) => !takenIds.has(p.userId)),
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
