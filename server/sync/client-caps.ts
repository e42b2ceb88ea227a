/**
 * How many Yjs client ids a document may hold, and how many new ones one person may take
 * in it (SPEC W14, L9). Every client a document holds is an entry of its state vector,
 * which every client sends back whole when it syncs (sync step 1, bounded by L1): were it
 * to pass a frame, nobody could sync any more. Ids are 32-bit (as Yjs draws them) and
 * clocks below 2^53, so an entry takes at most 13 bytes once encoded.
 */
export interface ClientCaps {
  /** New client ids one person may take in one document per UTC day (presence claims included). */
  newClientsPerDay: number;
  /** Client ids one person may hold in one document, in all. */
  maxClientsPerPerson: number;
  /** Client ids one document may hold: its state vector stays within half a frame (L9). */
  maxDocumentClients: number;
}

/** Bytes one state vector entry takes at most: a 32-bit client id (5) and a clock below 2^53 (8). */
const stateVectorEntryBytes = 13;
/** Yjs draws client ids as unsigned 32-bit numbers. */
export const maxClientId = 0xffff_ffff;

/** The clients a document may hold so that its state vector takes at most half of a frame. */
export function documentClientsFor(maxFrameBytes: number): number {
  return Math.max(1, Math.floor(maxFrameBytes / 2 / stateVectorEntryBytes));
}

/** What a person already took in a document: today (UTC) and in all. */
export interface ClientCounts {
  today: number;
  total: number;
}

export type ClientCapReached =
  | { cap: 'id'; client: number }
  | { cap: 'day' | 'person'; limit: number }
  | { cap: 'document'; limit: number };

/**
 * Whether a person may take `fresh` client ids never seen in the document: null when
 * they may, else the first cap it would pass. Linear in `fresh`.
 */
export function clientCapReached(fresh: readonly number[], counts: ClientCounts, documentClients: number, caps: ClientCaps): ClientCapReached | null {
  if (fresh.length === 0) return null;
  const wide = fresh.find((client) => client > maxClientId);
  if (wide !== undefined) return { cap: 'id', client: wide };
  if (counts.today + fresh.length > caps.newClientsPerDay) return { cap: 'day', limit: caps.newClientsPerDay };
  if (counts.total + fresh.length > caps.maxClientsPerPerson) return { cap: 'person', limit: caps.maxClientsPerPerson };
  if (documentClients + fresh.length > caps.maxDocumentClients) return { cap: 'document', limit: caps.maxDocumentClients };
  return null;
}

/** The sentence a refusal gives (English: the app words it from the rule it names). */
export function describeCapReached(reached: ClientCapReached): string {
  switch (reached.cap) {
    case 'id':
      return `client id ${reached.client} is not a 32-bit number`;
    case 'day':
      return `more than ${reached.limit} new editing sessions in this activity today`;
    case 'person':
      return `more than ${reached.limit} editing sessions in this activity`;
    case 'document':
      return `the activity holds ${reached.limit} editing sessions, its most`;
  }
}
