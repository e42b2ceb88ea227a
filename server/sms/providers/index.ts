import type { Logger } from 'pino';
import type { SmsProviderName } from '#core/api/sms';
import type { Config } from '../../config.ts';
import type { OrgAccount } from '../accounts.ts';
import { OutboxProvider } from './outbox.ts';
import type { SmsProvider } from './provider.ts';
import { SmppProvider } from './smpp.ts';
import { TwilioProvider } from './twilio.ts';

/**
 * Every provider, by the name SMS_PROVIDER gives (core/api/sms.ts lists the names; config.ts
 * checked each one's settings). Adding a provider is one folder entry and one line here.
 */
const providers: Record<SmsProviderName, (sms: Config['sms'], log: Logger) => SmsProvider> = {
  outbox: () => new OutboxProvider(),
  smpp: (sms, log) =>
    new SmppProvider({ url: sms.smppUrl ?? '', window: sms.smppWindow, sender: sms.sender, enquireLinkMs: sms.enquireLinkMs, log }),
  twilio: (sms, log) =>
    new TwilioProvider({
      accountSid: sms.twilio.accountSid ?? '',
      authToken: sms.twilio.authToken ?? '',
      from: sms.twilio.from ?? '',
      baseUrl: sms.twilio.baseUrl,
      webhookBaseUrl: sms.webhookBaseUrl,
      log,
    }),
};

/** The provider named by SMS_PROVIDER. */
export function createProvider(config: Config, log: Logger): SmsProvider {
  return providers[config.sms.provider](config.sms, log);
}

/** An organisation's own account, with the relay's window, keep-alive and Twilio API base. */
export function createAccountProvider(account: OrgAccount, sms: Config['sms'], log: Logger): SmsProvider {
  if (account.provider === 'twilio') {
    return providers.twilio({ ...sms, twilio: { ...sms.twilio, accountSid: account.accountSid, authToken: account.authToken, from: sms.sender } }, log);
  }
  const url = `smpp://${encodeURIComponent(account.systemId)}:${encodeURIComponent(account.password)}@${account.host}:${account.port}`;
  return providers.smpp({ ...sms, smppUrl: url }, log);
}
