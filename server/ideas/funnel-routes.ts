import { z } from 'zod';
import { IdeaBoxSettingsPatch, MergeIdeaRequest, ModerateIdeaRequest, ReportIdeaRequest } from '#core/api/idea-funnel';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson } from '../http/body.ts';
import type { Request, Router } from '../http/router.ts';
import { updateBoxSettings, boxFunnel } from './box-settings.ts';
import { ideaBox } from './access.ts';
import { mergeIdea } from './merge.ts';
import { studyIdea } from './study.ts';
import { dismissReports, moderateIdea, reportIdea, shortlistIdea } from './moderation.ts';
import { ideaQueues } from './queues.ts';
import type { SimilarTitles } from './similar.ts';

/** Moderation and the funnel of an idea box (core/api/idea-funnel.ts). */
export function funnelRoutes(router: Router, ctx: Context, titles: SimilarTitles) {
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
    });
}
