import { describe, expect, it } from 'vitest';
import { PersonalExport } from '#core/api/people';
import type { User } from '#core/api/users';
import type { Invitation } from '#core/api/invitations';
import { Api, addPerson, password } from '../../support/api.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';
import { erasureDone } from '../../support/erasure.ts';
import { whereStored as storedIn } from '../../support/store-reader.ts';

/**
 * A person's data over a real relay: they download it as JSON; an administrator erases
 * them, after which nothing in the store identifies them and what they did is credited
 * to a former member.
 */
let world: MailRelay;
let admin: Api;
withMailOrganisation(new Date('2026-12-01T09:00:00Z'), (w, a) => {
  world = w;
  admin = a;
});

const whereStored = (needle: string) => storedIn(world.relay.dataDir, needle);

describe('a person’s data', () => {
  it('a person downloads what the relay holds about them; an administrator erases them, and what they did stays as a former member’s', async () => {
    const { id: bobId } = await admin.ok<{ id: string }>('POST', '/api/users', {
      name: 'Bob Martin',
      email: 'bob.martin@durand.example',
      password,
      phone: '+33 6 11 22 33 44',
      smsOptIn: true,
      role: 'member',
    });
    const bob = admin.as((await new Api(world.relay.url).ok<{ token: string }>('POST', '/api/session', { email: 'bob.martin@durand.example', password })).token);
    const carol = await addPerson(admin, 'Carol Roux');
    await admin.ok('POST', '/api/groups', { name: 'Lyon', members: [bobId] });
    const { id: activity } = await bob.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move the Lyon office?' });
    await bob.ok('POST', '/api/invitations', { email: 'chloe@durand.example', activityId: activity });
    const box = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Ideas', question: 'Which ideas first?', kind: 'ideas', categories: ['All'] });
    const idea = await bob.ok<{ id: string }>('POST', `/api/activities/${box.id}/ideas`, { title: 'Bike racks at the Lyon office', text: 'Twenty racks in the yard.', category: 'All' });
    await new Api(world.relay.url).ok('POST', '/api/password-resets', { email: 'bob.martin@durand.example' });
    await world.smtp.nthTo('bob.martin@durand.example');

    const file = await bob.call<unknown>('GET', '/api/me/export');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="conclave-.+\.json"$/);
    const data = PersonalExport.parse(file.body);
    expect(data.person).toMatchObject({ name: 'Bob Martin', email: 'bob.martin@durand.example', phone: '+33611223344', organization: 'Maison Durand' });
    expect(data.groups).toEqual(['Lyon']);
    expect(data.activities.map((a) => a.title)).toContain('Lyon office');
    expect(data.smsConsent[0]).toMatchObject({ phone: '+33611223344', action: 'opt_in' });
    expect(data.emailsReceived.map((m) => m.kind)).toContain('password-reset');
    expect(data.ideas.map((i) => i.id)).toEqual([idea.id]);
    expect(data.invitationsSent.map((i) => i.email)).toEqual(['chloe@durand.example']);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect((await carol.api.call('GET', `/api/users/${bobId}/export`)).status).toBe(403);
    expect((await admin.call('GET', `/api/users/${bobId}/export`)).status).toBe(200);

    // Refusals change nothing.
    expect((await carol.api.call('POST', `/api/users/${bobId}/erase`)).status).toBe(403);
    const me = await admin.ok<User>('GET', '/api/me');
    expect((await admin.call('POST', `/api/users/${me.id}/erase`)).status).toBe(409);
    expect((await admin.call('POST', `/api/users/${bobId}/erase`, { now: true })).status).toBe(400);
    expect((await bob.call('GET', '/api/me')).status).toBe(200);

    const before = await whereStored('bob.martin@durand.example');
    expect(before.length).toBeGreaterThan(0); // proof the search finds it
    expect(await admin.ok('POST', `/api/users/${bobId}/erase`)).toEqual({ erased: true });
    expect((await bob.call('GET', '/api/me')).status).toBe(401);
    const signIn = await new Api(world.relay.url).call<{ error: { code: string } }>('POST', '/api/session', { email: 'bob.martin@durand.example', password });
    expect(signIn.body.error.code).toBe('invalid_credentials');
    // What identified him is kept only while the documents are being rewritten (SPEC E4).
    await erasureDone(world.relay.dataDir);
    expect(await whereStored('bob.martin@durand.example')).toEqual([]);
    expect(await whereStored('+33611223344')).toEqual([]);
    expect(await whereStored('Bob Martin')).toEqual([]);

    const former = await admin.ok<User>('GET', `/api/users/${bobId}`);
    expect(former).toMatchObject({ name: 'Ancien membre', phone: null, disabled: true });
    const invitations = await admin.ok<{ invitations: Invitation[] }>('GET', '/api/invitations?status=all');
    expect(invitations.invitations.find((i) => i.email === 'chloe@durand.example')?.invitedBy.name).toBe('Ancien membre');
    const ideas = await admin.ok<{ ideas: { id: string; authorName?: string }[] }>('GET', `/api/activities/${box.id}/ideas`);
    expect(ideas.ideas.map((i) => i.id)).toContain(idea.id);
    const group = await admin.ok<{ groups: { name: string; members: string[] }[] }>('GET', '/api/groups');
    expect(group.groups.find((g) => g.name === 'Lyon')?.members).toEqual([]);
    expect((await admin.call('POST', `/api/users/${bobId}/erase`)).status).toBe(409);
  });
});
