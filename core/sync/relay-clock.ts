/**
 * The relay's clock as a device sees it. Times everyone must agree on (the agenda's running
 * timer: when it started, how long it has run) are written and read on the relay's clock, not
 * each device's own, which may be minutes off. Each sync ticket answer carries the relay's time
 * (`now`, ms since the epoch); the device measures the round trip and takes the relay's time as
 * standing at its middle. The sample with the shortest round trip is the most precise (its error
 * is at most half of it) and is kept; one that took longer than `maxRoundTripMs`, came back
 * before it left, or is not a finite number is not used.
 */
export const maxRoundTripMs = 30_000;

/** Relay time less local time, from one request sent at `sentAtMs` and answered at `receivedAtMs` (local) with the relay's `relayMs`; null when unusable. */
export function clockOffset(sentAtMs: number, relayMs: number, receivedAtMs: number): number | null {
  if (![sentAtMs, relayMs, receivedAtMs].every(Number.isFinite)) return null;
  const roundTrip = receivedAtMs - sentAtMs;
  if (roundTrip < 0 || roundTrip > maxRoundTripMs) return null;
  return Math.round(relayMs - (sentAtMs + roundTrip / 2));
}

export class RelayClock {
  /** Relay time less local time (0 until a sample is taken). */
  offset = 0;
  private bestRoundTrip = Number.POSITIVE_INFINITY;

  /** Takes one sample; kept when its round trip is the shortest yet. */
  note(sentAtMs: number, relayMs: number, receivedAtMs: number) {
    const offset = clockOffset(sentAtMs, relayMs, receivedAtMs);
    const roundTrip = receivedAtMs - sentAtMs;
    if (offset === null || roundTrip >= this.bestRoundTrip) return;
    this.offset = offset;
    this.bestRoundTrip = roundTrip;
  }

  /** The relay's time when the device's own reads `localMs`. */
  now(localMs: number): number {
    return localMs + this.offset;
  }
}
