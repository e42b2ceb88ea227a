import type { ActivityRole } from '#core/api/activities';
import { CloseCode, DeniedReason, refusedReason } from '#core/sync/protocol';
import { may } from '../activities/access.ts';
import { clientCapReached, describeCapReached, type ClientCaps, type ClientCounts } from './client-caps.ts';
import type { UpdateFacts } from './update-scan.ts';

/** What the judge may know of the document, read-only. */
export interface DocumentView {
  /** The next clock the document expects from a Yjs client (its state vector entry). */
  state(client: number): number;
  /** The person a Yjs client id belongs to (SPEC W10), if anyone's. */
  owner(client: number): string | undefined;
  /** Bytes the document takes as stored (snapshot plus log tail). */
  bytes: number;
  /** Structs the document holds (an upper bound between recounts). */
  items: number;
  /** Yjs client ids the document holds (its state vector's entries). */
  clients: number;
  archived: boolean;
}

/** Who sent the update, and what they have already used. */
export interface SenderView {
  id: string;
  role: ActivityRole;
  /** Bytes of the document's content that came from this person. */
  shareBytes: number;
  /** Bytes this person wrote today, in every activity; and everyone in this one. */
  personDayBytes: number;
  activityDayBytes: number;
  /** The data folder's disk is nearly full. */
  diskLow: boolean;
  /** Yjs client ids this person took in this document (SPEC W14). */
  clients: ClientCounts;
}

export interface UpdateLimits {
  maxDocumentBytes: number;
  maxDocumentItems: number;
  /** Most of the document one person's content may take, in bytes. */
  maxShareBytes: number;
  personBytesPerDay: number;
  activityBytesPerDay: number;
  clients: ClientCaps;
  /** The document's delete set, encoded, at most (half a frame, U14); and what one contributor's changes may add to it. */
  maxDeleteSetBytes: number;
  maxDeleteSetShareBytes: number;
}

export type Refusal = {
  rule: string;
  /** Sent to the client as an `auth` permission-denied reason; null to say nothing. */
  told: string;
  /** Close the connection with this code; null leaves it open (the update is dropped). */
  close: { code: CloseCode; reason: string } | null;
};

/**
 * Accepted: `writes` are the Yjs clients whose next clocks the update takes, each the
 * sender's already or never seen in the document (the room records them as the sender's).
 */
export type Verdict = { accept: true; writes: number[] } | { accept: false; refusal: Refusal };

const refuse = (rule: string, told: string, close: Refusal['close']): Verdict => ({
  accept: false,
  refusal: { rule, told, close },
});

/**
 * Judges an update before it is applied to anything (SPEC.md, U1–U8, U10, W10, W14, L9): a pure function of
 * what the update would do, what the document is, and who sends it. Accepting means the
 * update will integrate whole: nothing it depends on is missing.
 */
export function judgeUpdate(facts: UpdateFacts, doc: DocumentView, sender: SenderView, limits: UpdateLimits): Verdict {
  if (!may.edit(sender.role)) return refuse('V1', DeniedReason.readOnly, null);
  if (doc.archived) return refuse('U5', DeniedReason.archived, null);
  const dangling = danglingClient(facts, doc);
  if (dangling !== null) {
    return refuse('U2', DeniedReason.dangling, {
      code: CloseCode.danglingUpdate,
      reason: `the update depends on changes of client ${dangling} the relay never received`,
    });
  }
  const writes = clientsWritten(facts, doc);
  const stranger = writes.find((client) => !mayWrite(client, doc, sender.id));
  if (stranger !== undefined) {
    return refuse('W10', refusedReason(`the change writes in another person's Yjs client ${stranger}`, 'W10'), {
      code: CloseCode.changeRefused,
      reason: `W10: client ${stranger} is not yours`,
    });
  }
  // Every client id is an entry of the state vector every client sends back (W14, L9).
  const capped = clientCapReached(
    writes.filter((client) => doc.owner(client) === undefined),
    sender.clients,
    doc.clients,
    limits.clients,
  );
  if (capped?.cap === 'document') {
    return refuse('L9', DeniedReason.documentFull, { code: CloseCode.documentFull, reason: `L9: ${describeCapReached(capped)}` });
  }
  if (capped) {
    const why = describeCapReached(capped);
    return refuse('W14', refusedReason(why, 'W14'), { code: CloseCode.changeRefused, reason: `W14: ${why}` });
  }
  // Only what is new to the document costs (U10). Deleting only shrinks it: always taken,
  // so a full document can be emptied (U6); an update it holds whole changes nothing.
  const fresh = facts.fresh;
  if (fresh.structs === 0) return { accept: true, writes };
  if (sender.diskLow) {
    return refuse('U8', DeniedReason.diskFull, { code: CloseCode.tryAgainLater, reason: 'the relay is low on disk space' });
  }
  const written = fresh.bytes + loggedRowBytes;
  if (sender.personDayBytes + written > limits.personBytesPerDay || sender.activityDayBytes + written > limits.activityBytesPerDay) {
    return refuse('U7', DeniedReason.quota, { code: CloseCode.quotaExhausted, reason: 'daily write quota used up' });
  }
  if (doc.bytes + fresh.bytes > limits.maxDocumentBytes || doc.items + fresh.structs > limits.maxDocumentItems) {
    return refuse('L4', DeniedReason.documentFull, { code: CloseCode.documentFull, reason: 'document is full' });
  }
  if (sender.role !== 'facilitator' && sender.shareBytes + fresh.bytes > limits.maxShareBytes) {
    return refuse('U4', DeniedReason.shareFull, { code: CloseCode.documentFull, reason: 'your share of the document is full' });
  }
  return { accept: true, writes };
}

/**
 * Judges what an update would add to the document's delete set (SPEC U14): `growth` bytes
 * at most, on top of `current`, of which `share` came from the sender's changes already.
 * Deleting what joins deleted neighbours adds nothing, so emptying stays possible (U6).
 */
export function judgeDeleteSet(growth: number, current: { total: number; share: number }, role: ActivityRole, limits: UpdateLimits): Verdict | null {
  if (growth <= 0) return null;
  const over = current.total + growth > limits.maxDeleteSetBytes;
  const overShare = role !== 'facilitator' && current.share + growth > limits.maxDeleteSetShareBytes;
  if (!over && !overShare) return null;
  const why = over
    ? `the document's deletions are too scattered (over ${limits.maxDeleteSetBytes} bytes once encoded): delete whole runs instead`
    : `your deletions are too scattered (over ${limits.maxDeleteSetShareBytes} bytes of the document's deletions once encoded)`;
  return refuse('U14', refusedReason(why, 'U14'), { code: CloseCode.changeRefused, reason: `U14: ${why}` });
}

/** The clients whose ranges in the update go past what the document holds of them. */
function clientsWritten(facts: UpdateFacts, doc: DocumentView): number[] {
  const writes: number[] = [];
  for (const [client, ranges] of facts.ranges) {
    const last = ranges.at(-1);
    if (last && last.to > doc.state(client)) writes.push(client);
  }
  return writes;
}

/**
 * A Yjs client's next clocks are its person's (SPEC W10): filled by anyone else, even
 * with placeholders, they would make every peer drop that person's edits there.
 */
function mayWrite(client: number, doc: DocumentView, sender: string): boolean {
  const owner = doc.owner(client);
  return owner === undefined ? doc.state(client) === 0 : owner === sender;
}

/** What one logged update costs the store besides its bytes (row, ids, time, summary). */
export const loggedRowBytes = 64;

/**
 * The first client whose structs the document could not integrate now: a range that
 * starts past what the document (or the update itself) holds, an origin or parent not yet
 * known, or a deletion of what does not exist yet. Yjs would park such structs unseen.
 */
function danglingClient(facts: UpdateFacts, doc: DocumentView): number | null {
  const held = new Map<number, number>();
  const holds = (client: number) => held.get(client) ?? doc.state(client);
  for (const [client, ranges] of facts.ranges) {
    let upTo = doc.state(client);
    for (const range of ranges) {
      if (range.from > upTo) return client;
      upTo = Math.max(upTo, range.to);
    }
    held.set(client, upTo);
  }
  for (const [client, clock] of facts.needs) if (clock >= holds(client)) return client;
  for (const [client, end] of facts.deletesUpTo) if (end > holds(client)) return client;
  return null;
}
