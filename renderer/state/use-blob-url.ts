import { useEffect, useState } from 'react';

/**
 * Bytes the relay serves only with the bearer token, as a blob: URL for an `<img>` (the
 * page's CSP allows `img-src blob:`): loaded when `key` changes (nothing while it is
 * null), revoked when it changes again or the component goes; null until loaded or when
 * the relay refused.
 */
export function useBlobUrl(key: string | null, load: () => Promise<Blob>): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    let made: string | null = null;
    load().then(
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
    // `load` asks for the same bytes while `key` stays the same.
  }, [key]);
  return url;
}
