import type { UploadedFiles } from '#core/api/files';
import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/files.ts';

/** What people do with an activity's files; the relay judges each (rights, size, storage). */
export function attachFile(api: ApiClient, activityId: string, file: File, onProgress: (sent: number, total: number) => void): Promise<UploadedFiles> {
  return endpoints.sendFiles(api, activityId, [file], onProgress);
}

export function addVersion(api: ApiClient, fileId: string, file: File, onProgress: (sent: number, total: number) => void): Promise<UploadedFiles> {
  return endpoints.sendVersion(api, fileId, file, onProgress);
}

export function removeFile(api: ApiClient, fileId: string) {
  return endpoints.deleteFile(api, fileId);
}
