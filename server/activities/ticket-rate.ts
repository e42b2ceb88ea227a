import { ErrorCode } from '#core/api/errors';
import { RateWindow } from '../auth/rate-window.ts';
import { Refusal } from '../errors.ts';

/**
 * Tickets a person was issued in the last minute (rule C4), kept in memory: at most
 * `perMinute` times per person, so the record is bounded by the number of people.
 */
export class TicketRate {
  private readonly window: RateWindow;

  constructor(private readonly perMinute: number) {
    this.window = new RateWindow(perMinute, 60_000);
  }

  /** Counts one ticket for `userId`, or throws 429 when the minute's allowance is spent. */
  take(userId: string, now: number): void {
    const wait = this.window.take(userId, now);
    if (wait > 0) {
      throw new Refusal(ErrorCode.rateLimited, `Too many sync tickets: at most ${this.perMinute} a minute per person. Try again in ${wait} s.`);
    }
  }
}
