import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentingOf } from '#core/files/presenting';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';
import { upload } from '../files/support.ts';

const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% ${n}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/**
 * Presenting a file through the relay's presence (SPEC A5): only a facilitator's
 * presentation of a file of the activity reaches the others; a contributor's claim, or a
 * file of another activity, never does; a presenter who stops facilitating, or whose file
 * is removed, stops presenting for everyone; leaving ends it (A2).
 */
describe('presenting a file (SPEC A5)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activity: string;
  let fred: { id: string; api: Api };
  let cid: { id: string; api: Api };
  let offer: string;
  let foreign: string;
  let follower: SyncClient;
  const open: SyncClient[] = [];

  const join = async (api: Api) => {
    const client = await connectClient(api, activity);
    open.push(client);
    await synced(client);
    return client;
  };
  /** What the follower sees `client` present, once its latest presence state arrived. */
  const seenFrom = async (client: SyncClient, mark: string) => {
    client.provider.awareness.setLocalStateField('mark', mark);
    await waitFor(() => (follower.provider.awareness.getStates().get(client.doc.clientID) as { mark?: string } | undefined)?.mark === mark, 5_000, mark);
    return presentingOf(follower.provider.awareness.getStates().get(client.doc.clientID));
  };

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    ({ id: activity } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Supplier', question: 'Which supplier?' }));
    const { id: other } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Other', question: 'Something else entirely?' });
    fred = await addPerson(admin, 'Fred Facilitator');
    cid = await addPerson(admin, 'Cid Contributor');
    await admin.ok('POST', `/api/activities/${activity}/members`, { userId: fred.id, role: 'facilitator' });
    await admin.ok('POST', `/api/activities/${activity}/members`, { userId: cid.id, role: 'contributor' });
    offer = (await upload(admin, activity, [{ bytes: pdf(1), name: 'offer.pdf' }])).body.id!;
    foreign = (await upload(admin, other, [{ bytes: pdf(2), name: 'elsewhere.pdf' }])).body.id!;
    follower = await join(cid.api);
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it("a facilitator's presentation reaches the others, page by page", async () => {
    const presenter = await join(fred.api);
    presenter.provider.awareness.setLocalStateField('presenting', { fileId: offer, page: 1 });
    expect(await seenFrom(presenter, 'p1')).toEqual({ fileId: offer, page: 1 });
    presenter.provider.awareness.setLocalStateField('presenting', { fileId: offer, page: 3 });
    expect(await seenFrom(presenter, 'p3')).toEqual({ fileId: offer, page: 3 });
    presenter.provider.awareness.setLocalStateField('presenting', null);
    expect(await seenFrom(presenter, 'stopped')).toBeNull();
  });

  it("a contributor's claim, and a file of another activity, reach no one", async () => {
    const claimer = await join(cid.api);
    claimer.provider.awareness.setLocalStateField('presenting', { fileId: offer, page: 2 });
    expect(await seenFrom(claimer, 'claim')).toBeNull();
    const presenter = await join(fred.api);
    presenter.provider.awareness.setLocalStateField('presenting', { fileId: foreign, page: 1 });
    expect(await seenFrom(presenter, 'foreign')).toBeNull();
  });

  it('a presenter who stops facilitating stops presenting for everyone', async () => {
    const presenter = await join(fred.api);
    presenter.provider.awareness.setLocalStateField('presenting', { fileId: offer, page: 2 });
    expect(await seenFrom(presenter, 'before')).toEqual({ fileId: offer, page: 2 });
    await admin.ok('PATCH', `/api/activities/${activity}/members/users/${fred.id}`, { role: 'contributor' });
    await waitFor(() => presentingOf(follower.provider.awareness.getStates().get(presenter.doc.clientID)) === null, 5_000, 'presentation ended');
    await admin.ok('PATCH', `/api/activities/${activity}/members/users/${fred.id}`, { role: 'facilitator' });
  });

  it("a removed file's presentation ends; leaving ends it too", async () => {
    const presenter = await join(admin);
    const draft = (await upload(admin, activity, [{ bytes: pdf(3), name: 'draft.pdf' }])).body.id!;
    presenter.provider.awareness.setLocalStateField('presenting', { fileId: draft, page: 1 });
    expect(await seenFrom(presenter, 'draft')).toEqual({ fileId: draft, page: 1 });
    await admin.ok('DELETE', `/api/files/${draft}`);
    await waitFor(() => presentingOf(follower.provider.awareness.getStates().get(presenter.doc.clientID)) === null, 5_000, 'presentation ended');

    presenter.provider.awareness.setLocalStateField('presenting', { fileId: offer, page: 1 });
    expect(await seenFrom(presenter, 'again')).toEqual({ fileId: offer, page: 1 });
    presenter.destroy();
    await waitFor(() => !follower.provider.awareness.getStates().has(presenter.doc.clientID), 5_000, 'presenter gone');
  });
});
