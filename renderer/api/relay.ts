/**
 * Where the relay is and where the session token lives. In the desktop app both come
 * from the preload bridge (`window.conclave`, core/bridge.ts); in a browser (web mode)
 * the relay is the page's own origin and the token is kept in localStorage, so that a
 * reload keeps you signed in.
 */
const tokenKey = 'conclave.session';

export async function relayBase(): Promise<string> {
  if (window.conclave) return (await window.conclave.relayUrl()).replace(/\/$/, '');
  return window.location.origin;
}

export async function loadToken(): Promise<string | null> {
  if (window.conclave) return window.conclave.loadSessionToken();
  return window.localStorage.getItem(tokenKey);
}

export async function saveToken(token: string): Promise<void> {
  if (window.conclave) {
    const saved = await window.conclave.saveSessionToken(token);
    if (!saved.ok) console.warn(saved.message);
    return;
  }
  window.localStorage.setItem(tokenKey, token);
}

export async function clearToken(): Promise<void> {
  if (window.conclave) {
    await window.conclave.clearSessionToken();
    return;
  }
  window.localStorage.removeItem(tokenKey);
}
