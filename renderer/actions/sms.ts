import type { UpdateSmsSettingsRequest } from '#core/api/sms';
import { microsPerUnit } from '#core/sms/cost';
import type { ApiClient } from '../api/client.ts';
import * as sms from '../api/sms.ts';
import { FieldIssue } from './field-issue.ts';

/** What the SMS screens do; each returns the relay's answer or throws its ApiError. */
export const sendTestSms = (api: ApiClient, to: string, text: string) => sms.sendTestMessage(api, to, text);
export const recordOptIn = (api: ApiClient, userId: string, how: string) => sms.setConsent(api, userId, true, how);
export const recordOptOut = (api: ApiClient, userId: string, how: string) => sms.setConsent(api, userId, false, how);

/** Reads "0,0725" or "0.0725" (a price) or "" (no budget) into micro-units. */
export function readMoney(text: string): number | null | 'bad' {
  const t = text.replace(/\s/g, '').replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * microsPerUnit) : 'bad';
}

export interface SettingsForm {
  price: string;
  budget: string;
  quietStart: string;
  quietEnd: string;
  timeZone: string;
}

export async function saveSmsSettings(api: ApiClient, form: SettingsForm) {
  const price = readMoney(form.price);
  const budget = readMoney(form.budget);
  if (price === null || price === 'bad') throw new FieldIssue('price', 'sms.bad.price');
  if (budget === 'bad') throw new FieldIssue('budget', 'sms.bad.budget');
  const change: UpdateSmsSettingsRequest = {
    pricePerSegmentMicros: price,
    monthlyBudgetMicros: budget,
    quietStart: form.quietStart,
    quietEnd: form.quietEnd,
    timeZone: form.timeZone,
  };
  return sms.updateSmsSettings(api, change);
}

/** The sender and provider account form: secrets typed, never read back (empty keeps the stored one). */
export interface SenderAccountForm {
  sender: string;
  provider: 'relay' | 'smpp' | 'twilio';
  host: string;
  port: string;
  systemId: string;
  accountSid: string;
  secret: string;
}

export async function saveSenderAccount(api: ApiClient, form: SenderAccountForm) {
  const secret = form.secret === '' ? {} : null;
  const port = Number(form.port);
  if (form.provider === 'smpp' && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new FieldIssue('port', 'sms.bad.port');
  const account: UpdateSmsSettingsRequest['account'] =
    form.provider === 'relay'
      ? null
      : form.provider === 'smpp'
        ? { provider: 'smpp', host: form.host.trim(), port, systemId: form.systemId.trim(), ...(secret ?? { password: form.secret }) }
        : { provider: 'twilio', accountSid: form.accountSid.trim(), ...(secret ?? { authToken: form.secret }) };
  return sms.updateSmsSettings(api, { sender: form.sender.trim() === '' ? null : form.sender.trim(), account });
}
