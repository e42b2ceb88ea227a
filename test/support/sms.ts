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
