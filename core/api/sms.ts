import { z } from 'zod';
import { lineText, linesText } from '../text/clean.ts';
import { Id, TimeZone } from './common.ts';

/** Request and response shapes of the SMS endpoints (`/api/sms/...`). */
/** An outgoing SMS's statuses, in the order of its life (server/sms/status.ts says how it moves). */
export const smsStatuses = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'expired'] as const;
export const SmsStatus = z.enum(smsStatuses);
export type SmsStatus = z.infer<typeof SmsStatus>;
export const SmsEncoding = z.enum(['GSM-7', 'UCS-2']);

/** The SMS providers a relay can use (SMS_PROVIDER); server/sms/providers/index.ts builds each. */
export const smsProviderNames = ['outbox', 'smpp', 'twilio'] as const;
export type SmsProviderName = (typeof smsProviderNames)[number];
export const isProviderName = (name: string): name is SmsProviderName => (smsProviderNames as readonly string[]).includes(name);

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');

export const SmsText = linesText().min(1, 'the text is empty').max(1530, 'at most 1,530 characters (10 SMS)');

export const SendTestSmsRequest = z.strictObject({
  to: z.string().trim().min(3).max(32),
  text: SmsText,
  /** Record an answer ("OK", or a letter) on this message rather than in the inbox. */
  expectsReply: z.enum(['ack', 'choice']).optional(),
});
export type SendTestSmsRequest = z.infer<typeof SendTestSmsRequest>;

export const PreviewRequest = z.strictObject({ text: z.string().max(5000), gsmSafe: z.boolean().default(false) });

export const SmsPreview = z.object({
  text: z.string(),
  encoding: SmsEncoding,
  segments: z.number(),
  characters: z.number(),
  remaining: z.number(),
  nonGsmCharacters: z.array(z.string()),
  costMicros: z.number(),
  replaced: z.array(z.object({ from: z.string(), to: z.string() })),
});
export type SmsPreview = z.infer<typeof SmsPreview>;

export const HistoryItem = z.object({ status: z.string(), detail: z.string().nullable(), at: z.string() });

export const SmsMessage = z.object({
  id: Id,
  to: z.string(),
  userId: z.string().nullable(),
  recipientName: z.string().nullable(),
  text: z.string(),
  segments: z.number(),
  encoding: SmsEncoding,
  costMicros: z.number(),
  kind: z.string(),
  status: SmsStatus,
  detail: z.string().nullable(),
  attempts: z.number(),
  provider: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  answer: z.string().nullable(),
  history: z.array(HistoryItem),
});
export type SmsMessage = z.infer<typeof SmsMessage>;

export const OutboxQuery = z.strictObject({
  status: SmsStatus.optional(),
  kind: z.string().max(100).optional(),
  to: z.string().max(32).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ConsentEntry = z.object({
  userId: Id,
  name: z.string(),
  phone: z.string().nullable(),
  state: z.enum(['in', 'out', 'none', 'no_phone']),
  timeZone: z.string().nullable(),
  history: z.array(
    z.object({
      action: z.enum(['opt_in', 'opt_out']),
      how: z.string(),
      byUserId: z.string().nullable(),
      byName: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type ConsentEntry = z.infer<typeof ConsentEntry>;

export const ConsentRequest = z.strictObject({
  optIn: z.boolean(),
  /** How the person gave it, e.g. "signed the paper form on 3 March". */
  how: lineText().min(3).max(200).optional(),
  /** The person's time zone, for quiet hours (default: the organisation's). */
  timeZone: TimeZone.nullable().optional(),
});

export const InboundSms = z.object({
  id: z.string(),
  from: z.string(),
  name: z.string().nullable(),
  text: z.string(),
  meaning: z.enum(['stop', 'start', 'help', 'ack', 'choice', 'text']),
  answer: z.string().nullable(),
  messageId: z.string().nullable(),
  receivedAt: z.string(),
});
export type InboundSms = z.infer<typeof InboundSms>;

/** A sender address: a number (up to 15 digits, "+" allowed) or an alphanumeric sender id of up to 11 characters. */
export const SenderAddress = z
  .string()
  .trim()
  .regex(/^(\+?\d{3,15}|[A-Za-z0-9][A-Za-z0-9 .-]{0,10})$/, 'a number of 3 to 15 digits, or up to 11 letters, digits, spaces, dots or dashes');

/** An organisation's own provider account as the API shows it: its secret never, only whether it is set. */
export const SmsAccountView = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('smpp'), host: z.string(), port: z.number(), systemId: z.string(), passwordSet: z.boolean() }),
  z.object({ provider: z.literal('twilio'), accountSid: z.string(), authTokenSet: z.boolean() }),
]);
export type SmsAccountView = z.infer<typeof SmsAccountView>;

/**
 * An organisation's own provider account, as its administrator sets it. The secret
 * (SMPP password, Twilio auth token) is write-only: left out, the one stored is kept.
 */
export const SmsAccountInput = z.discriminatedUnion('provider', [
  z.strictObject({
    provider: z.literal('smpp'),
    host: z.string().trim().regex(/^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$/, 'a host name or IP address'),
    port: z.number().int().min(1).max(65535),
    /** SMPP 3.4: 15 characters at most. */
    systemId: z.string().trim().min(1).max(15).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
    /** SMPP 3.4: 8 characters at most. */
    password: z.string().min(1).max(8).regex(/^[\x20-\x7e]+$/, 'printable ASCII').optional(),
  }),
  z.strictObject({
    provider: z.literal('twilio'),
    accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, 'a Twilio account SID (AC and 32 hexadecimal digits)'),
    authToken: z.string().min(16).max(128).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces').optional(),
  }),
]);
export type SmsAccountInput = z.infer<typeof SmsAccountInput>;

export const SmsSettings = z.object({
  pricePerSegmentMicros: z.number(),
  monthlyBudgetMicros: z.number().nullable(),
  currency: z.string(),
  quietStart: z.string(),
  quietEnd: z.string(),
  timeZone: z.string(),
  helpText: z.string(),
  /** Who may text many people at once (a decision to every member): admins only, or facilitators too. */
  massSms: z.enum(['admins', 'facilitators']),
  /** SMS one person may cause per day (UTC), whatever sends them. */
  senderDailyLimit: z.number(),
  /** Information SMS (not urgent, to a person) one person may receive a calendar month (UTC); null: no cap. */
  personMonthlyCap: z.number().nullable().default(null),
  /** The organisation's own sender (source address or sender id); null: the relay's, `defaultSender`. */
  sender: z.string().nullable().default(null),
  defaultSender: z.string().default(''),
  /** The organisation's own provider account; null: the relay's. */
  account: SmsAccountView.nullable().default(null),
  updatedAt: z.string().nullable(),
});
export type SmsSettings = z.infer<typeof SmsSettings>;

export const UpdateSmsSettingsRequest = z.strictObject({
  pricePerSegmentMicros: z.number().int().min(0).max(100_000_000).optional(),
  monthlyBudgetMicros: z.number().int().min(0).max(1e13).nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  quietStart: HhMm.optional(),
  quietEnd: HhMm.optional(),
  timeZone: TimeZone.optional(),
  helpText: lineText().min(10).max(300).optional(),
  massSms: z.enum(['admins', 'facilitators']).optional(),
  senderDailyLimit: z.number().int().min(0).max(1_000_000).optional(),
  personMonthlyCap: z.number().int().min(0).max(10_000).nullable().optional(),
  sender: SenderAddress.nullable().optional(),
  account: SmsAccountInput.nullable().optional(),
});
export type UpdateSmsSettingsRequest = z.infer<typeof UpdateSmsSettingsRequest>;

export const ProviderStatus = z.object({
  provider: z.enum(smsProviderNames),
  connected: z.boolean(),
  detail: z.string(),
  since: z.string().nullable(),
  inFlight: z.number(),
  window: z.number(),
  throttledUntil: z.string().nullable(),
});
export type ProviderStatus = z.infer<typeof ProviderStatus>;

export const OutboxPage = z.object({ messages: z.array(SmsMessage), next: z.number().nullable() });
export const SmsCounts = z.object({ counts: z.record(z.string(), z.number()) });
export const SmsSettingsView = SmsSettings.extend({ month: z.string(), spentMicros: z.number() });
export type SmsSettingsView = z.infer<typeof SmsSettingsView>;
