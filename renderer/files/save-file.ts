import type { FileVersion } from '#core/api/files';
import type { ApiClient } from '../api/client.ts';
import { fileBytes } from '../api/files.ts';

/** Saves a file as uploaded, under its name (the relay serves it only with the bearer token, so through a blob: URL). */
export async function saveFile(api: ApiClient, file: Pick<FileVersion, 'id' | 'name'>): Promise<void> {
  const url = URL.createObjectURL(await fileBytes(api, file.id));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
