import { describe, expect, it } from 'vitest';
import { Api, addPerson, password } from '../../support/api.ts';
import { erasureDone } from '../../support/erasure.ts';
import { bytesFound } from '../../support/file-bytes.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * Erasing a person who made others hear of things (SPEC E4, README "Erasing a person"):
 * Bob added people to his activity and opened a vote, so his name went into their
 * notices, into the daily digest one of them waits for, into that digest once sent, and
 * into the e-mails sent to the others. Once he is erased and the erasure is done, no page
 * of the SQLite file nor the WAL holds his name, e-mail or phone.
 */
const bob = { name: 'Bob Martin', email: 'bob.martin@durand.example', phone: '+33611223344' };
let world: MailRelay;
let admin: Api;
withMailOrganisation(
  new Date('2026-12-01T09:00:00Z'),
  (w, a) => {
    world = w;
    admin = a;
  },
  { CONCLAVE_NOTICES_TICK_MS: '100' },
);

async function traces() {
  const found: string[] = [];
  for (const needle of [bob.name, bob.email, bob.phone]) for (const where of await bytesFound(world.relay.dataDir, needle)) found.push(`${needle}: ${where}`);
  return found;
}

const count = async (sql: string, params: (string | number)[] = []) => (await queryStore<{ n: number }>(world.relay.dataDir, sql, params))[0]!.n;

async function until(what: string, check: () => Promise<boolean>) {
  for (let tries = 0; !(await check()); tries++) {
    if (tries > 400) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('erasing someone who made others hear of things', () => {
  it('E4: their name leaves the others’ notices, digests waiting and sent, and e-mails: no page nor the WAL holds it', async () => {
    const { id: bobId } = await admin.ok<{ id: string }>('POST', '/api/users', { ...bob, phone: '+33 6 11 22 33 44', password, role: 'member' });
    const bobApi = admin.as((await new Api(world.relay.url).ok<{ token: string }>('POST', '/api/session', { email: bob.email, password })).token);
    const carol = await addPerson(admin, 'Carol Carre');
    const dan = await addPerson(admin, 'Dan Dupuis');
    await carol.api.ok('PUT', '/api/me/notifications', { prefs: [], digest: 'daily' });

    const { id: activityId } = await bobApi.ok<{ id: string }>('POST', '/api/activities', { title: 'Canteen menu', question: 'Which caterer from January?' });
    for (const who of [carol, dan]) await bobApi.ok('POST', `/api/activities/${activityId}/members`, { userId: who.id, role: 'contributor' });
    await bobApi.ok('POST', `/api/activities/${activityId}/polls`, {
      kind: 'single',
      question: 'Which caterer?',
      options: ['Dupont', 'Martin'],
      rule: 'plurality',
      deadline: '2026-12-09T09:00:00Z',
    });
    await world.smtp.nthTo('dan.dupuis@durand.example', 2);
    await until("Carol's digest items", async () => (await count('SELECT COUNT(*) AS n FROM digest_items WHERE user_id = ?', [carol.id])) === 2);
    // The next morning, Carol's digest goes (saving her settings makes the relay look again at once).
    await world.setClock(new Date('2026-12-02T07:05:00Z'));
    await carol.api.ok('PUT', '/api/me/notifications', { prefs: [], digest: 'daily' });
    const digest = await world.smtp.nthTo('carol.carre@durand.example');
    expect(digest.text).toContain(bob.name);
    expect((await traces()).length).toBeGreaterThan(0);

    expect(await admin.ok('POST', `/api/users/${bobId}/erase`)).toEqual({ erased: true });
    await erasureDone(world.relay.dataDir);
    expect(await traces()).toEqual([]);
  }, 120_000);
});
