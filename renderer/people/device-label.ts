/**
 * A short name for the device behind a user agent ("Chrome · Linux"), or null when nothing is
 * recognised; `desktop` names the desktop app in the person's language.
 */
export function deviceLabel(userAgent: string, desktop = 'Conclave'): string | null {
  const browser = [
    [/Electron\//, desktop],
    [/Edg\//, 'Edge'],
    [/Firefox\//, 'Firefox'],
    [/(Chrome|Chromium)\//, 'Chrome'],
    [/Safari\//, 'Safari'],
  ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] as string | undefined;
  const system = [
    [/Android/, 'Android'],
    [/iPhone|iPad/, 'iOS'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/Linux/, 'Linux'],
  ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] as string | undefined;
  const parts = [browser, system].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(' · ') : null;
}
