import { AnswerBlockRequest, CreatePollRequest, NewRoundRequest, voteSchemas } from '#core/api/polls';
import { activityFor } from '../activities/activities.ts';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { pollFor } from './access.ts';
import { castBallot } from './ballots.ts';
import { answerBlock, createPoll, openRound, revealDue, revealPoll, type DeadlinesChanged } from './polls.ts';
import { pollsOfActivity } from './records.ts';
import type { Tallies } from './tallies.ts';
import { pollView } from './view.ts';
import { readJson, readNoBody } from '../http/body.ts';
import type { Request, Router } from '../http/router.ts';

/**
 * Polls (sealed votes, scores, estimates). Every read or write first reveals rounds
 * whose deadline has passed, so the answer never depends on the timer's punctuality.
 */
export function pollRoutes(router: Router, ctx: Context, deadlinesChanged: DeadlinesChanged, tallies: Tallies) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const id = (req: Request) => req.params.id ?? '';
  const viewOf = async (req: Request, status = 200) => {
    const me = await caller(req);
    const { poll } = await pollFor(ctx, me, id(req));
    return { status, body: await pollView(ctx, me, poll, tallies) };
  };

  router
    .on('POST', '/api/activities/:id/polls', async (req) => {
      const me = await caller(req);
      const input = await readJson(req.raw, CreatePollRequest);
      return { status: 201, body: await createPoll(ctx, me, id(req), input, deadlinesChanged) };
    })
    .on('GET', '/api/activities/:id/polls', async (req) => {
      const me = await caller(req);
      await activityFor(ctx, me, id(req));
      await revealDue(ctx);
      const polls = await pollsOfActivity(ctx.db, id(req));
      return { body: { polls: await Promise.all(polls.map((p) => pollView(ctx, me, p, tallies))) } };
    })
    .on('GET', '/api/polls/:id', async (req) => {
      await revealDue(ctx, id(req));
      return viewOf(req);
    })
    .on('POST', '/api/polls/:id/votes', async (req) => {
      const me = await caller(req);
      await revealDue(ctx, id(req));
      const { poll, activity } = await pollFor(ctx, me, id(req));
      const ballot = await readJson(req.raw, voteSchemas[poll.kind]);
      await castBallot(ctx, me, poll, activity.myRole, ballot);
      return viewOf(req, 201);
    })
    .on('POST', '/api/polls/:id/reveal', async (req) => {
      const me = await caller(req);
      await readNoBody(req.raw);
      await revealDue(ctx, id(req));
      await revealPoll(ctx, me, id(req));
      return viewOf(req);
    })
    .on('POST', '/api/polls/:id/rounds', async (req) => {
      const me = await caller(req);
      await revealDue(ctx, id(req));
      const { deadline } = await readJson(req.raw, NewRoundRequest);
      await openRound(ctx, me, id(req), deadline, deadlinesChanged);
      return viewOf(req, 201);
    })
    .on('POST', '/api/polls/:id/block-answers', async (req) => {
      const me = await caller(req);
      const { key, answer } = await readJson(req.raw, AnswerBlockRequest);
      await answerBlock(ctx, me, id(req), key, answer);
      return viewOf(req);
    });
}
