import { readReply } from '#core/sms/keywords';
import type { Queries } from '../store/db.ts';
import { newId } from '../auth/tokens.ts';
import { recordConsent } from './consent.ts';
import type { SmsReply } from './gateway.ts';
import { routeInbound, type InboundScope } from './inbound-route.ts';
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
 * Records an incoming SMS and what it means, in the caller's transaction (README "SMS
 * across organisations" for which organisations it concerns):
 * - STOP opts the number out at once in every organisation sharing the sender it was
 *   sent to that has the number as a recipient, each in its own history;
 * - START opts it back in with the organisation answered, and with every other one where
 *   an SMS STOP opted it out (an opt-out given otherwise stands);
 * - HELP asks the organisation answered for its help text;
 * - "OK" and one-letter choices are recorded on the latest message to that number,
 *   among those organisations, that expected such an answer;
 * - anything else lands in the inbox of the organisation answered: the one that last
 *   wrote to the number through that sender, or whose own sender it was sent to; none
 *   when no organisation can be told.
 * The confirmations (STOP, START, HELP) are sent by the caller after commit, by the
 * organisation answered.
 */
export async function recordInbound(tx: Queries, inbound: Inbound, now: Date, scope: InboundScope): Promise<InboundEffect> {
  const at = now.toISOString();
  if (inbound.providerId) {
    const seen = await tx.get('SELECT 1 AS one FROM sms_inbound WHERE provider_id = ?', [inbound.providerId]);
    if (seen) return { kind: 'duplicate' };
  }
  const { phone: from, related, home } = await routeInbound(tx, inbound, scope);
  const among = related.map(() => '?').join(', ');
  const latest = related.length
    ? await tx.get<MessageRow>(`SELECT * FROM sms_messages WHERE to_phone = ? AND org_id IN (${among}) ORDER BY seq DESC LIMIT 1`, [from, ...related])
    : undefined;
  const orgId = latest?.org_id ?? home ?? (related.length === 1 ? related[0]! : null);
  const userId = orgId ? (latest?.user_id ?? (await personIn(tx, orgId, from))) : null;
  const meaning = readReply(inbound.text);
  let answer: string | null = null;
  let answered: MessageRow | undefined;
  if ((meaning.kind === 'ack' || meaning.kind === 'choice') && related.length > 0) {
    const since = new Date(now.getTime() - answerWindowMs).toISOString();
    const expecting = await tx.get<MessageRow>(
      `SELECT * FROM sms_messages WHERE to_phone = ? AND org_id IN (${among}) AND expects_kind IS NOT NULL AND created_at >= ?
         AND status NOT IN ('failed', 'expired', 'queued') ORDER BY seq DESC LIMIT 1`,
      [from, ...related, since],
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
    [
      id,
      answered?.org_id ?? orgId,
      from,
      inbound.to,
      inbound.text,
      inbound.providerId,
      meaning.kind,
      answer,
      answered?.id ?? null,
      answered ? answered.user_id : userId,
      at,
    ],
  );
  if (meaning.kind === 'stop' || meaning.kind === 'start') {
    const how = `SMS ${normalizeWord(inbound.text)}`;
    const targets = orgId ? [orgId, ...related.filter((o) => o !== orgId)] : related;
    let changed = false;
    for (const target of targets) {
      changed = (await applyKeyword(tx, { orgId: target, phone: from, answered: target === orgId, stop: meaning.kind === 'stop', how, at })) || changed;
    }
    // One confirmation, from the organisation answered: a second STOP (or START) changes nothing and is not answered again.
    return orgId ? { kind: meaning.kind, orgId, phone: from, userId, confirm: changed } : { kind: 'inbox' };
  }
  if (!orgId) return { kind: 'inbox' };
  if (meaning.kind === 'help') return { kind: 'help', orgId, phone: from, userId, confirm: true };
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

/**
 * STOP or START in one organisation, attributed to its own person with that number (no
 * word of any other organisation). START changes another organisation's consent only
 * where an SMS STOP took it out. Returns whether the consent changed.
 */
async function applyKeyword(
  tx: Queries,
  k: { orgId: string; phone: string; answered: boolean; stop: boolean; how: string; at: string },
): Promise<boolean> {
  const before = await tx.get<{ state: 'in' | 'out' }>('SELECT state FROM sms_consents WHERE org_id = ? AND phone = ?', [k.orgId, k.phone]);
  if (before?.state === (k.stop ? 'out' : 'in')) return false;
  if (!k.stop && !k.answered) {
    const last = await tx.get<{ how: string }>(
      "SELECT how FROM sms_consent_events WHERE org_id = ? AND phone = ? AND action = 'opt_out' ORDER BY id DESC LIMIT 1",
      [k.orgId, k.phone],
    );
    if (before?.state !== 'out' || !last?.how.startsWith('SMS ')) return false;
  }
  const userId = await personIn(tx, k.orgId, k.phone);
  await recordConsent(tx, { orgId: k.orgId, phone: k.phone, userId, action: k.stop ? 'opt_out' : 'opt_in', how: k.how, byUserId: userId, at: k.at });
  return true;
}

async function personIn(tx: Queries, orgId: string, phone: string): Promise<string | null> {
  const row = await tx.get<{ id: string }>(
    'SELECT id FROM users WHERE org_id = ? AND phone = ? AND disabled_at IS NULL ORDER BY created_at LIMIT 1',
    [orgId, phone],
  );
  return row?.id ?? null;
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
