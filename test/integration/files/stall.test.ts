import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storedFiles, upload } from './support.ts';
import { filesWorld, type FilesWorld } from './world.ts';

/**
 * An upload that stops sending is cut (CONCLAVE_UPLOAD_STALL_MS, here 1 s) and nothing of
 * it is kept: no row, no temporary file, and the person's upload slots come back (three
 * stalled uploads held every slot; without the cut they would hold them until Node's
 * 60 s request timeout, past this test's own time limit).
 */
let w: FilesWorld;
beforeAll(async () => {
  w = await filesWorld({ CONCLAVE_UPLOAD_STALL_MS: '1000' });
}, 60_000);
afterAll(async () => {
  await w?.stop();
});

/** Sends the head of a 1 MB upload, and the first 64 kB of its file, then nothing: resolves when the relay closes the connection. */
function stalledUpload(token: string, activity: string): Promise<string> {
  const url = new URL(w.relay.url);
  const boundary = 'StalledBoundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lent.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        `POST /api/activities/${activity}/files HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${head.length + 1024 * 1024 + 64}\r\n\r\n${head}`,
      );
      socket.write(Buffer.alloc(64 * 1024, 0x41));
    });
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

it('three uploads that stop sending are cut; nothing is kept; the person may upload again', async () => {
  const before = { rows: await w.count('SELECT COUNT(*) AS n FROM activity_files'), disk: await storedFiles(w.relay.dataDir) };
  const stalled = [0, 1, 2].map(() => stalledUpload(w.bob.token!, w.activity));
  await Promise.all(stalled);
  // The temporary files go as the relay cleans up after the cut, which may end just after the
  // connection closes: wait (bounded) for them to go, then nothing may be left.
  const state = async () => [await w.count('SELECT COUNT(*) AS n FROM activity_files'), await storedFiles(w.relay.dataDir)];
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && JSON.stringify(await state()) !== JSON.stringify([before.rows, before.disk])) await new Promise((r) => setTimeout(r, 100));
  expect(await state()).toEqual([before.rows, before.disk]);
  const next = await upload(w.bob, w.activity, [{ bytes: Buffer.from('la suite'), name: 'suite.txt' }]);
  expect(next.status, JSON.stringify(next.body)).toBe(201);
}, 30_000);
