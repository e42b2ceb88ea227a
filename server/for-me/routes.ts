import { authenticate } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import type { Router } from '../http/router.ts';
import { forMe } from './for-me.ts';

/** `GET /api/me/for-me` (core/api/for-me.ts). */
export function forMeRoutes(router: Router, ctx: Context) {
  router.on('GET', '/api/me/for-me', async (req) => ({ body: await forMe(ctx, await authenticate(ctx, req.raw.headers.authorization)) }));
}
