import { z } from 'zod';
import type { ApiErrorBody } from '#core/api/errors';
import { FileList, PreviewPreparing, UploadedFiles } from '#core/api/files';
import { ApiError, type ApiClient } from './client.ts';
import { loadToken } from './relay.ts';

/** Files attached to an activity (core/api/files.ts). */
export const listFiles = (api: ApiClient, activityId: string) => api.call('GET', `/api/activities/${activityId}/files`, FileList);

export const deleteFile = (api: ApiClient, fileId: string) => api.call('DELETE', `/api/files/${fileId}`, z.unknown());

/** An image's thumbnail (WebP) made by the relay; refused 404 when it has none. */
export const fileThumbnail = (api: ApiClient, fileId: string) => api.blob(`/api/files/${fileId}/thumbnail`);

/**
 * An Office document as the PDF the relay made of it, or `preparing` while LibreOffice
 * makes it (202: ask again after `previewRetrySeconds`) or cannot start it yet (429: the
 * person's share of conversions is under way; 503: the relay's line is full); refused 404
 * when it has none.
 */
export async function officePreview(api: ApiClient, fileId: string): Promise<Blob | 'preparing'> {
  const answer = await api.blobWithStatus(`/api/files/${fileId}/preview`).catch((err: unknown) => {
    if (err instanceof ApiError && (err.code === 'rate_limited' || err.code === 'busy')) return 'later' as const;
    throw err;
  });
  if (answer === 'later') return 'preparing';
  const { status, blob } = answer;
  if (status === 202) {
    PreviewPreparing.parse(JSON.parse(await blob.text()));
    return 'preparing';
  }
  return blob;
}

/** A file's bytes, as uploaded. */
export const fileBytes = (api: ApiClient, fileId: string) => api.blob(`/api/files/${fileId}`);

/**
 * Sends files as multipart/form-data (parts named `file`), telling how much has gone
 * (XMLHttpRequest: fetch tells nothing of an upload's progress). Resolves with what the
 * relay stored; a refusal is an ApiError like any other.
 */
export function sendFiles(api: ApiClient, activityId: string, files: readonly File[], onProgress: Progress): Promise<UploadedFiles> {
  return postFiles(api, `/api/activities/${activityId}/files`, files, onProgress);
}

/** Sends a new version of a file (`POST /api/files/:id/versions`, one part named `file`). */
export function sendVersion(api: ApiClient, fileId: string, file: File, onProgress: Progress): Promise<UploadedFiles> {
  return postFiles(api, `/api/files/${fileId}/versions`, [file], onProgress);
}

type Progress = (sent: number, total: number) => void;

async function postFiles(api: ApiClient, path: string, files: readonly File[], onProgress: Progress): Promise<UploadedFiles> {
  const token = await loadToken();
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  return new Promise<UploadedFiles>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${api.base}${path}`);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded, e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The relay cannot be reached.'));
    xhr.onload = () => {
      let json: unknown = {};
      try {
        json = JSON.parse(xhr.responseText || '{}');
      } catch {
        // not JSON: described by its status below
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(UploadedFiles.parse(json));
        return;
      }
      const err = (json as Partial<ApiErrorBody>).error;
      reject(new ApiError(xhr.status, err?.code ?? 'internal_error', err?.message ?? xhr.statusText, err?.issues ?? [], err?.planLimit ?? null));
    };
    xhr.send(form);
  });
}
