import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../../core/people/phone.ts';

describe('normalizePhone', () => {
  it('reads national French mobiles in the FR region and writes E.164', () => {
    expect(normalizePhone('06 12 34 56 78', 'FR')).toEqual({ ok: true, e164: '+33612345678' });
    expect(normalizePhone('+33 7 81 23 45 67', 'FR')).toEqual({ ok: true, e164: '+33781234567' });
  });
  it('keeps an international number whatever the region', () => {
    expect(normalizePhone('+44 7911 123456', 'FR')).toEqual({ ok: true, e164: '+447911123456' });
    expect(normalizePhone('+1 415 555 2671', 'FR')).toEqual({ ok: true, e164: '+14155552671' });
  });
  it('refuses what is not a valid number, with a reason', () => {
    const r = normalizePhone('01 23', 'FR');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not a valid number in FR/);
    const foreign = normalizePhone('+44 7700 900', 'FR');
    expect(foreign.ok ? 'accepted' : foreign.reason).toMatch(/not a valid number in \+44/);
  });
  it('refuses a fixed line, which cannot receive SMS', () => {
    const r = normalizePhone('01 42 68 53 00', 'FR');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/mobile/);
  });
});
