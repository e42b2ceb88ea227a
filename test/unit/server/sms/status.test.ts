import { describe, expect, it } from 'vitest';
import { advance, smsStatuses } from '../../../../server/sms/status.ts';
import { fateOf } from '../../../../server/sms/lifecycle.ts';
import { retryDelay } from '../../../../server/sms/outcomes.ts';

describe('SMS status', () => {
  it('only moves forward', () => {
    expect(advance('queued', 'sending')).toEqual({ status: 'sending', moved: true });
    expect(advance('sending', 'delivered')).toEqual({ status: 'delivered', moved: true });
    expect(advance('delivered', 'sent')).toEqual({ status: 'delivered', moved: false });
    expect(advance('sent', 'sent')).toEqual({ status: 'sent', moved: false });
  });
  it('never changes a final status', () => {
    for (const final of ['delivered', 'undelivered', 'failed', 'expired'] as const) {
      for (const next of smsStatuses) expect(advance(final, next).status).toBe(final);
    }
  });
  it('goes back to the queue only as a retry of a message still being sent', () => {
    expect(advance('sending', 'queued', 'retry')).toEqual({ status: 'queued', moved: true });
    expect(advance('sending', 'queued')).toEqual({ status: 'sending', moved: false });
    for (const moved of ['queued', 'sent', 'delivered', 'failed'] as const) expect(advance(moved, 'queued', 'retry').moved).toBe(false);
  });
  it("takes the worst of its parts' receipts as its fate, a lone 'sent' counting as delivered", () => {
    expect(fateOf(['delivered', 'delivered'])).toBe('delivered');
    expect(fateOf(['sent'])).toBe('delivered');
    expect(fateOf(['delivered', 'expired', 'delivered'])).toBe('expired');
    expect(fateOf(['expired', 'undelivered'])).toBe('undelivered');
    expect(fateOf(['undelivered', 'failed', 'delivered'])).toBe('failed');
  });
  it('backs off exponentially with jitter, capped at an hour', () => {
    expect(retryDelay(1000, 1, () => 0.5)).toBe(1000);
    expect(retryDelay(1000, 4, () => 0.5)).toBe(8000);
    expect(retryDelay(1000, 40, () => 1)).toBe(3_600_000 * 1.2);
    expect(retryDelay(1000, 2, () => 0)).toBe(1600);
  });
});
