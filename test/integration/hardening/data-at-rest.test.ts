import { stat, readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { plainJpeg } from '../../support/images.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { postIdeaForm } from '../ideas/support.ts';

/**
 * Issue 11, finding 13 on the real relay: the store and photos are private to the
 * relay's user, and the sync URL never comes from the request's Host header.
 */
describe('data at rest and the sync URL', () => {
  let relay: RelayProcess;
  let admin: Api;

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  const mode = async (file: string) => (await stat(file)).mode & 0o777;

  it('the data folder is 0700; the store, its WAL and shared memory, and photos are 0600', async () => {
    const { id: boxId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      kind: 'ideas',
      title: 'Ideas',
      question: 'What would you change?',
      categories: ['Shopping'],
    });
    const posted = await postIdeaForm(admin, boxId, { title: 'A photo', text: 'See it.', category: 'Shopping' }, { bytes: plainJpeg, name: 'a.jpg', type: 'image/jpeg' });
    expect(posted.status).toBe(201);
    expect(await mode(relay.dataDir)).toBe(0o700);
    for (const name of ['conclave.sqlite', 'conclave.sqlite-wal', 'conclave.sqlite-shm']) {
      expect([name, await mode(path.join(relay.dataDir, name))]).toEqual([name, 0o600]);
    }
    const photoDir = path.join(relay.dataDir, 'photos');
    expect(await mode(photoDir)).toBe(0o700);
    const photos = await readdir(photoDir);
    expect(photos).toHaveLength(1);
    expect(await mode(path.join(photoDir, photos[0]!))).toBe(0o600);
  });

  it('without CONCLAVE_PUBLIC_URL the sync URL is the listening address, whatever Host says', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Plan', question: 'Which plan?' });
    const url = new URL(`/api/activities/${id}/sync-ticket`, relay.url);
    // Written by hand on a socket, so that the Host header says exactly what an attacker wants.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(`POST ${url.pathname} HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer ${admin.token}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const answer = { status: Number(raw.split(' ')[1]), body: { url: /"url":"([^"]+)"/.exec(raw)?.[1] } };
    expect(answer.status).toBe(201);
    expect(answer.body.url).toBeTruthy();
    expect(answer.body.url).not.toContain('evil.example');
    expect(new URL(answer.body.url!).host).toBe(new URL(relay.url).host);
  });
});
