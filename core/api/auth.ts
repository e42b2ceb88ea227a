import { z } from 'zod';
import { lineText } from '../text/clean.ts';
import { Email, Password, PersonName } from './common.ts';

export const SetupRequest = z.strictObject({
  organization: lineText().min(1, 'an organisation name is required').max(120),
  name: PersonName,
  email: Email,
  password: Password,
  /** ISO 3166 region used to read phone numbers written without a country code. */
  region: z
    .string()
    .regex(/^[A-Z]{2}$/, 'a two-letter region such as FR')
    .optional(),
  locale: z.enum(['fr', 'en']).optional(),
});
export type SetupRequest = z.infer<typeof SetupRequest>;

export const SignInRequest = z.strictObject({
  email: Email,
  password: z.string().min(1, 'a password is required').max(200),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const TokenResponse = z.object({ token: z.string(), expiresAt: z.string() });
export type TokenResponse = z.infer<typeof TokenResponse>;

export const SetupStatus = z.object({ setUp: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;
