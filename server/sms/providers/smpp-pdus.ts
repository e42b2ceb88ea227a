import smpp from 'smpp';
import { decodeGsm } from '#core/sms/gsm7';
import type { ComposedSms } from '#core/sms/compose';
import type { ReceiptStatus } from './provider.ts';

/**
 * SMPP 3.4 fields as the relay writes and reads them. The user data is built here
 * byte by byte, so the `smpp` package's own text transcoding (which would re-encode
 * our octets) is switched off for the fields that carry it.
 */
for (const command of ['submit_sm', 'deliver_sm', 'data_sm']) {
  const field = smpp.commands[command]?.params?.short_message;
  if (field) delete field.filter;
}
if (smpp.tlvs.message_payload) delete smpp.tlvs.message_payload.filter;

export const InterfaceVersion34 = 0x34;
export const Ton = { unknown: 0, international: 1, national: 2, alphanumeric: 5 } as const;
export const Npi = { unknown: 0, isdn: 1 } as const;
export const DataCoding = { smscDefault: 0x00, latin1: 0x03, ucs2: 0x08 } as const;
export const EsmClass = { udhIndicator: 0x40, deliveryReceipt: 0x04, intermediateNotification: 0x20, typeMask: 0x3c } as const;

/** A deliver_sm that reports on a message we sent (a receipt or an intermediate notification), not a member's text. */
export function isReceipt(esmClass: number): boolean {
  const type = esmClass & EsmClass.typeMask;
  return type === EsmClass.deliveryReceipt || type === EsmClass.intermediateNotification;
}
/**
 * registered_delivery: a receipt on final success or failure (bits 0–1 = 01), and an
 * intermediate notification (bit 4) when the SMSC takes the message. The latter settles
 * a submit whose answer was lost within seconds, even if the phone is off for hours.
 */
export const RegisteredDelivery = { finalReceipt: 0x01, intermediate: 0x10 } as const;
/** The short_message field holds at most 254 octets (SMPP 3.4 §5.2.22). */
export const maxShortMessage = 254;

/** The concatenation UDH: length 05, IE 00 (8-bit reference), IE length 03, ref, total, seq. */
export function concatenationUdh(ref: number, total: number, seq: number): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, ref & 0xff, total, seq]);
}

/** The user data of each part: GSM-7 unpacked (one septet per octet) or UCS-2 big-endian. */
export function userData(composed: ComposedSms, ref: number): { dataCoding: number; esmClass: number; parts: Buffer[] } {
  const dataCoding = composed.encoding === 'GSM-7' ? DataCoding.smscDefault : DataCoding.ucs2;
  const payloads = composed.parts.map((units) => {
    if (composed.encoding === 'GSM-7') return Buffer.from(units);
    const out = Buffer.alloc(units.length * 2);
    units.forEach((unit, i) => out.writeUInt16BE(unit, i * 2));
    return out;
  });
  const total = payloads.length;
  const parts = total === 1 ? payloads : payloads.map((p, i) => Buffer.concat([concatenationUdh(ref, total, i + 1), p]));
  for (const part of parts) {
    if (part.length > maxShortMessage) throw new Error(`a part of ${part.length} octets exceeds short_message`);
  }
  return { dataCoding, esmClass: total === 1 ? 0 : EsmClass.udhIndicator, parts };
}

/** E.164 "+33612345678" → SMPP international digits "33612345678". */
export function toSmppAddress(e164: string) {
  return { ton: Ton.international, npi: Npi.isdn, addr: e164.replace(/^\+/, '') };
}

export function sourceAddress(sender: string) {
  if (/^\+?\d{3,15}$/.test(sender)) return toSmppAddress(sender.startsWith('+') ? sender : `+${sender}`);
  return { ton: Ton.alphanumeric, npi: Npi.unknown, addr: sender.slice(0, 11) };
}

/** Reads the text of a deliver_sm (a member's reply), skipping any UDH. */
export function readText(dataCoding: number, esmClass: number, data: Buffer): string {
  const body = esmClass & EsmClass.udhIndicator && data.length > 0 ? data.subarray(data[0]! + 1) : data;
  if ((dataCoding & 0x0f) === DataCoding.ucs2) {
    let s = '';
    for (let i = 0; i + 1 < body.length; i += 2) s += String.fromCharCode(body.readUInt16BE(i));
    return s;
  }
  if ((dataCoding & 0x0f) === DataCoding.latin1) return body.toString('latin1');
  return decodeGsm(body);
}

/** message_state TLV values (SMPP 3.4 §5.2.28). */
const messageState: Record<number, ReceiptStatus> = {
  1: 'sent', // ENROUTE
  2: 'delivered', // DELIVERED
  3: 'expired', // EXPIRED
  4: 'undelivered', // DELETED
  5: 'undelivered', // UNDELIVERABLE
  6: 'sent', // ACCEPTED
  7: 'sent', // UNKNOWN
  8: 'failed', // REJECTED
};

const statWord: Record<string, ReceiptStatus> = {
  DELIVRD: 'delivered',
  EXPIRED: 'expired',
  DELETED: 'undelivered',
  UNDELIV: 'undelivered',
  ACCEPTD: 'sent',
  ENROUTE: 'sent',
  UNKNOWN: 'sent',
  REJECTD: 'failed',
};

export interface ParsedReceipt {
  messageId: string | null;
  status: ReceiptStatus;
  error: string | null;
}

/**
 * A delivery receipt: the receipted_message_id and message_state TLVs when present,
 * otherwise the text form "id:… sub:… dlvrd:… submit date:… done date:… stat:DELIVRD err:000 text:…".
 */
export function readReceipt(pdu: { receipted_message_id?: string; message_state?: number }, text: string): ParsedReceipt {
  const id = /\bid:(\S+)/i.exec(text)?.[1] ?? null;
  const stat = /\bstat:(\w+)/i.exec(text)?.[1]?.toUpperCase();
  const err = /\berr:(\w+)/i.exec(text)?.[1] ?? null;
  const status =
    (pdu.message_state !== undefined ? messageState[pdu.message_state] : undefined) ??
    (stat ? statWord[stat] : undefined) ??
    'sent';
  return {
    messageId: pdu.receipted_message_id || id,
    status,
    error: err && err !== '000' && err !== '0' ? `err:${err}${stat ? ` stat:${stat}` : ''}` : stat ? `stat:${stat}` : null,
  };
}
