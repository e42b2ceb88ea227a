import { password, type Api } from './api.ts';

export interface SmsMessageView {
  id: string;
  to: string;
  text: string;
  segments: number;
  encoding: string;
  status: string;
  answer: string | null;
  history: { status: string; detail: string | null; at: string }[];
}

/** Adds a member with a phone and a recorded opt-in. */
export async function addSmsMember(admin: Api, name: string, phone: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@durand.example`;
  return admin.ok<{ id: string }>('POST', '/api/users', { name, email, password, role: 'member', phone, smsOptIn: true });
}

export async function waitUntil<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function waitForStatus(admin: Api, id: string, status: string) {
  return waitUntil(async () => {
    const m = await admin.ok<SmsMessageView>('GET', `/api/sms/messages/${id}`);
    return m.status === status ? m : null;
  }, `message ${id} to be ${status}`);
}

/** The organisation's messages per status. */
export async function statusCounts(admin: Api): Promise<Record<string, number>> {
  return (await admin.ok<{ counts: Record<string, number> }>('GET', '/api/sms/counts')).counts;
}

/** A relay's environment for the SMSC on loopback at `url`: a window of 10, short grace and retries. */
export const smppEnv = (url: string) => ({
  SMS_PROVIDER: 'smpp',
  SMPP_URL: url,
  SMPP_WINDOW: '10',
  SMS_UNCONFIRMED_GRACE_MS: '3000',
  SMS_RETRY_BASE_MS: '200',
});

/**
 * Queues `n` test messages "<prefix> #i" to +33612345678 with idempotency keys, 25 at a
 * time; message i goes through `bases[i % bases.length]` (several relay nodes in turn).
 */
export async function queueTexts(bases: readonly string[], token: string, prefix: string, n: number, from = 0) {
  for (let start = from; start < n; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, n - start) }, async (_, k) => {
        const i = start + k;
        const base = bases[i % bases.length]!;
        const res = await fetch(`${base}/api/sms/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `${prefix}-${i}` },
          body: JSON.stringify({ to: '+33612345678', text: `${prefix} #${i}` }),
        });
        if (res.status !== 201) throw new Error(`queueing ${i} through ${base}: ${res.status} ${await res.text()}`);
      }),
    );
  }
}
