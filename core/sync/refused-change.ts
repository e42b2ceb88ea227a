import * as Y from 'yjs';

/**
 * Which update the relay refused (SPEC W9), named in the 4422 close reason so that the
 * app leaves out that change and no other: the id of its first struct, or of its first
 * deletion when it adds nothing. A device's changes take distinct clocks, and one does
 * not delete the same thing twice, so the id belongs to exactly one of its changes.
 */
export interface RefusedId {
  kind: 'struct' | 'delete';
  client: number;
  clock: number;
}

/** The id naming `update`, or null when it neither adds nor deletes anything. */
export function refusedIdOf(update: Uint8Array): RefusedId | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const first = structs.find((s) => s instanceof Y.Item || s instanceof Y.GC);
  if (first) return { kind: 'struct', client: first.id.client, clock: first.id.clock };
  for (const [client, ranges] of ds.clients) if (ranges[0]) return { kind: 'delete', client, clock: ranges[0].clock };
  return null;
}

/** The close reason's prefix naming the refused update (`#s:<client>:<clock> `); empty for none. */
export function writeRefusedId(id: RefusedId | null): string {
  return id ? `#${id.kind === 'struct' ? 's' : 'd'}:${id.client}:${id.clock} ` : '';
}

/** The refused update's id, read back from a 4422 close reason (null: not named, an older relay). */
export function readRefusedId(reason: string | undefined): RefusedId | null {
  const m = /^#([sd]):(\d{1,16}):(\d{1,16}) /.exec(reason ?? '');
  if (!m) return null;
  const [client, clock] = [Number(m[2]), Number(m[3])];
  if (!Number.isSafeInteger(client) || !Number.isSafeInteger(clock)) return null;
  return { kind: m[1] === 's' ? 'struct' : 'delete', client, clock };
}

/** Whether `update` is the change `id` names: it adds the struct at that clock, or deletes it. */
export function carriesRefused(update: Uint8Array, id: RefusedId): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const within = (client: number, from: number, length: number) => client === id.client && id.clock >= from && id.clock < from + length;
  if (id.kind === 'struct') return structs.some((s) => (s instanceof Y.Item || s instanceof Y.GC) && within(s.id.client, s.id.clock, s.length));
  return (ds.clients.get(id.client) ?? []).some((r) => within(id.client, r.clock, r.len));
}

/**
 * The Yjs client a W10 refusal names (`W10: client <id> is not yours`, after the refused
 * update's name): the relay does not take this device's changes in that client as its
 * person's (SPEC W9, W10). Null for any other refusal.
 */
export function readRefusedClient(reason: string | undefined): number | null {
  const m = /^(?:#[sd]:\d{1,16}:\d{1,16} )?W10: client (\d{1,16}) is not yours/.exec(reason ?? '');
  const client = m ? Number(m[1]) : Number.NaN;
  return Number.isSafeInteger(client) ? client : null;
}
