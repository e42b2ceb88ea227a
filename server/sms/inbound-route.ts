import { normalizePhone } from '#core/people/phone';
import type { Queries } from '../store/db.ts';
import type { Inbound } from './providers/provider.ts';

/**
 * Which organisations an incoming SMS concerns (README "SMS across organisations").
 * A number answers a sender: organisations that send through the same account with the
 * same sender address share it, and what the number says (STOP above all) concerns each
 * of them that has the number as a recipient. Nothing here depends on which organisation
 * came first.
 */
export interface InboundScope {
  /** True for organisations whose SMS go through the account the message came in on. */
  carries(orgId: string): boolean;
  /** The sender of the organisations of that account that set none of their own. */
  defaultSender: string;
}

export interface InboundRoute {
  /** The number, in E.164. */
  phone: string;
  /** Organisations sharing the sender it was sent to that have the number as a recipient. */
  related: string[];
  /** The organisation whose own sender it was sent to, when exactly one has it; else the account's only organisation, if it has one. */
  home: string | null;
}

/** Organisations that know a number, at most this many (a number is no one's in most). */
const maxRelated = 1000;

/** A sender address as operators hand it back: no "+", no spaces, any case. */
export function senderKey(address: string): string {
  return address.replace(/[\s+]/g, '').toUpperCase();
}

export async function routeInbound(tx: Queries, inbound: Inbound, scope: InboundScope): Promise<InboundRoute> {
  const to = senderKey(inbound.to);
  const own = inbound.orgId
    ? [inbound.orgId]
    : (await tx.all<{ org_id: string; sender: string }>('SELECT org_id, sender FROM sms_settings WHERE sender IS NOT NULL')).filter(
        (r) => scope.carries(r.org_id) && senderKey(r.sender) === to,
      ).map((r) => r.org_id);
  const home = own.length === 1 ? own[0]! : own.length === 0 ? await soleOrganisation(tx, scope) : null;
  const phone = await e164(tx, inbound.from, home);
  const knowing = (
    await tx.all<{ org_id: string }>(
      `SELECT org_id FROM sms_consents WHERE phone = ?
       UNION SELECT org_id FROM users WHERE phone = ? AND disabled_at IS NULL
       UNION SELECT org_id FROM sms_messages WHERE to_phone = ? LIMIT ?`,
      [phone, phone, phone, maxRelated],
    )
  )
    .map((r) => r.org_id)
    .filter((id) => scope.carries(id));
  if (own.length > 0) return { phone, related: knowing.filter((id) => own.includes(id)), home };
  if (to !== senderKey(scope.defaultSender) || knowing.length === 0) return { phone, related: knowing, home };
  // Sent to the account's default sender: organisations with a sender of their own did not send it.
  const marks = knowing.map(() => '?').join(', ');
  const withOwn = new Set(
    (await tx.all<{ org_id: string }>(`SELECT org_id FROM sms_settings WHERE sender IS NOT NULL AND org_id IN (${marks})`, knowing)).map((r) => r.org_id),
  );
  return { phone, related: knowing.filter((id) => !withOwn.has(id)), home };
}

/** The one organisation the account carries, if it carries only one (a relay of one organisation). */
async function soleOrganisation(tx: Queries, scope: InboundScope): Promise<string | null> {
  const carried = (await tx.all<{ id: string }>('SELECT id FROM organizations LIMIT ?', [maxRelated])).filter((o) => scope.carries(o.id));
  return carried.length === 1 ? carried[0]!.id : null;
}

/**
 * Operators send numbers with or without "+", sometimes national: read them as E.164 as
 * received, else in the region of the organisation whose sender it was sent to.
 */
async function e164(tx: Queries, raw: string, home: string | null): Promise<string> {
  const international = raw.startsWith('+') ? raw : `+${raw}`;
  const direct = normalizePhone(international, 'ZZ');
  if (direct.ok) return direct.e164;
  if (!raw.startsWith('+') && home) {
    const region = (await tx.get<{ region: string }>('SELECT region FROM organizations WHERE id = ?', [home]))?.region;
    const national = region ? normalizePhone(raw, region) : null;
    if (national?.ok) return national.e164;
  }
  return international;
}
