/** A logged update and who sent it. */
export interface LoggedUpdate {
  userId: string;
  data: Uint8Array;
}

/**
 * Logged updates packed in one buffer, so that they cross to the history thread by
 * transfer rather than by copy: update `i` is `bytes` from `ends[i - 1]` (0) to `ends[i]`.
 */
export interface UpdateBatch {
  users: string[];
  ends: number[];
  bytes: Uint8Array;
  /** Logged after the moment (a removals job replays these, SPEC H4); otherwise part of the moment. */
  since?: boolean;
}

export function packUpdates(updates: readonly LoggedUpdate[]): UpdateBatch {
  const ends: number[] = [];
  let size = 0;
  for (const u of updates) ends.push((size += u.data.byteLength));
  const bytes = new Uint8Array(size);
  updates.forEach((u, i) => bytes.set(u.data, i === 0 ? 0 : ends[i - 1]));
  return { users: updates.map((u) => u.userId), ends, bytes };
}

export function unpackUpdates(batch: UpdateBatch): LoggedUpdate[] {
  return batch.users.map((userId, i) => ({ userId, data: batch.bytes.subarray(i === 0 ? 0 : batch.ends[i - 1], batch.ends[i]) }));
}
