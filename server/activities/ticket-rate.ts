import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../errors.ts';

/**
 * Tickets a person was issued in the last minute (rule C4), kept in memory: at most
 * `perMinute` times per person, so the record is bounded by the number of people.
 */
export class TicketRate {
  private readonly issued = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Counts one ticket for `userId`, or throws 429 when the minute's allowance is spent. */
  take(userId: string, now: number): void {
    const recent = (this.issued.get(userId) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= this.perMinute) {
      const wait = Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
      this.issued.set(userId, recent);
      throw new Refusal(
        ErrorCode.rateLimited,
        `Too many sync tickets: at most ${this.perMinute} a minute per person. Try again in ${wait} s.`,
      );
    }
    recent.push(now);
    this.issued.set(userId, recent);
    if (this.issued.size > 10_000) this.forgetQuiet(now);
  }

  private forgetQuiet(now: number) {
    for (const [user, times] of this.issued) if (times.every((t) => t <= now - 60_000)) this.issued.delete(user);
  }
}
