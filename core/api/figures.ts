import { z } from 'zod';
import { lineText } from '../text/clean.ts';
import { cronOf } from '../figures/schedule.ts';
import { maxMessageFigures } from '../figures/morning.ts';
import { inWeekOrder, timePattern, weekdays, weeklyCron, type Weekly } from '../figures/weekly.ts';
import { isDay } from '../figures/days.ts';
import { templateErrors } from '../figures/template.ts';
import { Id, TimeZone } from './common.ts';

/**
 * Daily figures: definitions, values, recipient lists, previews, sends, schedules,
 * alerts and the ERP's API keys (`/api/figures/...`, `/api/lists/...`).
 */
export const DayParam = z.string().refine(isDay, 'a date as YYYY-MM-DD');

const Template = z
  .string()
  .max(600)
  .superRefine((t, ctx) => {
    for (const message of templateErrors(t)) ctx.addIssue({ code: 'custom', message });
  });

export const CreateFigureRequest = z.strictObject({
  label: lineText().min(1, 'a label is required').max(60),
  /** EUR, €, USD, $, GBP, £ are currencies; anything else is a unit ("spectateurs"). */
  unit: lineText().max(16).default(''),
  decimals: z.number().int().min(0).max(4).default(2),
  /** The label as the SMS shows it, shorter ("CA"); the label when absent. */
  smsLabel: lineText().min(1).max(30).nullable().optional(),
  compact: z.boolean().default(true),
  /** The SMS template; the organisation's language default when absent. */
  template: Template.nullable().optional(),
});
export type CreateFigureRequest = z.infer<typeof CreateFigureRequest>;

export const UpdateFigureRequest = z.strictObject({
  label: lineText().min(1).max(60).optional(),
  unit: lineText().max(16).optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  smsLabel: lineText().min(1).max(30).nullable().optional(),
  compact: z.boolean().optional(),
  template: Template.nullable().optional(),
});
export type UpdateFigureRequest = z.infer<typeof UpdateFigureRequest>;

export const Figure = z.object({
  id: Id,
  label: z.string(),
  unit: z.string(),
  decimals: z.number(),
  smsLabel: z.string().nullable(),
  compact: z.boolean(),
  /** The template in force (the default one when none was set). */
  template: z.string(),
  customTemplate: z.boolean(),
  latest: z.object({ date: z.string(), value: z.number() }).nullable(),
  createdAt: z.string(),
});
export type Figure = z.infer<typeof Figure>;

const Amount = z.number().refine((n) => Number.isFinite(n) && Math.abs(n) < 1e15, 'a finite number');

export const FigureValueRequest = z.strictObject({
  value: Amount,
  forecast: Amount.nullable().default(null),
  lastYear: Amount.nullable().default(null),
});
export type FigureValueRequest = z.infer<typeof FigureValueRequest>;

export const FigureValue = z.object({
  date: z.string(),
  value: z.number(),
  forecast: z.number().nullable(),
  lastYear: z.number().nullable(),
  vsForecast: z.number().nullable(),
  vsLastYear: z.number().nullable(),
  source: z.enum(['form', 'csv', 'api']),
  updatedAt: z.string(),
});
export type FigureValue = z.infer<typeof FigureValue>;

export const ValuesQuery = z.strictObject({ from: DayParam.optional(), to: DayParam.optional() });

export const ImportResult = z.object({ imported: z.number(), figures: z.array(Id) });

export const CreateListRequest = z.strictObject({
  name: lineText().min(1, 'a name is required').max(80),
  members: z.array(Id).max(5000).default([]),
  groups: z.array(Id).max(500).default([]),
});
export type CreateListRequest = z.infer<typeof CreateListRequest>;

export const RecipientList = z.object({ id: Id, name: z.string(), members: z.array(Id), groups: z.array(Id) });
export type RecipientList = z.infer<typeof RecipientList>;

/** Why a person of a list will not get the SMS (the gateway would refuse it). */
export const Exclusion = z.enum(['no_phone', 'no_opt_in', 'opted_out']);
export type Exclusion = z.infer<typeof Exclusion>;

export const PreviewRequest = z.strictObject({ date: DayParam, listId: Id, template: z.string().max(600).optional() });

export const RecipientPreview = z.object({
  userId: Id,
  name: z.string(),
  phone: z.string().nullable(),
  text: z.string(),
  segments: z.number(),
  encoding: z.enum(['GSM-7', 'UCS-2']),
  costMicros: z.number(),
  excluded: Exclusion.nullable(),
});
export type RecipientPreview = z.infer<typeof RecipientPreview>;

export const SendPreview = z.object({
  date: z.string(),
  currency: z.string(),
  recipients: z.array(RecipientPreview),
  totals: z.object({ receiving: z.number(), excluded: z.number(), segments: z.number(), costMicros: z.number() }),
  templateErrors: z.array(z.string()),
});
export type SendPreview = z.infer<typeof SendPreview>;

export const SendRequest = z.strictObject({ date: DayParam, listId: Id });

/** Figures of one morning message, in order, each once. */
const MessageFigureIds = z
  .array(Id)
  .min(1)
  .max(maxMessageFigures, `at most ${maxMessageFigures} figures in one message`)
  .refine((ids) => new Set(ids).size === ids.length, 'each figure once');

/** The morning message of these figures for everyone on a list, on one day. */
export const MessagePreviewRequest = z.strictObject({ figureIds: MessageFigureIds, listId: Id, date: DayParam });
export type MessagePreviewRequest = z.infer<typeof MessagePreviewRequest>;

export const SendResponse = z.object({
  sendId: z.string(),
  /** `notBefore`: when the gateway sends it at the earliest (later than now in quiet hours). */
  messages: z.array(z.object({ id: Id, to: z.string(), text: z.string(), userId: Id, name: z.string(), notBefore: z.string() })),
  skipped: z.array(z.object({ userId: Id, name: z.string(), reason: z.string() })),
});
export type SendResponse = z.infer<typeof SendResponse>;

const Weekday = z.enum(weekdays);
/** Days of the week, each once: `["mon", "tue", …]`. */
const Days = z
  .array(Weekday)
  .min(1, 'pick at least one day')
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'each day once')
  .transform(inWeekOrder);
const Time = z.string().regex(timePattern, 'a time as HH:MM');
const Cron = z.string().trim().min(9).max(100);
const Window = z.number().int().min(5).max(1380);
const Watch = z.number().int().min(1).max(1440);

/** Monday to Saturday at 09:00: the morning figures' default. */
export const defaultWeekly: Weekly = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], time: '09:00' };

/**
 * When a schedule fires: days and a time (`days`, `time`), or a cron pattern as before
 * (`cron`, five fields, minute first) — one or the other. Both are kept as the pattern.
 */
function checkWhen(s: { cron?: string; days?: unknown; time?: unknown; timeZone?: string }, ctx: z.RefinementCtx) {
  if (s.cron === undefined) return;
  if (s.days !== undefined || s.time !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['cron'], message: 'give either cron, or days and time' });
    return;
  }
  try {
    cronOf(s.cron, s.timeZone ?? 'Europe/Paris');
  } catch (err) {
    ctx.addIssue({ code: 'custom', path: ['cron'], message: `not a cron pattern: ${(err as Error).message}` });
  }
}

export const CreateScheduleRequest = z
  .strictObject({
    figureId: Id,
    /**
     * The figures its one SMS per person carries, in order (a morning message);
     * `figureId` comes first wherever it is put. `figureId` alone when absent.
     */
    figureIds: MessageFigureIds.optional(),
    listId: Id,
    /** Monday to Saturday when absent (with `time`, or alone). */
    days: Days.optional(),
    /** `HH:MM` in `timeZone`; 09:00 when absent. */
    time: Time.optional(),
    /** Still taken: five fields, minute first (`0 9 * * 1-6`). */
    cron: Cron.optional(),
    /** A named IANA zone; the organisation's (its SMS settings) when absent. */
    timeZone: TimeZone.optional(),
    /** A missed send still goes out this long after its time; never later. */
    windowMinutes: Window.default(180),
    /** Not delivered this long after the send: the controller is alerted. */
    watchMinutes: Watch.default(15),
    enabled: z.boolean().default(true),
  })
  .superRefine(checkWhen)
  .transform(({ days, time, ...rest }) => ({
    ...rest,
    cron: rest.cron ?? weeklyCron({ days: days ?? defaultWeekly.days, time: time ?? defaultWeekly.time }),
  }));
export type CreateScheduleRequest = z.input<typeof CreateScheduleRequest>;
/** A creation as the relay reads it: the pattern always set. */
export type CreateScheduleInput = z.output<typeof CreateScheduleRequest>;

export const UpdateScheduleRequest = z
  .strictObject({
    days: Days.optional(),
    time: Time.optional(),
    cron: Cron.optional(),
    timeZone: TimeZone.optional(),
    windowMinutes: Window.optional(),
    watchMinutes: Watch.optional(),
    enabled: z.boolean().optional(),
    listId: Id.optional(),
    /** The message's figures; the schedule's own figure stays first. */
    figureIds: MessageFigureIds.optional(),
  })
  .superRefine(checkWhen);
export type UpdateScheduleRequest = z.infer<typeof UpdateScheduleRequest>;

export const RunView = z.object({
  day: z.string(),
  state: z.enum(['waiting', 'sending', 'sent', 'missed']),
  firedAt: z.string(),
  detail: z.string().nullable(),
  sent: z.number(),
  delivered: z.number(),
});

export const Schedule = z.object({
  id: Id,
  figureId: Id,
  /** Every figure its message carries, `figureId` first. */
  figureIds: z.array(Id),
  listId: Id,
  cron: z.string(),
  /** The days and time the pattern names; null for a pattern of another shape. */
  days: z.array(Weekday).nullable(),
  time: z.string().nullable(),
  timeZone: z.string(),
  windowMinutes: z.number(),
  watchMinutes: z.number(),
  enabled: z.boolean(),
  controllerId: Id,
  next: z.string().nullable(),
  runs: z.array(RunView),
});
export type Schedule = z.infer<typeof Schedule>;

export const Alert = z.object({
  id: Id,
  kind: z.enum(['values-missing', 'too-late', 'undelivered', 'refused']),
  text: z.string(),
  figureId: Id.nullable(),
  scheduleId: Id.nullable(),
  day: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** The alert's own SMS to the controller, or why it could not go. */
  sms: z.string().nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const CreateApiKeyRequest = z.strictObject({
  name: lineText().min(1).max(80),
  figureIds: z.array(Id).min(1, 'name the figures this key may write').max(200),
});

export const ApiKeyView = z.object({
  id: Id,
  name: z.string(),
  scope: z.literal('figures:write'),
  figureIds: z.array(Id),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;
