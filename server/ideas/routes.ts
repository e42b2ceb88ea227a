import { z } from 'zod';
import { ChangeIdeaStatusRequest, HideIdeaRequest, IdeaListQuery, SimilarQuery } from '#core/api/ideas';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { changeStatus, hideIdea } from './answers.ts';
import { contributors, ideaDetail, listIdeas } from './list.ts';
import type { SimilarTitles } from './similar.ts';
import { readIdeaForm } from './multipart.ts';
import { ideaNotices, readIdeaNotice } from './notices.ts';
import { photoStoreFor } from './photo-store.ts';
import { photoOf, storage } from './photos.ts';
import type { IdeasSettings } from './settings.ts';
import { submitIdea } from './submit.ts';
import type { CampaignRates } from '../campaigns/limits.ts';
import { castVote } from './votes.ts';
import { readJson, readNoBody } from '../http/body.ts';
import { validate } from '../validate.ts';
import { notFound } from '../errors.ts';
import type { Request, Router } from '../http/router.ts';
import { IdeaBoxSettingsPatch, IdeaCreditRequest, MergeIdeaRequest, ModerateIdeaRequest, ReportIdeaRequest, RewardRequest } from '#core/api/idea-funnel';
import { updateBoxSettings, boxFunnel } from './box-settings.ts';
import { ideaBox } from './access.ts';
import { mergeIdea } from './merge.ts';
import { ideaCredit, recognition, setIdeaCredit } from './recognition.ts';
import { rewardIdea } from './rewards.ts';
import { studiedIdea, studyIdea } from './study.ts';
import { dismissReports, moderateIdea, reportIdea, shortlistIdea } from './moderation.ts';
import { ideaQueues } from './queues.ts';
import { CommentListQuery, HideCommentRequest, ModerateCommentRequest, PostCommentRequest } from '#core/api/idea-comments';
import { approveComment, dismissCommentReports, hideComment, reportComment } from './comment-moderation.ts';
import { listComments, postComment } from './comments.ts';
import { myHeldComments } from './my-comments.ts';

/** The idea box's API (core/api/ideas.ts). */
export function ideaRoutes(router: Router, ctx: Context, settings: IdeasSettings, titles: SimilarTitles, rates: CampaignRates) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const id = (req: Request) => req.params.id ?? '';

  router
    .on('POST', '/api/activities/:id/ideas', async (req) => {
      const me = await caller(req);
      // A public participant's ideas are counted per person and per address before a byte is read.
      if (me.participant) await rates.takeIdea(me.id, req.address, ctx.now().getTime());
      const multipart = /^multipart\/form-data\b/i.test(req.raw.headers['content-type'] ?? '');
      const form = multipart
        ? await readIdeaForm(req.raw, settings.photoMaxBytes)
        : { fields: await readJson(req.raw, z.unknown()), photo: null };
      return { status: 201, body: await submitIdea(ctx, settings, me, id(req), form.fields, form.photo, titles) };
    })
    .on('GET', '/api/activities/:id/ideas', async (req) => {
      const me = await caller(req);
      const filter = validate(IdeaListQuery, Object.fromEntries(req.query));
      return { body: await listIdeas(ctx, me, id(req), filter) };
    })
    .on('GET', '/api/activities/:id/ideas/similar', async (req) => {
      const me = await caller(req);
      const { title } = validate(SimilarQuery, Object.fromEntries(req.query));
      return { body: { similar: await titles.similar(ctx, me, id(req), title) } };
    })
    .on('GET', '/api/activities/:id/contributors', async (req) => ({
      body: { contributors: await contributors(ctx, await caller(req), id(req)) },
    }))
    .on('GET', '/api/ideas/storage', async (req) => ({ body: await storage(ctx, settings, await caller(req)) }))
    .on('GET', '/api/ideas/:id', async (req) => ({ body: await ideaDetail(ctx, await caller(req), id(req)) }))
    .on('GET', '/api/ideas/:id/photo', async (req) => {
      const photo = await photoOf(ctx, photoStoreFor(ctx), await caller(req), id(req));
      return { stream: photo.stored.stream, length: photo.stored.size, contentType: photo.type, headers: photoHeaders };
    })
    .on('POST', '/api/ideas/:id/votes', async (req) => {
      const me = await caller(req);
      await readJson(req.raw, z.strictObject({}));
      return { body: await castVote(ctx, me, id(req), true) };
    })
    .on('DELETE', '/api/ideas/:id/votes', async (req) => ({ body: await castVote(ctx, await caller(req), id(req), false) }))
    .on('POST', '/api/ideas/:id/status', async (req) => {
      const me = await caller(req);
      return { body: await changeStatus(ctx, me, id(req), await readJson(req.raw, ChangeIdeaStatusRequest), settings.crashAfterAnswer) };
    })
    .on('POST', '/api/ideas/:id/hidden', async (req) => {
      const me = await caller(req);
      const { reason } = await readJson(req.raw, HideIdeaRequest);
      return { body: await hideIdea(ctx, me, id(req), reason, titles) };
    })
    .on('DELETE', '/api/ideas/:id/hidden', async (req) => ({ body: await hideIdea(ctx, await caller(req), id(req), null, titles) }))
    .on('GET', '/api/idea-notices', async (req) => ({ body: await ideaNotices(ctx, await caller(req)) }))
    .on('POST', '/api/idea-notices/:id/read', async (req) => {
      const n = Number(req.params.id);
      if (!Number.isInteger(n) || n <= 0) throw notFound('notice');
      const me = await caller(req);
      await readNoBody(req.raw);
      await readIdeaNotice(ctx, me, n);
      return {};
    });
}

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
      return { body: await mergeIdea(ctx, me, id(req), into, titles, settings.crashAfterMerge) };
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

/** Comments on ideas (core/api/idea-comments.ts), for members and public participants alike. */
export function commentRoutes(router: Router, ctx: Context, rates: CampaignRates) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const id = (req: Request) => req.params.id ?? '';
  router
    .on('GET', '/api/ideas/:id/comments', async (req) => {
      const me = await caller(req);
      return { body: await listComments(ctx, me, id(req), validate(CommentListQuery, Object.fromEntries(req.query))) };
    })
    .on('GET', '/api/activities/:id/my-comments', async (req) => ({ body: await myHeldComments(ctx, await caller(req), id(req)) }))
    .on('POST', '/api/ideas/:id/comments', async (req) => {
      const me = await caller(req);
      // Counted per account (and a participant's address) before a byte of the body is read.
      await rates.takeComment(me, req.address, ctx.now().getTime());
      return { status: 201, body: await postComment(ctx, me, id(req), await readJson(req.raw, PostCommentRequest)) };
    })
    .on('POST', '/api/idea-comments/:id/reports', async (req) => {
      const me = await caller(req);
      return { status: 201, body: await reportComment(ctx, me, id(req), await readJson(req.raw, ReportIdeaRequest)) };
    })
    .on('DELETE', '/api/idea-comments/:id/reports', async (req) => ({ body: await dismissCommentReports(ctx, await caller(req), id(req)) }))
    .on('POST', '/api/idea-comments/:id/hidden', async (req) => {
      const me = await caller(req);
      const { reason } = await readJson(req.raw, HideCommentRequest);
      return { body: await hideComment(ctx, me, id(req), reason) };
    })
    .on('DELETE', '/api/idea-comments/:id/hidden', async (req) => ({ body: await hideComment(ctx, await caller(req), id(req), null) }))
    .on('POST', '/api/idea-comments/:id/moderation', async (req) => {
      const me = await caller(req);
      await readJson(req.raw, ModerateCommentRequest);
      return { body: await approveComment(ctx, me, id(req)) };
    });
}


/** A photo is shown as what it was stored as, in a sandbox, and never cached by a shared proxy. */
const photoHeaders = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  'cache-control': 'private, no-store',
};
