import { z } from 'zod';
import { IdeaBoxSettingsPatch, IdeaCreditRequest, MergeIdeaRequest, ModerateIdeaRequest, ReportIdeaRequest, RewardRequest } from '#core/api/idea-funnel';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson } from '../http/body.ts';
import type { Request, Router } from '../http/router.ts';
import { updateBoxSettings, boxFunnel } from './box-settings.ts';
import { ideaBox } from './access.ts';
import { mergeIdea } from './merge.ts';
import { ideaCredit, recognition, setIdeaCredit } from './recognition.ts';
import { rewardIdea } from './rewards.ts';
import type { IdeasSettings } from './settings.ts';
import { studiedIdea, studyIdea } from './study.ts';
import { dismissReports, moderateIdea, reportIdea, shortlistIdea } from './moderation.ts';
import { ideaQueues } from './queues.ts';
import type { SimilarTitles } from './similar.ts';

/** Moderation and the funnel of an idea box (core/api/idea-funnel.ts). */
export function funnelRoutes(router: Router, ctx: Context, titles: SimilarTitles, settings: IdeasSettings) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const id = (req: Request) => req.params.id ?? '';
  router
    .on('GET', '/api/activities/:id/idea-settings', async (req) => {
      const box = await ideaBox(ctx, await caller(req), id(req));
      return { body: await boxFunnel(ctx, box.id) };
    })
    .on('PATCH', '/api/activities/:id/idea-settings', async (req) => {
      const me = await caller(req);
      return { body: await updateBoxSettings(ctx, me, id(req), await readJson(req.raw, IdeaBoxSettingsPatch)) };
    })
    .on('GET', '/api/activities/:id/idea-queues', async (req) => ({ body: await ideaQueues(ctx, await caller(req), id(req)) }))
    .on('POST', '/api/ideas/:id/moderation', async (req) => {
      const me = await caller(req);
      return { body: await moderateIdea(ctx, me, id(req), await readJson(req.raw, ModerateIdeaRequest), titles) };
    })
    .on('POST', '/api/ideas/:id/shortlist', async (req) => {
      const me = await caller(req);
      await readJson(req.raw, z.strictObject({}));
      return { body: await shortlistIdea(ctx, me, id(req), true) };
    })
    .on('DELETE', '/api/ideas/:id/shortlist', async (req) => ({ body: await shortlistIdea(ctx, await caller(req), id(req), false) }))
    .on('POST', '/api/ideas/:id/reports', async (req) => {
      const me = await caller(req);
      return { status: 201, body: await reportIdea(ctx, me, id(req), await readJson(req.raw, ReportIdeaRequest)) };
    })
    .on('DELETE', '/api/ideas/:id/reports', async (req) => ({ body: await dismissReports(ctx, await caller(req), id(req)) }))
    .on('POST', '/api/ideas/:id/merge', async (req) => {
      const me = await caller(req);
      const { into } = await readJson(req.raw, MergeIdeaRequest);
      return { body: await mergeIdea(ctx, me, id(req), into, titles) };
    })
    .on('POST', '/api/ideas/:id/study', async (req) => {
      const me = await caller(req);
      await readJson(req.raw, z.strictObject({}));
      return { status: 201, body: await studyIdea(ctx, me, id(req)) };
    })
    .on('GET', '/api/activities/:id/studied-idea', async (req) => ({ body: await studiedIdea(ctx, await caller(req), id(req)) }))
    .on('POST', '/api/ideas/:id/reward', async (req) => {
      const me = await caller(req);
      const { text } = await readJson(req.raw, RewardRequest);
      return { status: 201, body: await rewardIdea(ctx, me, id(req), text, settings.crashAfterReward) };
    })
    .on('GET', '/api/activities/:id/recognition', async (req) => ({ body: await recognition(ctx, await caller(req), id(req)) }))
    .on('GET', '/api/me/idea-credit', async (req) => ({ body: await ideaCredit(ctx, await caller(req)) }))
    .on('PUT', '/api/me/idea-credit', async (req) => {
      const me = await caller(req);
      return { body: await setIdeaCredit(ctx, me, (await readJson(req.raw, IdeaCreditRequest)).credit) };
    });
}
