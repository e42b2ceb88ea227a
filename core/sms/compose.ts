import { SegmentedMessage } from 'sms-segments-calculator';
import { gsmSeptets } from './gsm7.ts';

/**
 * How a text travels as SMS: its encoding, its parts, and what makes it expensive.
 * The composer's preview and the sender both call `composeSms`, so they always agree.
 *
 * Sizes (3GPP TS 23.040): one GSM-7 SMS holds 160 septets, one UCS-2 SMS 70 UTF-16 code
 * units. A long message is split into parts that each start with a 6-octet UDH
 * (05 00 03 ref total seq), leaving 153 septets or 67 code units per part. A GSM
 * escape pair (€, [, …) and a UTF-16 surrogate pair are never cut across two parts.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export const limits = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

/** The most parts we send for one message (a concatenation reference allows 255). */
export const maxParts = 10;

export interface ComposedSms {
  text: string;
  encoding: SmsEncoding;
  segments: number;
  /** Characters, as the person sees them (graphemes). */
  characters: number;
  /** Units used: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  /** Units left in the last segment before another one is needed. */
  remaining: number;
  /** The characters that force UCS-2, each once, in order of appearance. */
  nonGsmCharacters: string[];
  /** Each part's payload, without UDH: septet values (GSM-7) or code units (UCS-2). */
  parts: number[][];
}

export function composeSms(text: string): ComposedSms {
  const measured = new SegmentedMessage(text);
  // The calculator names whole graphemes (an emoji with its modifiers); our own table
  // decides what we can actually encode, so both lists are merged.
  const ours = [...text].filter((c) => gsmSeptets(c) === null);
  const nonGsm = [...new Set([...measured.getNonGsmCharacters(), ...ours])];
  const encoding: SmsEncoding = nonGsm.length > 0 || ours.length > 0 ? 'UCS-2' : 'GSM-7';
  const chars = [...text].map((c) => (encoding === 'GSM-7' ? (gsmSeptets(c) ?? []) : utf16(c)));
  const units = chars.reduce((n, c) => n + c.length, 0);
  const limit = limits[encoding];
  const parts = units <= limit.single ? [chars.flat()] : split(chars, limit.part);
  const last = parts[parts.length - 1]?.length ?? 0;
  return {
    text,
    encoding,
    segments: text.length === 0 ? 0 : parts.length,
    characters: measured.graphemes.length,
    units,
    remaining: (parts.length === 1 ? limit.single : limit.part) - last,
    nonGsmCharacters: nonGsm,
    parts: text.length === 0 ? [] : parts,
  };
}

function utf16(char: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < char.length; i++) out.push(char.charCodeAt(i));
  return out;
}

function split(chars: number[][], size: number): number[][] {
  const parts: number[][] = [];
  let current: number[] = [];
  for (const c of chars) {
    if (current.length + c.length > size) {
      parts.push(current);
      current = [];
    }
    current.push(...c);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
