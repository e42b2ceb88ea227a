import * as encoding from 'lib0/encoding';

/**
 * A batch between relay nodes as the wire has it from format 2 on (CLUSTER.md N17), built by
 * hand: the head no sender id is as long as, the format, the sender, the frames the messages
 * name, then each message as its kind, its length and its body.
 */
export function framed(from: string, frames: Uint8Array[], messages: [kind: number, body: Uint8Array][], format = 2): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 2 ** 32);
  encoding.writeVarUint(e, format);
  encoding.writeVarString(e, from);
  encoding.writeVarUint(e, frames.length);
  for (const f of frames) encoding.writeVarUint8Array(e, f);
  encoding.writeVarUint(e, messages.length);
  for (const [kind, body] of messages) {
    encoding.writeVarUint(e, kind);
    encoding.writeVarUint8Array(e, body);
  }
  return encoding.toUint8Array(e);
}

export function body(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

// The kinds' numbers are the wire's: they never change.
export const leave = (conn: number): [number, Uint8Array] => [2, body((e) => encoding.writeVarUint(e, conn))];

export const rateTaken = (key: string): [number, Uint8Array] => [
  17,
  body((e) => {
    encoding.writeVarString(e, 'comments.account');
    encoding.writeVarString(e, key);
    encoding.writeFloat64(e, 1796600000123);
  }),
];

/** A kind of a later version, with a body this version cannot read. */
export const later: [number, Uint8Array] = [40, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3])];
