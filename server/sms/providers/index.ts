import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { OutboxProvider } from './outbox.ts';
import type { SmsProvider } from './provider.ts';
import { SmppProvider } from './smpp.ts';
import { TwilioProvider } from './twilio.ts';

/** The provider named by SMS_PROVIDER (config.ts checked its settings). */
export function createProvider(config: Config, log: Logger): SmsProvider {
  const sms = config.sms;
  switch (sms.provider) {
    case 'smpp':
      return new SmppProvider({
        url: sms.smppUrl ?? '',
        window: sms.smppWindow,
        sender: sms.sender,
        enquireLinkMs: sms.enquireLinkMs,
        log,
      });
    case 'twilio':
      return new TwilioProvider({
        accountSid: sms.twilio.accountSid ?? '',
        authToken: sms.twilio.authToken ?? '',
        from: sms.twilio.from ?? '',
        baseUrl: sms.twilio.baseUrl,
        webhookBaseUrl: sms.webhookBaseUrl,
        log,
      });
    case 'outbox':
      return new OutboxProvider();
  }
}
