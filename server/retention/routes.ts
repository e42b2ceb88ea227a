import type { Writable } from 'node:stream';
import { UpdateRetentionRequest } from '#core/api/organizations';
import { authenticate, refuseGuests, requireAdmin } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { readJson } from '../http/body.ts';
import type { Request, Router } from '../http/router.ts';
import { prepareArchive } from './archive.ts';
import { retentionSettings, setRetention } from './settings.ts';

/** The organisation's retention: what its plan keeps, and whether decisions stay (core/api/organizations.ts). */
export function retentionRoutes(router: Router, ctx: Context) {
  const caller = (req: Request) => authenticate(ctx, req.raw.headers.authorization);
  router
    .on('GET', '/api/organization/retention', async (req) => {
      const me = await caller(req);
      refuseGuests(me);
      return { body: await retentionSettings(ctx, me.orgId) };
    })
    .on('PUT', '/api/organization/retention', async (req) => {
      const me = await caller(req);
      requireAdmin(me);
      return { body: await setRetention(ctx, me.orgId, await readJson(req.raw, UpdateRetentionRequest)) };
    })
    .on('GET', '/api/activities/:id/archive.zip', async (req) => {
      const me = await caller(req);
      const archive = await prepareArchive(ctx, me, req.params.id ?? '', req.raw.headers['accept-language']);
      return {
        write: (out: Writable) => archive.write(out),
        contentType: 'application/zip',
        headers: { 'content-disposition': `attachment; filename="${archive.fileName}"` },
      };
    });
}
