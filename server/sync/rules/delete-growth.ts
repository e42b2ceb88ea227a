import * as Y from 'yjs';
import { varUintBytes, type ClockRange } from '../delete-set.ts';
import { TooMuchWork, type Place, type UpdateReading } from './places.ts';

/**
 * Every clock an update would leave deleted that is not deleted now (SPEC U14), per client:
 * besides its deleted ranges and collected ranges (read by `UpdateReading`), what Yjs
 * deletes as it integrates: values a map key's new value replaces, items that arrive
 * deleted or land in something deleted, and everything inside a shared type it deletes.
 * Of several new values under one key, which Yjs keeps depends on their origins: each is
 * counted apart, as a range of its own (`uncertainBytes`), which bounds what it can add.
 */
export function clocksLeftDeleted(
  reading: UpdateReading,
  placed: readonly [Y.Item, Place][],
  replaced: readonly Y.Item[],
  maxWalk: number,
): { ranges: Map<number, ClockRange[]>; uncertainBytes: number } {
  const gone = new Set<Y.Item>();
  const whole = (item: Y.Item) => {
    if (gone.has(item)) return;
    gone.add(item);
    const held = Y.getState(reading.doc.store, item.id.client);
    const from = reading.isNew(item) ? Math.max(item.id.clock, held) : item.id.clock;
    reading.leavesDeleted(item.id.client, from, item.id.clock + item.length);
  };
  // Held items deleted by its ranges are noted already (the parts it names); types take everything live inside them along.
  for (const item of reading.deletes) gone.add(item);
  for (const item of replaced) whole(item);
  for (const item of [...reading.deletes, ...replaced]) {
    if (item.content instanceof Y.ContentType) insideOf(item.content.type, reading, whole, maxWalk);
  }
  const placedItems = new Set(placed.map(([item]) => item));
  for (const item of reading.inserts) {
    if (item.content instanceof Y.ContentDeleted || !placedItems.has(item)) whole(item);
  }
  const keys = new Map<Y.Item | string, Map<string, Y.Item[]>>();
  for (const [item, place] of placed) {
    const steps = place.steps;
    // Inside something this update deletes (or deletes itself).
    if (steps.some((s) => gone.has(s.item) || (reading.isNew(s.item) && reading.deletedHere(s.item)))) whole(item);
    const key = steps.at(-1)!.key;
    if (key === null) continue;
    const holder = steps.length > 1 ? steps[steps.length - 2]!.item : place.root;
    let byKey = keys.get(holder);
    if (!byKey) keys.set(holder, (byKey = new Map()));
    const same = byKey.get(key);
    if (same) same.push(item);
    else byKey.set(key, [item]);
  }
  let uncertainBytes = 0;
  for (const byKey of keys.values()) {
    for (const same of byKey.values()) {
      if (same.length < 2) continue;
      for (const item of same) {
        if (gone.has(item)) continue;
        uncertainBytes += varUintBytes(item.id.client) + 1 + varUintBytes(item.id.clock) + varUintBytes(item.length);
      }
    }
  }
  return { ranges: reading.deleting, uncertainBytes };
}

/** Marks every live item inside `type` (and inside the types it holds), walking at most `maxWalk` structs in all. */
function insideOf(type: Y.AbstractType<unknown>, reading: UpdateReading, mark: (item: Y.Item) => void, maxWalk: number) {
  const stack: Y.AbstractType<unknown>[] = [type];
  const step = () => {
    if (++reading.walked > maxWalk) throw new TooMuchWork(reading.walked);
  };
  while (stack.length > 0) {
    const current = stack.pop()!;
    const visit = (item: Y.Item) => {
      step();
      if (item.deleted) return;
      mark(item);
      if (item.content instanceof Y.ContentType) stack.push(item.content.type);
    };
    for (let item = current._start; item !== null; item = item.right) visit(item);
    for (const item of current._map.values()) visit(item);
  }
}
