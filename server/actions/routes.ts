import { NewActionRequest } from '#core/api/action-items';
import { DayParam } from '#core/api/figures';
import { dayIn } from '#core/figures/days';
import { z } from 'zod';
import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson } from '../http/body.ts';
import type { Request, Router } from '../http/router.ts';
import { validate } from '../validate.ts';
import { ActionRate, createActionItem } from './create.ts';
import { myActions, overdueActions } from './mine.ts';

const OverdueQuery = z.strictObject({ today: DayParam.optional() });

/** Action items through the API (core/api/action-items.ts). */
export function actionRoutes(router: Router, ctx: Context) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  const rate = new ActionRate(ctx.rates);
  router
    .on('POST', '/api/activities/:id/actions', async (req) => {
      const me = await caller(req);
      const input = await readJson(req.raw, NewActionRequest);
      return { status: 201, body: await createActionItem(ctx, rate, me, req.params.id ?? '', input) };
    })
    .on('GET', '/api/me/actions', async (req) => ({ body: await myActions(ctx, await caller(req)) }))
    .on('GET', '/api/activities/:id/actions/overdue', async (req) => {
      const me = await caller(req);
      const { today } = validate(OverdueQuery, Object.fromEntries(req.query));
      return { body: await overdueActions(ctx, me, req.params.id ?? '', today ?? dayIn(ctx.now(), 'UTC')) };
    });
}
