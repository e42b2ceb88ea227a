import { previewRetrySeconds, type PreviewPreparing } from '#core/api/files';
import { authenticate } from '../accounts/sessions.ts';
import type { Request, Router } from '../http/router.ts';
import { addVersion, attachFiles, listFiles, openFile, openPreview, openThumbnail, removeFile } from './files.ts';
import type { FilesDeps } from './deps.ts';
import { downloading } from './downloads.ts';
import { fileHeaders } from './serve.ts';

/** Files attached to activities (core/api/files.ts). */
export function fileRoutes(router: Router, deps: FilesDeps) {
  const caller = (req: Request) => authenticate(deps.ctx, req.raw.headers.authorization);
  const id = (req: Request) => req.params.id ?? '';

  router
    .on('POST', '/api/activities/:id/files', async (req) => ({ status: 201, body: await attachFiles(deps, await caller(req), id(req), req.raw) }))
    .on('POST', '/api/files/:id/versions', async (req) => ({ status: 201, body: await addVersion(deps, await caller(req), id(req), req.raw) }))
    .on('GET', '/api/activities/:id/files', async (req) => ({ body: await listFiles(deps, await caller(req), id(req)) }))
    .on('GET', '/api/files/:id', async (req) => {
      const me = await caller(req);
      const file = await downloading(deps.ctx, me, () => openFile(deps, me, id(req)));
      const { contentType, headers } = fileHeaders(file);
      return { stream: file.stream, length: file.size, contentType, headers };
    })
    .on('GET', '/api/files/:id/thumbnail', async (req) => {
      const thumbnail = await openThumbnail(deps, await caller(req), id(req));
      const { contentType, headers } = fileHeaders({ name: thumbnail.name, type: 'image/webp', charset: null });
      return { stream: thumbnail.stream, length: thumbnail.size, contentType, headers };
    })
    .on('GET', '/api/files/:id/preview', async (req) => {
      const me = await caller(req);
      const pdf = await downloading(deps.ctx, me, () => openPreview(deps, me, id(req)));
      if (pdf === 'preparing') return { status: 202, body: { status: pdf } satisfies PreviewPreparing, headers: { 'retry-after': String(previewRetrySeconds) } };
      const { contentType, headers } = fileHeaders({ name: pdf.name, type: 'application/pdf', charset: null });
      return { stream: pdf.stream, length: pdf.size, contentType, headers };
    })
    .on('DELETE', '/api/files/:id', async (req) => {
      await removeFile(deps, await caller(req), id(req));
      return {};
    });
}
