/**
 * This device's copies of activities: one y-indexeddb database per person and activity,
 * named `conclave:<relay>:<person>:<activity>`, so an activity opens offline. A copy must
 * not outlive the right to read it: it is deleted when the relay says the person may no
 * longer read the activity, when the activity list no longer has it, and at sign-out.
 */
const prefix = 'conclave:';

export function deviceCopyName(relay: string, userId: string, activityId: string): string {
  return `${prefix}${relay}:${userId}:${activityId}`;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // Blocked: another tab still has it open; it is deleted once that tab lets go.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

async function copyNames(): Promise<string[]> {
  try {
    return (await indexedDB.databases()).flatMap((info) => (info.name?.startsWith(prefix) ? [info.name] : []));
  } catch {
    return []; // No IndexedDB (private mode): nothing was kept.
  }
}

/** Deletes the person's copy of one activity, if this device has it. */
export async function forgetCopyOf(relay: string, userId: string, activityId: string) {
  const name = deviceCopyName(relay, userId, activityId);
  if ((await copyNames()).includes(name)) await deleteDatabase(name);
}

/** Deletes the person's copies of activities not in `readable` (their whole, current list). */
export async function keepOnlyCopiesOf(relay: string, userId: string, readable: Iterable<string>) {
  const keep = new Set([...readable].map((id) => deviceCopyName(relay, userId, id)));
  const mine = deviceCopyName(relay, userId, '');
  await Promise.all((await copyNames()).filter((name) => name.startsWith(mine) && !keep.has(name)).map(deleteDatabase));
}

/** Deletes every activity this device keeps, whoever's (sign-out). */
export async function forgetEveryCopy() {
  await Promise.all((await copyNames()).map(deleteDatabase));
}
