import type { SmsSettings, UpdateSmsSettingsRequest } from '#core/api/sms';
import type { SmsConfig } from '../config.ts';
import type { Database, Queries } from '../store/db.ts';
import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../errors.ts';
import { accountOf, accountView, saveAccount, twilioNeedsSender } from './accounts.ts';

interface SettingsRow {
  price_per_segment_micros: number;
  monthly_budget_micros: number | null;
  currency: string;
  quiet_start: string;
  quiet_end: string;
  time_zone: string;
  help_text: string;
  mass_sms: 'admins' | 'facilitators';
  sender_daily_limit: number | null;
  person_monthly_cap: number | null;
  sender: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** The sender of organisations that set none: the relay's (SMS_SENDER, or TWILIO_FROM with Twilio). */
export function defaultSenderOf(config: SmsConfig): string {
  return config.provider === 'twilio' ? (config.twilio.from ?? config.sender) : config.sender;
}

export function defaultHelpText(orgName: string) {
  return `${orgName} via Conclave: résumés et décisions par SMS. Répondez OK ou la lettre de votre choix. STOP pour ne plus recevoir, START pour reprendre.`;
}

/** An organisation's SMS settings, or the relay's defaults where it has none. */
export async function settingsOf(db: Queries, config: SmsConfig, orgId: string): Promise<SmsSettings> {
  const row = await db.get<SettingsRow>('SELECT * FROM sms_settings WHERE org_id = ?', [orgId]);
  const sending = { defaultSender: defaultSenderOf(config), account: accountView(await accountOf(db, config, orgId)) };
  if (row) {
    return {
      pricePerSegmentMicros: row.price_per_segment_micros,
      monthlyBudgetMicros: row.monthly_budget_micros,
      currency: row.currency,
      quietStart: row.quiet_start,
      quietEnd: row.quiet_end,
      timeZone: row.time_zone,
      helpText: row.help_text,
      massSms: row.mass_sms,
      senderDailyLimit: row.sender_daily_limit ?? config.senderDailyLimit,
      personMonthlyCap: row.person_monthly_cap,
      sender: row.sender,
      ...sending,
      updatedAt: row.updated_at,
    };
  }
  const org = await db.get<{ name: string }>('SELECT name FROM organizations WHERE id = ?', [orgId]);
  return {
    pricePerSegmentMicros: config.pricePerSegmentMicros,
    monthlyBudgetMicros: config.monthlyBudgetMicros,
    currency: 'EUR',
    quietStart: config.quietStart,
    quietEnd: config.quietEnd,
    timeZone: config.timeZone,
    helpText: defaultHelpText(org?.name ?? 'Conclave'),
    massSms: 'admins',
    senderDailyLimit: config.senderDailyLimit,
    personMonthlyCap: null,
    sender: null,
    ...sending,
    updatedAt: null,
  };
}

/**
 * Changes an organisation's SMS settings; its own provider account (write-only secret) in
 * the same transaction. Returns the settings as the API shows them, secret left out.
 */
export async function updateSettings(
  db: Database,
  config: SmsConfig,
  orgId: string,
  by: string,
  change: UpdateSmsSettingsRequest,
  at: string,
): Promise<SmsSettings> {
  const { account, ...plain } = change;
  await db.transaction(async (tx) => {
    const next = { ...(await settingsOf(tx, config, orgId)), ...plain };
    if (account !== undefined) await saveAccount(tx, config, orgId, account, next.sender, by, at);
    else if (next.sender === null && (await accountOf(tx, config, orgId))?.provider === 'twilio') {
      throw new Refusal(ErrorCode.validation, twilioNeedsSender);
    }
    await tx.run(
      `INSERT INTO sms_settings (org_id, price_per_segment_micros, monthly_budget_micros, currency, quiet_start, quiet_end,
         time_zone, help_text, mass_sms, sender_daily_limit, person_monthly_cap, sender, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (org_id) DO UPDATE SET price_per_segment_micros = excluded.price_per_segment_micros,
         monthly_budget_micros = excluded.monthly_budget_micros, currency = excluded.currency,
         quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, time_zone = excluded.time_zone,
         help_text = excluded.help_text, mass_sms = excluded.mass_sms, sender_daily_limit = excluded.sender_daily_limit,
         person_monthly_cap = excluded.person_monthly_cap, sender = excluded.sender, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [
        orgId,
        next.pricePerSegmentMicros,
        next.monthlyBudgetMicros,
        next.currency,
        next.quietStart,
        next.quietEnd,
        next.timeZone,
        next.helpText,
        next.massSms,
        next.senderDailyLimit,
        next.personMonthlyCap,
        next.sender,
        at,
        by,
      ],
    );
  });
  return settingsOf(db, config, orgId);
}

/** Information SMS (not urgent) a person was sent this month. */
export async function informationSmsThisMonth(db: Queries, orgId: string, userId: string, month: string): Promise<number> {
  const row = await db.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM sms_messages WHERE org_id = ? AND user_id = ? AND urgent = 0 AND substr(created_at, 1, 7) = ?',
    [orgId, userId, month],
  );
  return row?.n ?? 0;
}

/** What the organisation has committed to spend this month (failed before sending is free). */
export async function spentThisMonth(db: Queries, orgId: string, month: string): Promise<number> {
  const row = await db.get<{ spent: number | null }>(
    `SELECT SUM(cost_micros) AS spent FROM sms_messages
      WHERE org_id = ? AND substr(created_at, 1, 7) = ? AND NOT (status IN ('failed', 'expired') AND provider_id IS NULL)`,
    [orgId, month],
  );
  return row?.spent ?? 0;
}
