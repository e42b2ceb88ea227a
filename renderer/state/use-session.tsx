import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Me } from '#core/api/users';
import { ApiClient, ApiError } from '../api/client.ts';
import { forgetAll, orRemembered } from '../api/offline-cache.ts';
import { forgetEveryCopy } from '../sync/device-copies.ts';
import { me as fetchMe, setupStatus, signOut as endSession } from '../api/endpoints.ts';
import { clearToken, loadToken, relayBase, saveToken } from '../api/relay.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; base: string }
  | { status: 'needs-setup'; api: ApiClient }
  | { status: 'signed-out'; api: ApiClient }
  | { status: 'signed-in'; api: ApiClient; me: Me };

interface SessionContextValue {
  state: SessionState;
  /** Keeps a token the relay just issued and loads who we are. */
  signedIn(token: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const isNetwork = (err: unknown) => err instanceof ApiError && err.code === 'network';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(async () => {
    const base = await relayBase();
    const token = await loadToken();
    const expire = () => {
      void clearToken();
      setState({ status: 'signed-out', api: new ApiClient(base, null) });
    };
    try {
      if (token) {
        const api = new ApiClient(base, token, expire);
        try {
          const me = await orRemembered('me', Me, () => fetchMe(api), isNetwork);
          setState({ status: 'signed-in', api, me });
          return;
        } catch (err) {
          if (isNetwork(err)) throw err;
          await clearToken();
        }
      }
      const anon = new ApiClient(base, null);
      const { setUp } = await setupStatus(anon);
      setState(setUp ? { status: 'signed-out', api: anon } : { status: 'needs-setup', api: anon });
    } catch {
      setState({ status: 'unreachable', base });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const signedIn = useCallback(
    async (token: string) => {
      await saveToken(token);
      await load();
    },
    [load],
  );

  const signOut = useCallback(async () => {
    if (state.status === 'signed-in') await endSession(state.api).catch(() => undefined);
    await clearToken();
    forgetAll();
    await forgetEveryCopy();
    await load();
  }, [state, load]);

  const value = useMemo(() => ({ state, signedIn, signOut }), [state, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in person's API and identity; only used below the signed-in screens. */
export function useSignedIn(): { api: ApiClient; me: Me } {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('not signed in');
  return state;
}
