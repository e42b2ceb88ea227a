import { normalizePhone } from '#core/people/phone';
import { readReply } from '#core/sms/keywords';
import type { Queries } from '../store/db.ts';
import { newId } from '../auth/tokens.ts';
import { recordConsent } from './consent.ts';
import type { SmsReply } from './gateway.ts';
import type { MessageRow } from './messages.ts';
import type { Inbound } from './providers/provider.ts';

/** How long after it went out a message may still be answered. */
const answerWindowMs = 7 * 24 * 3_600_000;

export type InboundEffect =
  | { kind: 'stop' | 'start' | 'help'; orgId: string; phone: string; userId: string | null; confirm: boolean }
  | { kind: 'reply'; reply: SmsReply; messageKind: string }
  | { kind: 'inbox' }
  | { kind: 'duplicate' };

/**
 * Records an incoming SMS and what it means, in the caller's transaction:
 * STOP words opt the number out at once, START opts it back in, HELP asks for help
 * text, "OK" and one-letter choices are recorded on the latest message to that number
 * that expected such an answer, and anything else lands in the admins' inbox.
 * The confirmations (STOP, START, HELP) are sent by the caller after commit.
 */
export async function recordInbound(tx: Queries, inbound: Inbound, now: Date): Promise<InboundEffect> {
  const at = now.toISOString();
  if (inbound.providerId) {
    const seen = await tx.get('SELECT 1 AS one FROM sms_inbound WHERE provider_id = ?', [inbound.providerId]);
    if (seen) return { kind: 'duplicate' };
  }
  const from = await e164(tx, inbound.from);
  const latest = await tx.get<MessageRow>('SELECT * FROM sms_messages WHERE to_phone = ? ORDER BY seq DESC LIMIT 1', [from]);
  const person = await tx.get<{ id: string; org_id: string }>(
    'SELECT id, org_id FROM users WHERE phone = ? AND disabled_at IS NULL ORDER BY created_at LIMIT 1',
    [from],
  );
  const orgId =
    latest?.org_id ??
    person?.org_id ??
    (await tx.get<{ id: string }>('SELECT id FROM organizations ORDER BY created_at LIMIT 1'))?.id ??
    null;
  const userId = latest?.user_id ?? person?.id ?? null;
  const meaning = readReply(inbound.text);
  let answer: string | null = null;
  let answered: MessageRow | undefined;
  if (meaning.kind === 'ack' || meaning.kind === 'choice') {
    const since = new Date(now.getTime() - answerWindowMs).toISOString();
    const expecting = await tx.get<MessageRow>(
      `SELECT * FROM sms_messages WHERE to_phone = ? AND expects_kind IS NOT NULL AND created_at >= ?
         AND status NOT IN ('failed', 'expired', 'queued') ORDER BY seq DESC LIMIT 1`,
      [from, since],
    );
    if (expecting && accepts(expecting, meaning)) {
      answered = expecting;
      answer = meaning.kind === 'ack' ? 'OK' : meaning.letter;
    }
  }
  const id = newId();
  await tx.run(
    `INSERT INTO sms_inbound (id, org_id, from_phone, to_address, text, provider_id, meaning, answer, message_id, user_id, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, orgId, from, inbound.to, inbound.text, inbound.providerId, meaning.kind, answer, answered?.id ?? null, userId, at],
  );
  let confirm = meaning.kind === 'help';
  if (orgId && (meaning.kind === 'stop' || meaning.kind === 'start')) {
    const before = await tx.get<{ state: 'in' | 'out' }>('SELECT state FROM sms_consents WHERE org_id = ? AND phone = ?', [
      orgId,
      from,
    ]);
    // One confirmation: a second STOP (or START) changes nothing and is not answered again.
    confirm = before?.state !== (meaning.kind === 'stop' ? 'out' : 'in');
    if (confirm) await recordConsent(tx, {
      orgId,
      phone: from,
      userId,
      action: meaning.kind === 'stop' ? 'opt_out' : 'opt_in',
      how: `SMS ${normalizeWord(inbound.text)}`,
      byUserId: userId,
      at,
    });
  }
  if (orgId && (meaning.kind === 'stop' || meaning.kind === 'start' || meaning.kind === 'help')) {
    return { kind: meaning.kind, orgId, phone: from, userId, confirm };
  }
  if (answered) {
    return {
      kind: 'reply',
      messageKind: answered.kind,
      reply: {
        replyId: id,
        orgId: answered.org_id,
        userId: answered.user_id,
        from,
        text: inbound.text,
        messageId: answered.id,
        subject: answered.expects_subject ?? '',
        answer,
        receivedAt: at,
      },
    };
  }
  return { kind: 'inbox' };
}

function accepts(message: MessageRow, meaning: { kind: 'ack' } | { kind: 'choice'; letter: string }): boolean {
  if (message.expects_kind === 'ack') return meaning.kind === 'ack';
  if (meaning.kind !== 'choice') return false;
  const choices = message.expects_choices ? (JSON.parse(message.expects_choices) as string[]) : null;
  return choices === null || choices.map((c) => c.toUpperCase()).includes(meaning.letter);
}

function normalizeWord(text: string) {
  return text.trim().toUpperCase().slice(0, 20);
}

/** Operators send numbers with or without "+", sometimes national: read them as E.164. */
async function e164(tx: Queries, raw: string): Promise<string> {
  const region = (await tx.get<{ region: string }>('SELECT region FROM organizations ORDER BY created_at LIMIT 1'))?.region ?? 'FR';
  const candidates = raw.startsWith('+') ? [raw] : [`+${raw}`, raw];
  for (const candidate of candidates) {
    const result = normalizePhone(candidate, region);
    if (result.ok) return result.e164;
  }
  return raw.startsWith('+') ? raw : `+${raw}`;
}
