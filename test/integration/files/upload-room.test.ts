import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStore } from '../../support/operator.ts';
import { upload } from './support.ts';
import { filesWorld, type FilesWorld } from './world.ts';

/**
 * An upload is read only as far as its sender's storage allows (issue 15, principle 6).
 * The relay streamed every upload whole to temporary files (up to 20 files of 100 MB, three
 * uploads at once per person) and only then counted it against the plan: someone with 1 MB
 * left made it write gigabytes, again and again, and an open sign-up gives anyone such an
 * account. Now an upload declaring more than the room left is refused at once (402
 * plan_limit, nothing read), and one that sends more than it without saying is cut there.
 */
const MB = 1024 * 1024;
let w: FilesWorld;

beforeAll(async () => {
  w = await filesWorld();
  const { body } = await upload(w.bob, w.activity, [{ bytes: randomBytes(4096), name: 'earlier.bin' }]);
  // As if Bob's earlier files took all of the Basic plan's 250 MB but 1 MB.
  await writeStore(w.relay.dataDir, 'UPDATE activity_files SET bytes = ? WHERE id = ?', [250 * MB - MB, body.id!]);
}, 120_000);

afterAll(async () => {
  await w?.stop();
});

const token = (api: { token?: string | null }) => api.token ?? '';

/** Sends a multipart upload of `total` bytes, `declared` as its length or chunked; resolves with the answer and how much was sent. */
function send(total: number, declared: boolean): Promise<{ status: number; code: string | undefined; sent: number }> {
  const boundary = '----ConclaveRoom';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(`${w.relay.url}/api/activities/${w.activity}/files`);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token(w.bob)}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(declared ? { 'content-length': String(head.length + total + tail.length) } : {}),
      },
    });
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        req.destroy();
        const code = (JSON.parse(text || '{}') as { error?: { code?: string } }).error?.code;
        resolve({ status: res.statusCode ?? 0, code, sent });
      });
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const chunk = Buffer.alloc(256 * 1024, 7);
    req.write(head);
    // Declared: a first chunk, then nothing until answered (a relay that waits for the rest waits for ever).
    const stopAt = declared ? chunk.length : total;
    const pump = () => {
      while (!answered && sent < stopAt) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered && !declared) req.end(tail);
    };
    pump();
  });
}

describe('an upload is read only as far as the storage left allows', () => {
  it('one declaring 90 MB with 1 MB left is refused plan_limit at once, before its body is read', async () => {
    const got = await send(90 * MB, true);
    expect([got.status, got.code]).toEqual([402, 'plan_limit']);
  });

  it('one sending 90 MB with 1 MB left, its length unsaid, is cut well before its end: plan_limit', async () => {
    const got = await send(90 * MB, false);
    expect([got.status, got.code]).toEqual([402, 'plan_limit']);
    expect(got.sent).toBeLessThan(60 * MB);
  });

  it('what fits still goes in', async () => {
    expect((await upload(w.bob, w.activity, [{ bytes: randomBytes(512 * 1024), name: 'fits.bin' }])).status).toBe(201);
  });
});
