/**
 * The GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1) and its extension table,
 * as septet values. SMPP carries them unpacked: one septet per octet, data_coding 0.
 */

/** The 128 characters of the default alphabet, in septet order (0x1B is the escape). */
const basic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Characters reached through the escape 0x1B, with the septet that follows it. */
const extension: Record<string, number> = {
  '\f': 0x0a,
  '^': 0x14,
  '{': 0x28,
  '}': 0x29,
  '\\': 0x2f,
  '[': 0x3c,
  '~': 0x3d,
  ']': 0x3e,
  '|': 0x40,
  '€': 0x65,
};

export const ESCAPE = 0x1b;

const basicIndex = new Map<string, number>();
for (let i = 0; i < basic.length; i++) if (i !== ESCAPE) basicIndex.set(basic[i]!, i);
const extensionBySeptet = new Map<number, string>(Object.entries(extension).map(([c, s]) => [s, c]));

/** The septets of one character, or null when the default alphabet lacks it. */
export function gsmSeptets(char: string): number[] | null {
  const b = basicIndex.get(char);
  if (b !== undefined) return [b];
  const e = extension[char];
  return e === undefined ? null : [ESCAPE, e];
}

export function isGsmCharacter(char: string): boolean {
  return gsmSeptets(char) !== null;
}

/** Reads unpacked septets back into text (an unknown escape reads as a space, per the spec). */
export function decodeGsm(septets: Uint8Array): string {
  let out = '';
  for (let i = 0; i < septets.length; i++) {
    const s = septets[i]! & 0x7f;
    if (s === ESCAPE) {
      const next = septets[++i];
      out += next === undefined ? '' : (extensionBySeptet.get(next & 0x7f) ?? ' ');
    } else out += basic[s];
  }
  return out;
}
