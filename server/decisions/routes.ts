import { PublishDecisionRequest, RateDecisionRequest } from '#core/api/decisions';
import { decisionMarkdown } from '#core/decisions/markdown';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { decisionPdf } from './pdf.ts';
import { readerLocale } from './reader-locale.ts';
import type { PublishDecision } from './publication.ts';
import { acknowledgeDecision, decisionNotices, decisionRecord, rateDecision, readNotice } from './record.ts';
import { readJson, readNoBody } from '../http/body.ts';
import { notFound } from '../errors.ts';
import type { Request, Router } from '../http/router.ts';

const fileName = (title: string, ext: string) => `decision-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'record'}.${ext}`;

export function decisionRoutes(router: Router, ctx: Context, publish: PublishDecision) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const id = (req: Request) => req.params.id ?? '';

  router
    .on('POST', '/api/activities/:id/decision', async (req) => {
      const me = await caller(req);
      const input = await readJson(req.raw, PublishDecisionRequest);
      return { status: 201, body: await publish(me, id(req), input) };
    })
    .on('GET', '/api/activities/:id/decision', async (req) => ({ body: await decisionRecord(ctx, await caller(req), id(req)) }))
    .on('POST', '/api/activities/:id/decision/acknowledgement', async (req) => {
      const me = await caller(req);
      await readNoBody(req.raw);
      await acknowledgeDecision(ctx, me, id(req));
      return { body: await decisionRecord(ctx, me, id(req)) };
    })
    .on('POST', '/api/activities/:id/decision/ratings', async (req) => {
      const me = await caller(req);
      await rateDecision(ctx, me, id(req), await readJson(req.raw, RateDecisionRequest));
      return { body: await decisionRecord(ctx, me, id(req)) };
    })
    .on('GET', '/api/activities/:id/decision/export.md', async (req) => {
      const me = await caller(req);
      const record = await decisionRecord(ctx, me, id(req));
      return {
        raw: decisionMarkdown(record, await readerLocale(ctx, me, req.raw.headers['accept-language'])),
        contentType: 'text/markdown; charset=utf-8',
        headers: { 'content-disposition': `attachment; filename="${fileName(record.activityTitle, 'md')}"` },
      };
    })
    .on('GET', '/api/activities/:id/decision/export.pdf', async (req) => {
      const me = await caller(req);
      const record = await decisionRecord(ctx, me, id(req));
      return {
        raw: Buffer.from(await decisionPdf(record, ctx.now(), await readerLocale(ctx, me, req.raw.headers['accept-language']))),
        contentType: 'application/pdf',
        headers: { 'content-disposition': `attachment; filename="${fileName(record.activityTitle, 'pdf')}"` },
      };
    })
    .on('GET', '/api/decision-notices', async (req) => ({ body: { notices: await decisionNotices(ctx, await caller(req)) } }))
    .on('POST', '/api/decision-notices/:id/read', async (req) => {
      const n = Number(id(req));
      if (!Number.isInteger(n) || n <= 0) throw notFound('notice');
      const me = await caller(req);
      await readNoBody(req.raw);
      await readNotice(ctx, me, n);
      return {};
    });
}
