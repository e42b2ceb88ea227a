import type { Writable } from 'node:stream';
import { UpdateRetentionRequest } from '#core/api/organizations';
import { authenticate, refuseGuests, requireAdmin } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { takeDownload } from '../files/downloads.ts';
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
      // It reads the activity's files: a download's place, given back when it is written or cut.
      const release = takeDownload(ctx, me);
      const archive = await prepareArchive(ctx, me, req.params.id ?? '', req.raw.headers['accept-language']).catch((err: unknown) => {
        release();
        throw err;
      });
      return {
        write: (out: Writable) => {
          // A reader gone mid-way: the place goes with the connection, at once; the writing stops at the next bytes it writes (drained.ts).
          out.once('close', release);
          return archive.write(out).finally(release);
        },
        contentType: 'application/zip',
        headers: { 'content-disposition': `attachment; filename="${archive.fileName}"` },
      };
    });
}
