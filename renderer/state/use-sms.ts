import { useEffect, useState } from 'react';
import type { SmsStatus } from '#core/api/sms';
import { listConsents, listOutbox, listReplies, providerStatus, smsCounts, smsSettings } from '../api/sms.ts';
import { useAsync } from './use-async.ts';
import { useSignedIn } from './use-session.tsx';

/** Reads for the SMS screens (admins); they change things through actions/sms.ts. */
function usePolled<T>(load: () => Promise<T>, deps: readonly unknown[], everyMs: number) {
  const state = useAsync(load, deps);
  const { reload } = state;
  useEffect(() => {
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return state;
}

export function useOutbox(status: SmsStatus | '') {
  const { api } = useSignedIn();
  const [before, setBefore] = useState<number | null>(null);
  useEffect(() => setBefore(null), [status]);
  const page = usePolled(() => listOutbox(api, { status, before }), [api, status, before], 3000);
  return { page, before, setBefore };
}

export function useSmsCounts() {
  const { api } = useSignedIn();
  return usePolled(() => smsCounts(api), [api], 3000);
}

export function useProviderStatus() {
  const { api } = useSignedIn();
  return usePolled(() => providerStatus(api), [api], 5000);
}

export function useConsents() {
  const { api } = useSignedIn();
  return useAsync(() => listConsents(api), [api]);
}

export function useReplies(all: boolean) {
  const { api } = useSignedIn();
  return usePolled(() => listReplies(api, all), [api, all], 5000);
}

export function useSmsSettings() {
  const { api } = useSignedIn();
  return useAsync(() => smsSettings(api), [api]);
}
