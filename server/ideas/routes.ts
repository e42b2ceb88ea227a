import { z } from 'zod';
import { ChangeIdeaStatusRequest, HideIdeaRequest, IdeaListQuery, SimilarQuery } from '#core/api/ideas';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { changeStatus, hideIdea } from './answers.ts';
import { contributors, ideaDetail, listIdeas } from './list.ts';
import type { SimilarTitles } from './similar.ts';
import { readIdeaForm } from './multipart.ts';
import { ideaNotices, readIdeaNotice } from './notices.ts';
import { photoOf, storage } from './photos.ts';
import type { IdeasSettings } from './settings.ts';
import { submitIdea } from './submit.ts';
import { castVote } from './votes.ts';
import { readJson, readNoBody } from '../http/body.ts';
import { validate } from '../validate.ts';
import { notFound } from '../errors.ts';
import type { Request, Router } from '../http/router.ts';

/** The idea box's API (core/api/ideas.ts). */
export function ideaRoutes(router: Router, ctx: Context, settings: IdeasSettings, titles: SimilarTitles) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const id = (req: Request) => req.params.id ?? '';

  router
    .on('POST', '/api/activities/:id/ideas', async (req) => {
      const me = await caller(req);
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
      const photo = await photoOf(ctx, settings, await caller(req), id(req));
      return { raw: photo.bytes, contentType: photo.type, headers: photoHeaders };
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

/** A photo is shown as what it was stored as, in a sandbox, and never cached by a shared proxy. */
const photoHeaders = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  'cache-control': 'private, no-store',
};
