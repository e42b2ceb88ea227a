import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { composeSms } from '#core/sms/compose';
import { decodeGsm } from '#core/sms/gsm7';

describe('composeSms', () => {
  it('keeps the French accents GSM-7 has in one GSM-7 segment', () => {
    const c = composeSms('Réunion à 9h : café, crème brûlée ? É è ù');
    expect(c.nonGsmCharacters).toEqual(['û']);
    expect(c.encoding).toBe('UCS-2');
    expect(composeSms('Réunion à 9h : café prévu. É è ù').encoding).toBe('GSM-7');
  });

  it('counts 160 septets as one SMS and 161 as two parts of 153 + 8', () => {
    expect(composeSms('a'.repeat(160)).segments).toBe(1);
    const c = composeSms('a'.repeat(161));
    expect(c.segments).toBe(2);
    expect(c.parts.map((p) => p.length)).toEqual([153, 8]);
  });

  it('counts escape characters (€ [ ]) as two septets and never splits them', () => {
    expect(composeSms('€'.repeat(80)).segments).toBe(1);
    const c = composeSms('a'.repeat(152) + '€' + 'a'.repeat(10));
    expect(c.segments).toBe(2);
    expect(c.parts[0]).toHaveLength(152);
    expect(c.parts[1]!.slice(0, 2)).toEqual([0x1b, 0x65]);
  });

  it('counts UCS-2 in code units: 70 in one SMS, then parts of 67, surrogate pairs kept whole', () => {
    expect(composeSms('ê'.repeat(70)).segments).toBe(1);
    expect(composeSms('ê'.repeat(71)).parts.map((p) => p.length)).toEqual([67, 4]);
    const emoji = composeSms('x'.repeat(66) + '😀' + 'x'.repeat(5));
    expect(emoji.parts.map((p) => p.length)).toEqual([66, 7]);
  });

  it('agrees with sms-segments-calculator on segments and encoding', () => {
    const samples = ['Bonjour', 'a'.repeat(306), 'a'.repeat(307), '€'.repeat(77), 'ç'.repeat(134), 'Ventes 👍 +4 %', '{}'.repeat(100)];
    for (const text of samples) {
      const ours = composeSms(text);
      const theirs = new SegmentedMessage(text);
      expect([text.slice(0, 10), ours.segments, ours.encoding]).toEqual([text.slice(0, 10), theirs.segmentsCount, theirs.encodingName]);
    }
  });

  it('GSM-7 parts decode back to the text', () => {
    const text = 'Prévu : 12 340 € [+4 %] {ok} ~ ^ | \\ @ £ $ ¥ è é ù ì ò Ç Ø ø Å å Δ _';
    expect(composeSms(text).parts.map((p) => decodeGsm(Uint8Array.from(p))).join('')).toBe(text);
  });

  it('has nothing to send for an empty text', () => {
    expect(composeSms('')).toMatchObject({ segments: 0, parts: [] });
  });
});
