import { DocumentAtQuery, RestoreRequest } from '#core/api/history';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson } from '../http/body.ts';
import type { Request, Router } from '../http/router.ts';
import { validate } from '../validate.ts';
import { documentAt } from './moment.ts';
import { restoreMoment } from './restore.ts';
import type { HistoryService } from './service.ts';

export function historyRoutes(router: Router, ctx: Context, history: HistoryService) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const id = (req: Request) => req.params.id ?? '';

  router
    .on('GET', '/api/activities/:id/document', async (req) => {
      const me = await caller(req);
      const { at } = validate(DocumentAtQuery, Object.fromEntries(req.query));
      return { body: await documentAt(ctx, history, me, id(req), new Date(at)) };
    })
    .on('POST', '/api/activities/:id/restore', async (req) => {
      const me = await caller(req);
      return { body: await restoreMoment(ctx, history, me, id(req), await readJson(req.raw, RestoreRequest)) };
    });
}
