import { ErrorCode } from '#core/api/errors';
import type { SharedRates, SharedWindow } from '../auth/shared-rates.ts';
import { Refusal } from '../errors.ts';

/**
 * Tickets a person was issued in the last minute (rule C4), kept in memory and shared with the other nodes: at most
 * `perMinute` times per person, so the record is bounded by the number of people.
 */
export class TicketRate {
  private readonly window: SharedWindow;

  constructor(
    rates: SharedRates,
    private readonly perMinute: number,
  ) {
    this.window = rates.window('sync.tickets', perMinute, 60_000);
  }

  /** Counts one ticket for `userId`, or throws 429 when the minute's allowance is spent. */
  async take(userId: string, now: number): Promise<void> {
    const wait = await this.window.take(userId, now);
    if (wait > 0) {
      throw new Refusal(ErrorCode.rateLimited, `Too many sync tickets: at most ${this.perMinute} a minute per person. Try again in ${wait} s.`);
    }
  }
}
