import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { ideaPhoto } from '../api/ideas.ts';

/**
 * An idea's photo as a blob: URL (the relay serves photos only with the bearer token,
 * and the page's CSP allows `img-src blob:`); revoked when the idea goes away.
 */
export function usePhotoUrl(api: ApiClient, ideaId: string, hasPhoto: boolean): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!hasPhoto) return;
    let live = true;
    let made: string | null = null;
    ideaPhoto(api, ideaId).then(
      (blob) => {
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, ideaId, hasPhoto]);
  return url;
}
