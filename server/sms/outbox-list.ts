import type { InboundSms, SmsMessage } from '#core/api/sms';
import type { z } from 'zod';
import type { OutboxQuery } from '#core/api/sms';
import type { Param, Queries } from '../store/db.ts';
import { toApiMessage, type MessageRow } from './messages.ts';

/** The delivery log, newest first, with each message's status timeline. */
export async function listMessages(
  db: Queries,
  orgId: string,
  query: z.infer<typeof OutboxQuery>,
): Promise<{ messages: SmsMessage[]; next: number | null }> {
  const where = ['org_id = ?'];
  const params: Param[] = [orgId];
  const filter = (clause: string, value: Param | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params.push(value);
  };
  filter('status = ?', query.status);
  filter('kind = ?', query.kind);
  filter('to_phone = ?', query.to);
  filter('seq < ?', query.before);
  params.push(query.limit + 1);
  const rows = await db.all<MessageRow>(
    `SELECT * FROM sms_messages WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const messages: SmsMessage[] = [];
  for (const row of page) messages.push(await toApiMessage(db, row));
  return { messages, next: rows.length > query.limit ? (page[page.length - 1]?.seq ?? null) : null };
}

/** Replies and other incoming SMS, newest first; `unmatched` keeps only the admins' inbox. */
export async function listInbound(db: Queries, orgId: string, unmatched: boolean): Promise<InboundSms[]> {
  const rows = await db.all<{
    id: string;
    from_phone: string;
    name: string | null;
    text: string;
    meaning: InboundSms['meaning'];
    answer: string | null;
    message_id: string | null;
    received_at: string;
  }>(
    `SELECT i.id, i.from_phone, u.name, i.text, i.meaning, i.answer, i.message_id, i.received_at
       FROM sms_inbound i LEFT JOIN users u ON u.id = i.user_id
      WHERE i.org_id = ? ${unmatched ? "AND i.message_id IS NULL AND i.meaning IN ('text', 'ack', 'choice')" : ''}
      ORDER BY i.received_at DESC, i.rowid DESC LIMIT 500`,
    [orgId],
  );
  return rows.map((r) => ({
    id: r.id,
    from: r.from_phone,
    name: r.name,
    text: r.text,
    meaning: r.meaning,
    answer: r.answer,
    messageId: r.message_id,
    receivedAt: r.received_at,
  }));
}

/** How many of the organisation's messages are at each status. */
export async function statusCounts(db: Queries, orgId: string): Promise<Record<string, number>> {
  const rows = await db.all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM sms_messages WHERE org_id = ? GROUP BY status', [orgId]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
