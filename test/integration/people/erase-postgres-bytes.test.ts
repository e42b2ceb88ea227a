import { afterAll, describe, expect, it } from 'vitest';
import { addComment, readComments } from '#core/doc/comments';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { erasureDone } from '../../support/erasure.ts';
import { startPostgres, type PostgresCluster } from '../../support/postgres.ts';
import { clusterBytesFound, tuplesHolding } from '../../support/postgres-bytes.ts';
import { signUpOrganisation } from '../../support/organizations.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { waitUntil } from '../../support/sms.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * SPEC E4 on a PostgreSQL store, read the way someone holding a copy of the cluster's data
 * folder would (a cluster of the test's own, so its files are the test's to read). PostgreSQL
 * keeps a changed or deleted row's earlier version as a dead tuple, and the index entries
 * pointing at it, until VACUUM: before the erasure's VACUUM, the erased person's name, e-mail
 * and phone stood in the users table and its two indexes, the update log, the queued e-mail
 * and the erasure's own queue, after it was done; another organisation's invitation to the
 * address (with the name and number it was given) and its e-mail stayed live until they
 * expired. What the files may still hold once no tuple does — the WAL, and the free space of
 * a page — is the README's ("Erasing a person").
 */
const bob = { name: 'Ysolde Brannickquill', email: 'ysolde.brannickquill@durand.example', phone: '+33611229876' };

let cluster: PostgresCluster | null = null;
let relay: RelayProcess | null = null;
const clients: SyncClient[] = [];
afterAll(async () => {
  for (const c of clients) c.destroy();
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
  await cluster?.stop();
});

/** `needle: where` for each of Bob's name, e-mail and phone. */
async function each(find: (needle: string) => Promise<string[]>): Promise<string[]> {
  const found: string[] = [];
  for (const needle of [bob.name, bob.email, bob.phone]) for (const where of await find(needle)) found.push(`${needle}: ${where}`);
  return found;
}

describe('erasing a person on a PostgreSQL store, byte by byte', () => {
  it('E4: once the erasure is done no row version, live or dead, nor index entry holds the name, e-mail or phone; the files hold them only in the WAL and free space', async () => {
    cluster = await startPostgres();
    const url = await cluster.createDatabase('erase_bytes');
    const dataDir = cluster.dataDir!;
    relay = await startRelayProcess({ env: { CONCLAVE_DATABASE_URL: url, CONCLAVE_SNAPSHOT_EVERY: '3', CONCLAVE_CHECKPOINT_EVERY: '4', CONCLAVE_SIGNUP: 'open' } });
    const admin = await setUpOrganisation(relay.url);
    // Another organisation invites his address, with his name and number: its invitation and e-mail hold them too.
    const rival = await signUpOrganisation(relay.url, 'Rival Company', 'Olga Outsider', 'olga@rival.example');
    const { id: bobId } = await admin.ok<{ id: string }>('POST', '/api/users', { ...bob, phone: '+33 6 11 22 98 76', password, role: 'member' });
    const bobApi = admin.as((await new Api(relay.url).ok<{ token: string }>('POST', '/api/session', { email: bob.email, password })).token);
    const carol = await addPerson(admin, 'Carol Roux');
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move?' });
    for (const who of [bobId, carol.id]) await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: who, role: 'contributor' });
    await rival.ok('POST', '/api/invitations', { email: bob.email, name: bob.name, phone: bob.phone });
    const b = await connectClient(bobApi, activityId);
    clients.push(b);
    await synced(b);
    const asBob = { id: bobId, name: bob.name };
    for (let i = 0; i < 6; i++) addSwotItem(b.doc, { id: `bob-item-${i}`, quadrant: 'strengths', text: `Point ${i}`, author: asBob, at: new Date() });
    addComment(b.doc, { id: 'bob-comment-1', author: asBob, at: new Date(), body: '{"root":{}}', text: `Call me: ${bob.email}, ${bob.phone}`, mentions: [] });
    await waitFor(() => readSwotItems(b.doc).length === 6 && readComments(b.doc).length === 1, 10_000, 'Bob’s entries');
    await waitUntil(async () => (await tuplesHolding(url, bob.phone)).includes('relation doc_updates'), 'Bob’s entries to be logged', 10_000);

    // Proof the searches find him before: in the tuples, and in the files (a relation's, the WAL).
    const before = await each((needle) => tuplesHolding(url, needle));
    for (const where of ['users', 'doc_updates', 'invitations']) expect(before).toContain(`${bob.name}: relation ${where}`);
    expect(before).toContain(`${bob.email}: relation invitations_email`);
    expect(before).toContain(`${bob.email}: relation users_email_key`);
    expect(before).toContain(`${bob.phone}: relation users_phone`);
    const files = await each((needle) => clusterBytesFound(dataDir, url, needle));
    expect(files).toContain(`${bob.name}: relation users`);
    expect(files.some((f) => f.startsWith(`${bob.name}: wal `))).toBe(true);

    expect(await admin.ok('POST', `/api/users/${bobId}/erase`)).toEqual({ erased: true });
    await erasureDone(relay.dataDir);
    expect(await each((needle) => tuplesHolding(url, needle))).toEqual([]);
    // Whatever the files still hold is in the WAL or in a relation's pages, where no tuple holds it (above): their free space.
    const left = await each((needle) => clusterBytesFound(dataDir, url, needle));
    expect(left.filter((where) => !/: (wal|relation) /.test(where))).toEqual([]);
  }, 180_000);
});
