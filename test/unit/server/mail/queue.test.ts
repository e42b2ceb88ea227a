import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../../server/mail/queue.ts';
import { classifySmtpError } from '../../../../server/mail/transport.ts';

describe('mail retries', () => {
  it('wait doubles from the base, within ±50 % jitter, and stops growing at six hours', () => {
    expect(retryDelay(1, 1000, 0.5)).toBe(1000);
    expect(retryDelay(3, 1000, 0.5)).toBe(4000);
    expect(retryDelay(3, 1000, 0)).toBe(2000);
    expect(retryDelay(3, 1000, 0.999)).toBeLessThan(6000);
    expect(retryDelay(40, 1000, 0.5)).toBe(6 * 3_600_000);
  });

  it('SMTP answers: 5xx at RCPT bounces, other 5xx fail, 4xx, auth and network errors are retried', () => {
    expect(classifySmtpError({ responseCode: 550, command: 'RCPT TO', response: '550 no' })).toMatchObject({ outcome: 'rejected', bounced: true });
    expect(classifySmtpError({ responseCode: 554, command: 'DATA', response: '554 spam' })).toMatchObject({ outcome: 'rejected', bounced: false });
    expect(classifySmtpError({ responseCode: 451, command: 'DATA' }).outcome).toBe('transient');
    expect(classifySmtpError({ responseCode: 535, code: 'EAUTH' }).outcome).toBe('transient');
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }).outcome).toBe('transient');
  });
});
