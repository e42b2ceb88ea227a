import { describe, expect, it } from 'vitest';
import { dateInWords } from '../../../../renderer/components/date-in-words.ts';

/** What a date field says beside it, in the app's language (Chromium writes the field itself in its own). */
describe('dateInWords', () => {
  it('writes a day in full, in French and in English', () => {
    expect(dateInWords('fr', 'date', '2026-12-08')).toBe('mardi 8 décembre 2026');
    expect(dateInWords('en', 'date', '2026-12-08')).toBe('Tuesday, December 8, 2026');
  });

  it('writes a moment as typed, wall-clock time, whatever the device’s zone or a change of hour', () => {
    expect(dateInWords('fr', 'datetime-local', '2026-12-08T09:30')).toBe('mardi 8 décembre 2026 à 09:30');
    expect(dateInWords('fr', 'datetime-local', '2027-03-28T02:30')).toBe('dimanche 28 mars 2027 à 02:30');
    expect(dateInWords('en', 'datetime-local', '2026-12-08T21:05:00')).toBe('Tuesday, December 8, 2026 at 9:05 PM');
  });

  it('writes a time of day as the language does: 22:00, 10:00 PM', () => {
    expect(dateInWords('fr', 'time', '22:00')).toBe('22:00');
    expect(dateInWords('en', 'time', '22:00')).toBe('10:00 PM');
    expect(dateInWords('en', 'time', '09:05:00')).toBe('9:05 AM');
    expect(dateInWords('fr', 'time', '24:00')).toBeNull();
    expect(dateInWords('fr', 'time', '9:00')).toBeNull();
  });

  it('says nothing of an empty, partial or impossible value, nor of another kind of field', () => {
    for (const value of ['', '2026-12', '2026-02-30', '2026-13-01', '2026-12-08T25:00', 'mardi', '2026-12-08 ']) {
      expect(dateInWords('fr', 'date', value), value).toBeNull();
      expect(dateInWords('fr', 'datetime-local', value), value).toBeNull();
    }
    expect(dateInWords('fr', 'date', '2026-12-08T09:30')).toBeNull();
    expect(dateInWords('fr', 'text', '2026-12-08')).toBeNull();
  });
});
