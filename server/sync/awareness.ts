import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface Identity {
  id: string;
  name: string;
  role: string;
}

/**
 * Rewrites an awareness update so that every state it carries names the person the
 * relay authenticated (rule A1): a client may choose its colour or cursor, never who
 * it is. Returns the client IDs the update speaks for, for cleanup when it leaves.
 */
export function stampIdentity(update: Uint8Array, who: Identity): { update: Uint8Array; clients: number[] } {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  if (count > 1000) throw new Error('too many awareness states in one update');
  encoding.writeVarUint(encoder, count);
  const clients: number[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    const state: unknown = JSON.parse(raw);
    clients.push(clientId);
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(stamp(state, who)));
  }
  return { update: encoding.toUint8Array(encoder), clients };
}

function stamp(state: unknown, who: Identity): unknown {
  if (state === null) return null;
  const base = typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
  const user = typeof base.user === 'object' && base.user !== null ? (base.user as Record<string, unknown>) : {};
  return { ...base, user: { ...user, id: who.id, name: who.name, role: who.role } };
}
