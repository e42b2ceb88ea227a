import type { ApiClient } from '../api/client.ts';
import { ideaPhoto } from '../api/ideas.ts';
import { useBlobUrl } from './use-blob-url.ts';

/** An idea's photo as a blob: URL (use-blob-url.ts); revoked when the idea goes away. */
export function usePhotoUrl(api: ApiClient, ideaId: string, hasPhoto: boolean): string | null {
  return useBlobUrl(hasPhoto ? `${ideaId}` : null, () => ideaPhoto(api, ideaId));
}
