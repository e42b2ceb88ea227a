import type { z } from 'zod';

/**
 * What the client needs to open an activity without the relay: who we are and the
 * activity's header, remembered from the last successful answer (localStorage). The
 * activity's content itself is kept by y-indexeddb.
 */
const prefix = 'conclave.cache.';

export function remember(key: string, value: unknown) {
  try {
    window.localStorage.setItem(prefix + key, JSON.stringify(value));
  } catch {
    // Storage full or denied: the client still works online.
  }
}

export function recall<S extends z.ZodType>(key: string, schema: S): z.output<S> | null {
  const raw = window.localStorage.getItem(prefix + key);
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function forgetAll() {
  for (const key of Object.keys(window.localStorage)) if (key.startsWith(prefix)) window.localStorage.removeItem(key);
}

/** Runs `load`; when the relay cannot be reached, answers with the remembered value. */
export async function orRemembered<S extends z.ZodType>(key: string, schema: S, load: () => Promise<z.output<S>>, isNetwork: (err: unknown) => boolean) {
  try {
    const value = await load();
    remember(key, value);
    return value;
  } catch (err) {
    const cached = isNetwork(err) ? recall(key, schema) : null;
    if (cached === null) throw err;
    return cached;
  }
}
