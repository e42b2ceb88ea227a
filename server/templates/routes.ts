import { SaveTemplateRequest } from '#core/api/templates';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson, readNoBody } from '../http/body.ts';
import type { Request, Router } from '../http/router.ts';
import { listTemplates, removeTemplate, saveTemplate, SaveRate } from './templates.ts';

/** Activity templates (core/api/templates.ts). */
export function templateRoutes(router: Router, ctx: Context) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const rate = new SaveRate(ctx.rates);
  router
    .on('GET', '/api/activity-templates', async (req) => ({ body: await listTemplates(ctx, await caller(req)) }))
    .on('POST', '/api/activity-templates', async (req) => {
      const me = await caller(req);
      return { status: 201, body: await saveTemplate(ctx, rate, me, await readJson(req.raw, SaveTemplateRequest)) };
    })
    .on('DELETE', '/api/activity-templates/:id', async (req) => {
      const me = await caller(req);
      await readNoBody(req.raw);
      await removeTemplate(ctx, me, req.params.id ?? '');
      return { status: 204 };
    });
}
