import type * as Y from 'yjs';
import { RelayClock } from '#core/sync/relay-clock';

/**
 * The relay's clock as this device sees it, per open activity (core/sync/relay-clock.ts):
 * the activity's session notes the relay's time from each sync ticket, and the agenda's timer
 * is started, paused and read on it, so people whose clocks differ see the same time left.
 */
const clocks = new WeakMap<Y.Doc, RelayClock>();

export function relayClockOf(doc: Y.Doc): RelayClock {
  let clock = clocks.get(doc);
  if (!clock) clocks.set(doc, (clock = new RelayClock()));
  return clock;
}

/** The relay's time now, as a Date (the device's own until the first ticket answered). */
export const relayDate = (doc: Y.Doc) => new Date(relayClockOf(doc).now(Date.now()));
