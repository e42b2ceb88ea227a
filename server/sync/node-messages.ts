import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ActivityRole } from '#core/api/activities';
import { batchFormat, readBatch, writeBatches, type MessageKinds } from '../cluster/bus-batch.ts';
import type { BusCodec } from '../cluster/redis-bus.ts';

/**
 * What relay nodes say to each other about live rooms (server/sync/CLUSTER.md). A client's
 * connection lives on the node that accepted its socket (its *door*); its room lives on
 * the node holding the room's lease (its *owner*), which judges every frame. `conn` is the
 * door's number for the connection, unique on that door.
 */
export type NodeMessage =
  // door → owner
  | { type: 'join'; conn: number; activityId: string; userId: string; userName: string; role: ActivityRole }
  | { type: 'frame'; conn: number; frame: Uint8Array }
  | { type: 'leave'; conn: number }
  // owner → door
  | { type: 'joined'; conn: number; upto: number }
  | { type: 'not-owner'; conn: number }
  | { type: 'send'; conn: number; frame: Uint8Array }
  | { type: 'close'; conn: number; code: number; reason: string }
  /** A committed update of the room (D1), its log id and the one before it in the room: doors find gaps by them. */
  | { type: 'committed'; activityId: string; prevId: number; id: number; except: number; frame: Uint8Array }
  // any node → any node: changes made through one node's API that live connections everywhere follow
  | { type: 'access-changed'; request: number; activityId: string }
  | { type: 'renamed'; request: number; userId: string; name: string }
  | { type: 'signed-out'; request: number; userId: string }
  | { type: 'files-changed'; request: number; activityId: string; added: string[]; removed: string[] }
  /** Broadcast: a password was wrong here for this account from this address (CLUSTER.md N12). */
  | { type: 'sign-in-failed'; account: string; address: string }
  /** Broadcast: a count taken here in the rate window `name` (CLUSTER.md N13), at `at` (ms since the epoch). */
  | { type: 'rate-taken'; name: string; key: string; at: number }
  /** Broadcast: a count taken here in the rate window `name` at `at`, given back (what it counted was refused after all). */
  | { type: 'rate-given-back'; name: string; key: string; at: number }
  | { type: 'done'; request: number }
  // any node → a room's owner: the relay's own changes to a live document (restores, erasures: CLUSTER.md N9), and the owner's answer
  | { type: 'state-ask'; request: number; activityId: string }
  | { type: 'change-ask'; request: number; activityId: string; userId: string; system: boolean; update: Uint8Array }
  | { type: 'answer'; request: number; answer: OwnerAnswer }
  /** What the sender and the receiver said to each other may have been lost (N18): the receiver's clients of the sender's rooms join again, and the receiver judges its rooms' members again. */
  | { type: 'rejoin' };

/** What the relay asks of a room's owner: the document's state, or a change of its own made for `userId`. */
export type OwnerAsk = { kind: 'state' } | { kind: 'change'; userId: string; update: Uint8Array; system: boolean };

/**
 * A room's owner's answer to `state-ask` or `change-ask`: the document's state, the log id of
 * the change (null: it changed nothing), `not-owner` (the room moved meanwhile), or a refusal
 * with its error code and message.
 */
export type OwnerAnswer =
  | { kind: 'state'; state: Uint8Array }
  | { kind: 'changed'; id: number | null }
  | { kind: 'not-owner' }
  | { kind: 'refused'; code: string; message: string };

/**
 * Each kind's number on the wire is its index here: a new kind goes at the end (a node of
 * an earlier version skips it, CLUSTER.md N17), none is removed or moved, and a kind whose
 * fields change meaning is a new kind (fields may only be added at the end of a body).
 */
const kinds = [
  'join',
  'frame',
  'leave',
  'joined',
  'not-owner',
  'send',
  'close',
  'committed',
  'access-changed',
  'renamed',
  'signed-out',
  'done',
  'state-ask',
  'change-ask',
  'answer',
  'files-changed',
  'sign-in-failed',
  'rate-taken',
  'rate-given-back',
  'rejoin',
] as const;
/** File ids one `files-changed` names at most (an upload takes at most 20 files). */
const maxFileIds = 1000;
const answerKinds = ['state', 'changed', 'not-owner', 'refused'] as const;

/**
 * Each kind's fields, after its number (server/cluster/bus-batch.ts frames them). A frame sent to many connections in one batch (a presence
 * change) is written once; `frame` writes or reads the batch's reference to it.
 */
function writeMessage(e: encoding.Encoder, m: NodeMessage, frame: (bytes: Uint8Array) => void) {
  switch (m.type) {
    case 'join':
      encoding.writeVarUint(e, m.conn);
      encoding.writeVarString(e, m.activityId);
      encoding.writeVarString(e, m.userId);
      encoding.writeVarString(e, m.userName);
      encoding.writeVarString(e, m.role);
      break;
    case 'frame':
    case 'send':
      encoding.writeVarUint(e, m.conn);
      frame(m.frame);
      break;
    case 'leave':
    case 'not-owner':
      encoding.writeVarUint(e, m.conn);
      break;
    case 'joined':
      encoding.writeVarUint(e, m.conn);
      encoding.writeVarUint(e, m.upto);
      break;
    case 'close':
      encoding.writeVarUint(e, m.conn);
      encoding.writeVarUint(e, m.code);
      encoding.writeVarString(e, m.reason);
      break;
    case 'committed':
      encoding.writeVarString(e, m.activityId);
      encoding.writeVarUint(e, m.prevId);
      encoding.writeVarUint(e, m.id);
      encoding.writeVarUint(e, m.except);
      frame(m.frame);
      break;
    case 'access-changed':
      encoding.writeVarUint(e, m.request);
      encoding.writeVarString(e, m.activityId);
      break;
    case 'renamed':
      encoding.writeVarUint(e, m.request);
      encoding.writeVarString(e, m.userId);
      encoding.writeVarString(e, m.name);
      break;
    case 'signed-out':
      encoding.writeVarUint(e, m.request);
      encoding.writeVarString(e, m.userId);
      break;
    case 'done':
      encoding.writeVarUint(e, m.request);
      break;
    case 'state-ask':
      encoding.writeVarUint(e, m.request);
      encoding.writeVarString(e, m.activityId);
      break;
    case 'sign-in-failed':
      encoding.writeVarString(e, m.account);
      encoding.writeVarString(e, m.address);
      break;
    case 'rate-taken':
    case 'rate-given-back':
      encoding.writeVarString(e, m.name);
      encoding.writeVarString(e, m.key);
      encoding.writeFloat64(e, m.at);
      break;
    case 'files-changed':
      encoding.writeVarUint(e, m.request);
      encoding.writeVarString(e, m.activityId);
      for (const ids of [m.added, m.removed]) {
        encoding.writeVarUint(e, ids.length);
        for (const id of ids) encoding.writeVarString(e, id);
      }
      break;
    case 'change-ask':
      encoding.writeVarUint(e, m.request);
      encoding.writeVarString(e, m.activityId);
      encoding.writeVarString(e, m.userId);
      encoding.writeVarUint(e, m.system ? 1 : 0);
      encoding.writeVarUint8Array(e, m.update);
      break;
    case 'answer':
      encoding.writeVarUint(e, m.request);
      writeAnswer(e, m.answer);
      break;
    case 'rejoin':
      break;
  }
}

function writeAnswer(e: encoding.Encoder, answer: OwnerAnswer) {
  encoding.writeVarUint(e, answerKinds.indexOf(answer.kind));
  switch (answer.kind) {
    case 'state':
      encoding.writeVarUint8Array(e, answer.state);
      break;
    case 'changed':
      // 0 for null, else the id plus one.
      encoding.writeVarUint(e, answer.id === null ? 0 : answer.id + 1);
      break;
    case 'not-owner':
      break;
    case 'refused':
      encoding.writeVarString(e, answer.code);
      encoding.writeVarString(e, answer.message);
      break;
  }
}

function readAnswer(d: decoding.Decoder): OwnerAnswer {
  const kind = answerKinds[decoding.readVarUint(d)];
  switch (kind) {
    case 'state':
      return { kind, state: decoding.readVarUint8Array(d) };
    case 'changed': {
      const id = decoding.readVarUint(d);
      return { kind, id: id === 0 ? null : id - 1 };
    }
    case 'not-owner':
      return { kind };
    case 'refused':
      return { kind, code: decoding.readVarString(d), message: decoding.readVarString(d) };
    default:
      throw new Error('unknown answer kind');
  }
}

/** The message of kind number `kind`, or undefined for a kind this version does not know. */
function readMessage(kind: number, d: decoding.Decoder, frame: () => Uint8Array): NodeMessage | undefined {
  const type = kinds[kind];
  const uint = () => decoding.readVarUint(d);
  const text = () => decoding.readVarString(d);
  switch (type) {
    case 'join': {
      const conn = uint();
      const activityId = text();
      const userId = text();
      const userName = text();
      return { type, conn, activityId, userId, userName, role: ActivityRole.parse(text()) };
    }
    case 'frame':
    case 'send':
      return { type, conn: uint(), frame: frame() };
    case 'leave':
    case 'not-owner':
      return { type, conn: uint() };
    case 'joined':
      return { type, conn: uint(), upto: uint() };
    case 'close':
      return { type, conn: uint(), code: uint(), reason: text() };
    case 'committed':
      return { type, activityId: text(), prevId: uint(), id: uint(), except: uint(), frame: frame() };
    case 'access-changed':
      return { type, request: uint(), activityId: text() };
    case 'renamed':
      return { type, request: uint(), userId: text(), name: text() };
    case 'signed-out':
      return { type, request: uint(), userId: text() };
    case 'done':
      return { type, request: uint() };
    case 'state-ask':
      return { type, request: uint(), activityId: text() };
    case 'sign-in-failed':
      return { type, account: text(), address: text() };
    case 'rate-taken':
    case 'rate-given-back':
      return { type, name: text(), key: text(), at: decoding.readFloat64(d) };
    case 'files-changed': {
      const request = uint();
      const activityId = text();
      const ids = () => {
        const count = uint();
        if (count > maxFileIds) throw new Error('too many file ids');
        return Array.from({ length: count }, text);
      };
      const added = ids();
      return { type, request, activityId, added, removed: ids() };
    }
    case 'change-ask':
      return { type, request: uint(), activityId: text(), userId: text(), system: uint() === 1, update: decoding.readVarUint8Array(d) };
    case 'answer':
      return { type, request: uint(), answer: readAnswer(d) };
    case 'rejoin':
      return { type };
    default:
      return undefined;
  }
}

const nodeKinds: MessageKinds<NodeMessage> = {
  kindOf: (m) => kinds.indexOf(m.type),
  // Format 1 knew every kind up to this one.
  formatOneKinds: kinds.indexOf('rate-given-back') + 1,
  write: writeMessage,
  read: readMessage,
};

/** What the bus between relay nodes writes and reads (server/cluster/redis-bus.ts). */
export const nodeCodec: BusCodec<NodeMessage> = {
  format: batchFormat,
  write: (from, messages, format) => writeBatches(nodeKinds, from, messages, format),
  read: (data) => readBatch(nodeKinds, data),
};
