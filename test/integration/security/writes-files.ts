import { memberEdits } from './rules.ts';
import type { Write } from './writes.ts';

/**
 * Files of the sealed board (the contributor attached them). Refused callers are judged
 * before a byte of the body is read, so the body here is not even multipart: whoever
 * may attach never reaches it.
 */
export const fileWrites: Write[] = [
  {
    name: 'POST /api/activities/:id/files',
    method: 'POST',
    path: (w) => `/api/activities/${w.ids.sealed}/files`,
    body: () => ({ file: 'not a multipart body' }),
    rule: memberEdits,
  },
  {
    name: 'POST /api/files/:id/versions',
    method: 'POST',
    path: (w) => `/api/files/${w.ids.file}/versions`,
    body: () => ({ file: 'not a multipart body' }),
    rule: memberEdits,
  },
  // Its uploader (the contributor) or a facilitator removes it; a guest, another contributor of the board, may not.
  {
    name: 'DELETE /api/files/:id',
    method: 'DELETE',
    path: (w) => `/api/files/${w.ids.file}`,
    rule: memberEdits,
    guest: 403,
  },
];
