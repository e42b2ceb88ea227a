import type { SmsMessage } from '#core/api/sms';
import type { Queries } from '../store/db.ts';
import type { SmsStatus } from './status.ts';

/** One row of `sms_messages`, as the queue reads it. */
export interface MessageRow {
  seq: number;
  id: string;
  org_id: string;
  user_id: string | null;
  to_phone: string;
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  cost_micros: number;
  kind: string;
  idempotency_key: string;
  expects_kind: 'ack' | 'choice' | null;
  expects_subject: string | null;
  expects_choices: string | null;
  urgent: number;
  requested_by: string | null;
  status: SmsStatus;
  detail: string | null;
  attempts: number;
  next_attempt_at: string;
  provider: string | null;
  provider_id: string | null;
  unconfirmed_since: string | null;
  created_at: string;
  updated_at: string;
}

export async function addHistory(tx: Queries, messageId: string, status: string, detail: string | null, at: string) {
  await tx.run('INSERT INTO sms_history (message_id, status, detail, at) VALUES (?, ?, ?, ?)', [messageId, status, detail, at]);
}

export async function messageById(db: Queries, id: string): Promise<MessageRow | undefined> {
  return db.get<MessageRow>('SELECT * FROM sms_messages WHERE id = ?', [id]);
}

export async function toApiMessage(db: Queries, row: MessageRow): Promise<SmsMessage> {
  const history = await db.all<{ status: string; detail: string | null; at: string }>(
    'SELECT status, detail, at FROM sms_history WHERE message_id = ? ORDER BY id',
    [row.id],
  );
  const person = row.user_id ? await db.get<{ name: string }>('SELECT name FROM users WHERE id = ?', [row.user_id]) : undefined;
  const answer = await db.get<{ answer: string | null; text: string }>(
    'SELECT answer, text FROM sms_inbound WHERE message_id = ? ORDER BY received_at DESC LIMIT 1',
    [row.id],
  );
  return {
    id: row.id,
    to: row.to_phone,
    userId: row.user_id,
    recipientName: person?.name ?? null,
    text: row.text,
    segments: row.segments,
    encoding: row.encoding,
    costMicros: row.cost_micros,
    kind: row.kind,
    status: row.status,
    detail: row.detail,
    attempts: row.attempts,
    provider: row.provider,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    answer: answer ? (answer.answer ?? answer.text) : null,
    history,
  };
}
