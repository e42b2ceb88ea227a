import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAgendaBoard, addAgendaItem, readAgendaItems, readAgendaTimer, startAgendaItem } from '#core/doc/agenda';
import { timerView } from '#core/methods/agenda';
import { clockOffset, RelayClock } from '#core/sync/relay-clock';

const fay = { id: 'fay-00000001', name: 'Fay' };
const board = 'board-agenda';

/** A device whose own clock is `skewMs` off the true time, asking the relay (on the true time) over a `latencyMs` each way. */
function device(skewMs: number) {
  const clock = new RelayClock();
  const local = (trueMs: number) => trueMs + skewMs;
  const ask = (trueMs: number, latencyMs: number) => clock.note(local(trueMs), trueMs + latencyMs, local(trueMs + 2 * latencyMs));
  return { clock, local, ask };
}

describe("the relay's clock on a device (the agenda timer everyone sees)", () => {
  it('the offset is the relay’s time less the middle of the round trip; an answer that took too long, or came back before it left, is not used', () => {
    expect(clockOffset(1_000, 61_050, 1_100)).toBe(60_000);
    expect(clockOffset(1_000, 61_000, 1_000 + 30_001)).toBeNull();
    expect(clockOffset(1_000, 61_000, 999)).toBeNull();
    expect(clockOffset(1_000, Number.NaN, 1_100)).toBeNull();
    expect(clockOffset(1_000, Number.POSITIVE_INFINITY, 1_100)).toBeNull();
  });

  it('the sample with the shortest round trip wins; with none, the device’s own clock', () => {
    const clock = new RelayClock();
    expect(clock.now(5_000)).toBe(5_000);
    clock.note(0, 10_500, 1_000); // ±500 ms
    clock.note(2_000, 12_040, 2_080); // ±40 ms: kept
    clock.note(3_000, 13_600, 3_400); // ±200 ms: not better
    expect(clock.offset).toBe(10_000);
    expect(clock.now(7_000)).toBe(17_000);
  });

  it('two people whose clocks differ by minutes see the same time left on the item the facilitator started', () => {
    const truth = Date.parse('2026-12-06T09:00:00Z');
    const facilitator = device(+95_000); // 95 s fast
    const member = device(-42_000); // 42 s slow
    facilitator.ask(truth - 60_000, 120);
    member.ask(truth - 30_000, 35);

    const doc = new Y.Doc();
    addAgendaBoard(doc, board, fay, new Date(truth));
    addAgendaItem(doc, board, { id: 'item-budget', text: 'Budget', minutes: 10, author: fay, at: new Date(truth) });
    startAgendaItem(doc, board, 'item-budget', new Date(facilitator.clock.now(facilitator.local(truth))));

    const later = truth + 4 * 60_000 + 30_000;
    const seen = [facilitator, member].map((d) => timerView(readAgendaTimer(doc, board), readAgendaItems(doc, board), d.clock.now(d.local(later)))!.leftMs);
    expect(seen).toEqual([330_000, 330_000]);
    // Each on their own clock, they would not agree: the member would see the item started 2 min 17 s in the future.
    const own = [facilitator, member].map((d) => timerView(readAgendaTimer(doc, board), readAgendaItems(doc, board), d.local(later))!.leftMs);
    expect(own[0]).not.toBe(own[1]);
  });
});
