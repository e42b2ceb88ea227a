import { z } from 'zod';
import { lineText } from '../text/clean.ts';

/** Identifiers are opaque URL-safe strings minted by the relay. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a valid identifier');
export type Id = z.infer<typeof Id>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'not a valid e-mail address' }));

export const Password = z
  .string()
  .min(10, 'a password needs at least 10 characters')
  .max(200, 'a password has at most 200 characters');

export const PersonName = lineText().min(1, 'a name is required').max(120);

export const IsoDateTime = z.iso.datetime({ offset: true, message: 'not an ISO date-time' });

/** An IANA time zone the platform knows, e.g. `Europe/Paris` (quiet hours, schedules). */
export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone (e.g. Europe/Paris)');
