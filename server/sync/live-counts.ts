export interface AdmissionCaps {
  maxConnectionsPerPerson: number;
  maxConnectionsPerAddress: number;
  maxRoomsPerPerson: number;
}

/** Why a connection is refused at the upgrade (rules C1–C3), as the refusal's message. */
export type AdmissionRefusal = string;

/**
 * Live connections counted per person, per address and per person's room (rules C1–C3).
 * A place is taken synchronously when the upgrade is judged, so that many upgrades
 * racing cannot all pass the check, and given back when the socket closes.
 */
export class LiveCounts {
  private readonly perPerson = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();
  private readonly roomsOf = new Map<string, Map<string, number>>();

  constructor(private readonly caps: AdmissionCaps) {}

  /** Takes a place, or says why there is none; `release` gives it back (once). */
  admit(userId: string, address: string, room: string): { release: () => void } | { refusal: AdmissionRefusal } {
    const { maxConnectionsPerPerson, maxConnectionsPerAddress, maxRoomsPerPerson } = this.caps;
    if ((this.perPerson.get(userId) ?? 0) >= maxConnectionsPerPerson) return { refusal: refusalOf('person', this.caps) };
    if ((this.perAddress.get(address) ?? 0) >= maxConnectionsPerAddress) return { refusal: refusalOf('address', this.caps) };
    const rooms = this.roomsOf.get(userId) ?? new Map<string, number>();
    if (!rooms.has(room) && rooms.size >= maxRoomsPerPerson) return { refusal: refusalOf('rooms', this.caps) };
    bump(this.perPerson, userId, 1);
    bump(this.perAddress, address, 1);
    bump(rooms, room, 1);
    this.roomsOf.set(userId, rooms);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        bump(this.perPerson, userId, -1);
        bump(this.perAddress, address, -1);
        bump(rooms, room, -1);
        if (rooms.size === 0) this.roomsOf.delete(userId);
      },
    };
  }
}

/** What a connection refused at a cap (C1 person, C2 address, C3 rooms) is told. */
export function refusalOf(cap: 'person' | 'address' | 'rooms', caps: AdmissionCaps): AdmissionRefusal {
  if (cap === 'person') return `You have ${caps.maxConnectionsPerPerson} live connections already: close some first.`;
  if (cap === 'address') return `Your address has ${caps.maxConnectionsPerAddress} live connections already: try again later.`;
  return `You have ${caps.maxRoomsPerPerson} activities open already: close one first.`;
}

function bump<K>(map: Map<K, number>, key: K, by: number) {
  const next = (map.get(key) ?? 0) + by;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}
