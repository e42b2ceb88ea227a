import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import type { RawClient } from './raw-client.ts';

/** Frames and probes for tests that attack the relay the way a hostile client would. */

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state's JSON text, as sent (null removes the state). */
  json: string;
}

/** An awareness message carrying exactly these states, bypassing any client-side check. */
export function awarenessFrame(entries: AwarenessEntry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(update, e.clientId);
    encoding.writeVarUint(update, e.clock);
    encoding.writeVarString(update, e.json);
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** Reads the states of an awareness message from the relay (null for a removal). */
export function readAwarenessFrame(frame: Uint8Array): Map<number, { clock: number; state: unknown }> | null {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== 1) return null;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const states = new Map<number, { clock: number; state: unknown }>();
  const count = decoding.readVarUint(update);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(update);
    const clock = decoding.readVarUint(update);
    states.set(clientId, { clock, state: JSON.parse(decoding.readVarString(update)) as unknown });
  }
  return states;
}

/** JSON nested `depth` objects deep, each level padded to about `bytesPerLevel`. */
export function deepJson(depth: number, bytesPerLevel = 8): string {
  const pad = 'x'.repeat(Math.max(0, bytesPerLevel - 12));
  return `${`{"p":"${pad}","n":`.repeat(depth)}0${'}'.repeat(depth)}`;
}

/** A 4-byte sync step 1 with an empty state vector: "send me the whole document". */
export const wholeDocumentPlease = new Uint8Array([0, 0, 1, 0]);
export const queryAwareness = new Uint8Array([3]);

/** Stops reading the socket (the kernel's buffers fill, then the relay's): a slow reader. */
export function stopReading(socket: WebSocket): () => void {
  const tcp = Reflect.get(socket, '_socket') as Socket;
  tcp.pause();
  return () => tcp.resume();
}

/** Resident memory of a process, in MB, from /proc. */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

/** Samples a process's RSS every 50 ms until stopped; returns the highest seen. */
export function watchRss(pid: number): { stop(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // the process is gone: the test sees that elsewhere
    }
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Total bytes a raw client received, once it was allowed to read everything. */
export const bytesReceived = (client: RawClient) => client.frames.reduce((n, f) => n + f.length, 0);

/** Waits for a frame matching `match` among those received after `from`. */
export function nextFrame(client: RawClient, match: (frame: Uint8Array) => boolean, from = client.frames.length) {
  return new Promise<Uint8Array>((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const found = client.frames.slice(from).find(match);
      if (found) return resolve(found);
      if (client.socket.readyState > 1) return reject(new Error('the socket closed before the frame came'));
      if (Date.now() - started > 15_000) return reject(new Error('no such frame came'));
      setTimeout(tick, 10);
    };
    tick();
  });
}
