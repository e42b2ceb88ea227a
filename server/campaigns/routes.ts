import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PublicIdeaQuery, PublicSignupRequest, publicPageSize, maxPublicOffset, publicSorts } from '#core/api/campaigns';
import { pageLanguage } from '#core/campaigns/page-texts';
import { webCsp } from '#core/csp';
import { authenticate, deviceOf } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson, readNoBody } from '../http/body.ts';
import type { Reply, Request, Router } from '../http/router.ts';
import { validate } from '../validate.ts';
import { notFound, Refusal } from '../errors.ts';
import { ErrorCode } from '#core/api/errors';
import { CommentListQuery } from '#core/api/idea-comments';
import type { CampaignRates } from './limits.ts';
import { renderMissingPage, renderPage } from './page.ts';
import type { PageAssets } from './page-assets.ts';
import { myCampaigns } from './participant-access.ts';
import { readPublicPhoto, readPublicThumbnail } from './photo.ts';
import type { PublicThumbnails } from './thumbnails.ts';
import { myPublicVotes, publicIdeas } from './public-box.ts';
import { latestComments, publicComments } from './public-comments.ts';
import { confirmPublicSignUp, publicSignUp, takeSignupAddress } from './signup.ts';

/** A public answer: the same for everyone, so a proxy may keep it; revalidated by its ETag. */
function cacheable(req: IncomingMessage, reply: { raw: string; contentType: string; headers: Record<string, string> }, maxAge: number): Reply {
  const etag = `"${createHash('sha256').update(reply.raw).digest('base64url').slice(0, 27)}"`;
  const headers = { ...reply.headers, etag, 'cache-control': `public, max-age=${maxAge}`, vary: 'Accept-Language' };
  if (req.headers['if-none-match'] === etag) return { status: 304, headers };
  return { ...reply, headers };
}

/** A photo is shown as what it was stored as, in a sandbox; the same for everyone, so kept a while. */
const photoHeaders = { 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; sandbox", 'cache-control': 'public, max-age=300' };

/** The page's headers: the app's strict CSP, no sniffing, no referrer. */
const pageHeaders = { 'content-security-policy': webCsp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/** A slug that is no published box: null (the page says so in HTML); anything else stays an error. */
function missing(err: unknown): null {
  if (err instanceof Refusal && err.code === ErrorCode.notFound) return null;
  throw err;
}

/** `?sort=&page=` of the page, read leniently: anything odd is the first page by votes. */
function pageQuery(query: URLSearchParams) {
  const sort = (publicSorts as readonly string[]).includes(query.get('sort') ?? '') ? (query.get('sort') as (typeof publicSorts)[number]) : 'votes';
  const asked = Number(query.get('page') ?? '1');
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, Math.floor(maxPublicOffset / publicPageSize) + 1) : 1;
  return { sort, page };
}

/** Published idea boxes: read by anyone, joined by public participants (core/api/campaigns.ts). */
export function campaignRoutes(router: Router, ctx: Context, rates: CampaignRates, assets: PageAssets, thumbnails: PublicThumbnails) {
  const slug = (req: Request) => req.params.slug ?? '';
  const origin = () => (ctx.config.publicUrl ?? '').replace(/\/+$/, '');

  router
    .on('GET', '/ideas/:slug', async (req) => {
      const { sort, page } = pageQuery(req.query);
      const box = await publicIdeas(ctx, slug(req), { sort, offset: (page - 1) * publicPageSize, limit: publicPageSize }).catch(missing);
      const lang = pageLanguage(req.query.get('lang'), req.raw.headers['accept-language'], box?.language ?? 'en');
      const headers = { ...pageHeaders, 'content-language': lang };
      if (!box) return { status: 404, raw: renderMissingPage(lang), contentType: 'text/html; charset=utf-8', headers };
      const comments = await latestComments(ctx.db, box.ideas.map((i) => i.id));
      const html = renderPage(box, { lang, sort, page, pageSize: publicPageSize, origin: origin(), scripts: await assets.headTags(), comments });
      return cacheable(req.raw, { raw: html, contentType: 'text/html; charset=utf-8', headers }, 0);
    })
    .on('GET', '/api/public/idea-boxes/:slug', async (req) => {
      const query = validate(PublicIdeaQuery, Object.fromEntries(req.query));
      const box = await publicIdeas(ctx, slug(req), query);
      return cacheable(req.raw, { raw: JSON.stringify(box), contentType: 'application/json; charset=utf-8', headers: {} }, 10);
    })
    .on('GET', '/api/public/idea-boxes/:slug/ideas/:id/photo', async (req) => {
      const photo = await readPublicPhoto(ctx, slug(req), req.params.id ?? '');
      return { stream: photo.stored.stream, length: photo.stored.size, contentType: photo.type, headers: photoHeaders };
    })
    .on('GET', '/api/public/idea-boxes/:slug/ideas/:id/comments', async (req) => {
      const query = validate(CommentListQuery, Object.fromEntries(req.query));
      const page = await publicComments(ctx, slug(req), req.params.id ?? '', query);
      return cacheable(req.raw, { raw: JSON.stringify(page), contentType: 'application/json; charset=utf-8', headers: {} }, 10);
    })
    .on('GET', '/api/public/idea-boxes/:slug/ideas/:id/thumbnail', async (req) => {
      const photo = await readPublicThumbnail(ctx, thumbnails, slug(req), req.params.id ?? '');
      return { stream: photo.stored.stream, length: photo.stored.size, contentType: photo.type, headers: photoHeaders };
    })
    .on('POST', '/api/public/idea-boxes/:slug/sign-up', async (req) => {
      await takeSignupAddress(ctx, rates, req.address);
      const input = await readJson(req.raw, PublicSignupRequest);
      await publicSignUp(ctx, rates, slug(req), input);
      return { status: 202, body: {} };
    })
    .on('POST', '/api/public/sign-up/:token', async (req) => {
      await readNoBody(req.raw);
      const session = await confirmPublicSignUp(ctx, req.params.token ?? '', deviceOf(req.raw.headers['user-agent']));
      return { status: 201, body: session };
    })
    .on('GET', '/api/public/idea-boxes/:slug/my-votes', async (req) => {
      const me = await authenticate(ctx, req.raw.headers.authorization);
      return { body: await myPublicVotes(ctx, me.id, slug(req)) };
    })
    .on('GET', '/api/public/me/campaigns', async (req) => {
      const me = await authenticate(ctx, req.raw.headers.authorization);
      if (!me.participant) throw notFound('campaigns');
      return { body: await myCampaigns(ctx, me) };
    });
}
