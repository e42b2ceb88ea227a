import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * How one publish between relay nodes is framed (CLUSTER.md N17). Format 2:
 *
 *   batch    = head format from frames messages
 *   head     = varUint 2^32         a node of format 1 reads it as the length of the sender's
 *                                   id, longer than any batch: it refuses the batch there
 *   format   = varUint 2
 *   from     = varString            the sender's node id
 *   frames   = count (varUint8Array){count}
 *                                   bytes several messages carry (a presence frame sent to
 *                                   many connections): a body names one by its index
 *   messages = count (kind:varUint length:varUint body){count}
 *
 * A node skips a message whose kind it does not know (a later version's) by its length, and
 * reads no further into a body than the fields it knows (a later version may add fields at
 * its end). Format 1, the version before, framed nothing: `from count (kind fields){count}`,
 * a frame inline at its first use (1, its bytes) and named by its index after (0, index).
 * It is still read, and written to a node that announces no more (redis-bus.ts).
 */
export const batchFormat = 2;

/** Where format 2 starts. */
const head = 2 ** 32;

/** The most a batch holds: above any document's state (CONCLAVE_MAX_DOCUMENT_BYTES, 32 MiB by default), the largest message. */
export const maxBatchBytes = 64 * 1024 * 1024;

/** The most messages (and frames) a batch holds: what one is read into stays a small multiple of its bytes. */
export const maxBatchMessages = 100_000;

/** A batch is malformed: it did not come from a relay node (or from one of a format this one does not read). */
export class MalformedBatch extends Error {}

export interface Batch<M> {
  from: string;
  messages: M[];
  /** The kinds of the messages skipped, one per message: kinds of a later version. */
  skipped: number[];
}

/** Each kind's fields, as a list of kinds gives them (server/sync/node-messages.ts). */
export interface MessageKinds<M> {
  kindOf(message: M): number;
  /** Kinds below this number were known to format 1: a later kind is not written to a node of format 1, which cannot skip it. */
  readonly formatOneKinds: number;
  write(e: encoding.Encoder, message: M, frame: (bytes: Uint8Array) => void): void;
  /** The message of `kind`, or undefined for a kind this version does not know; throws on fields that do not read. */
  read(kind: number, d: decoding.Decoder, frame: () => Uint8Array): M | undefined;
}

export function readBatch<M>(kinds: MessageKinds<M>, data: Uint8Array): Batch<M> {
  if (data.length > maxBatchBytes) throw new MalformedBatch(`a batch of ${data.length} bytes: at most ${maxBatchBytes}`);
  try {
    const d = decoding.createDecoder(data);
    if (decoding.readVarUint(d) !== head) return readFormatOne(kinds, decoding.createDecoder(data));
    const format = decoding.readVarUint(d);
    if (format !== batchFormat) throw new MalformedBatch(`a batch of format ${format}: this node reads formats 1 and ${batchFormat}`);
    const from = decoding.readVarString(d);
    const frames = Array.from({ length: countOf(d) }, () => decoding.readVarUint8Array(d));
    const batch: Batch<M> = { from, messages: [], skipped: [] };
    for (let n = countOf(d); n > 0; n--) {
      const kind = decoding.readVarUint(d);
      const body = decoding.createDecoder(decoding.readVarUint8Array(d));
      const message = kinds.read(kind, body, () => {
        const frame = frames[decoding.readVarUint(body)];
        if (!frame) throw new MalformedBatch('a message names a frame the batch does not hold');
        return frame;
      });
      if (message === undefined) batch.skipped.push(kind);
      else batch.messages.push(message);
    }
    if (decoding.hasContent(d)) throw new MalformedBatch('bytes after the last message');
    return batch;
  } catch (err) {
    if (err instanceof MalformedBatch) throw err;
    throw new MalformedBatch(err instanceof Error ? err.message : 'unreadable batch');
  }
}

/** A count of what follows, each taking a byte at least: more than the bytes left is a lie. */
function countOf(d: decoding.Decoder): number {
  const count = decoding.readVarUint(d);
  if (count > d.arr.length - d.pos) throw new MalformedBatch('a count beyond the end of the batch');
  if (count > maxBatchMessages) throw new MalformedBatch(`${count} messages or frames in a batch: at most ${maxBatchMessages}`);
  return count;
}

function readFormatOne<M>(kinds: MessageKinds<M>, d: decoding.Decoder): Batch<M> {
  const from = decoding.readVarString(d);
  const frames: Uint8Array[] = [];
  const frame = () => {
    if (decoding.readVarUint(d) === 1) {
      const bytes = decoding.readVarUint8Array(d);
      frames.push(bytes);
      return bytes;
    }
    const bytes = frames[decoding.readVarUint(d)];
    if (!bytes) throw new MalformedBatch('a message names a frame the batch does not hold');
    return bytes;
  };
  const messages: M[] = [];
  for (let n = countOf(d); n > 0; n--) {
    const kind = decoding.readVarUint(d);
    const message = kinds.read(kind, d, frame);
    // Without lengths, nothing after an unknown kind can be found.
    if (message === undefined) throw new MalformedBatch(`a message of unknown kind ${kind} in a batch of format 1`);
    messages.push(message);
  }
  if (decoding.hasContent(d)) throw new MalformedBatch('bytes after the last message');
  return { from, messages, skipped: [] };
}

/**
 * `messages` in batches of `format`, in order: in format 2, as many batches as keep each
 * under maxBatchBytes and maxBatchMessages (one message larger than that makes a batch of its own, which the
 * receiver refuses: the bus does not send it).
 */
export function writeBatches<M>(kinds: MessageKinds<M>, from: string, messages: readonly M[], format: number): Uint8Array[] {
  if (format < batchFormat) return [writeFormatOne(kinds, from, messages)];
  const batches: Uint8Array[] = [];
  let batch = new FramedBatch(from);
  for (const message of messages) {
    if (batch.add(kinds, message)) continue;
    batches.push(batch.seal());
    batch = new FramedBatch(from);
    batch.add(kinds, message);
  }
  if (batch.size > 0 || batches.length === 0) batches.push(batch.seal());
  return batches;
}

/** A batch of format 2 being written: the messages' bodies one after the other, their frames apart. */
class FramedBatch {
  private readonly frames = new Map<Uint8Array, number>();
  private readonly bodies = encoding.createEncoder();
  /** Each message's kind and where its body ends in `bodies`. */
  private readonly ends: [kind: number, end: number][] = [];
  private bytes = 0;

  constructor(private readonly from: string) {}

  get size() {
    return this.ends.length;
  }

  /** Adds `message`, or says it would make the batch too large (nothing added then). */
  add<M>(kinds: MessageKinds<M>, message: M): boolean {
    const start = encoding.length(this.bodies);
    const fresh: Uint8Array[] = [];
    kinds.write(this.bodies, message, (bytes) => {
      let index = this.frames.get(bytes);
      if (index === undefined) {
        index = this.frames.size;
        this.frames.set(bytes, index);
        fresh.push(bytes);
      }
      encoding.writeVarUint(this.bodies, index);
    });
    // Each length takes 5 bytes at most (a batch is below 4 GiB).
    const added = encoding.length(this.bodies) - start + 10 + fresh.reduce((sum, f) => sum + f.length + 5, 0);
    const full = this.bytes + added > maxBatchBytes - 1024 || this.ends.length === maxBatchMessages;
    if (this.ends.length > 0 && full) {
      for (const f of fresh) this.frames.delete(f);
      return false;
    }
    this.bytes += added;
    this.ends.push([kinds.kindOf(message), encoding.length(this.bodies)]);
    return true;
  }

  seal(): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, head);
    encoding.writeVarUint(e, batchFormat);
    encoding.writeVarString(e, this.from);
    encoding.writeVarUint(e, this.frames.size);
    for (const bytes of this.frames.keys()) encoding.writeVarUint8Array(e, bytes);
    encoding.writeVarUint(e, this.ends.length);
    const bodies = encoding.toUint8Array(this.bodies);
    let start = 0;
    for (const [kind, end] of this.ends) {
      encoding.writeVarUint(e, kind);
      encoding.writeVarUint8Array(e, bodies.subarray(start, end));
      start = end;
    }
    return encoding.toUint8Array(e);
  }
}

function writeFormatOne<M>(kinds: MessageKinds<M>, from: string, messages: readonly M[]): Uint8Array {
  const known = messages.filter((m) => kinds.kindOf(m) < kinds.formatOneKinds);
  const e = encoding.createEncoder();
  encoding.writeVarString(e, from);
  const frames = new Map<Uint8Array, number>();
  encoding.writeVarUint(e, known.length);
  for (const message of known) {
    encoding.writeVarUint(e, kinds.kindOf(message));
    kinds.write(e, message, (bytes) => {
      const index = frames.get(bytes);
      if (index === undefined) {
        frames.set(bytes, frames.size);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, bytes);
      } else {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, index);
      }
    });
  }
  return encoding.toUint8Array(e);
}
