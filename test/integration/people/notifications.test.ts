import { describe, expect, it } from 'vitest';
import type { NotificationSettings } from '#core/api/notifications';
import { addPerson, type Api } from '../../support/api.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';

/**
 * Notification settings over a real relay and an SMTP server on loopback: each person
 * chooses, per kind, e-mail and SMS; a published decision follows those choices, at once
 * or in the next morning's digest.
 */
let world: MailRelay;
let admin: Api;
const start = new Date('2026-12-01T15:00:00Z');
withMailOrganisation(start, (w, a) => {
  world = w;
  admin = a;
});

type Recipient = { name: string; sms: { status: string } | null };

describe('notifications', () => {
  it('a person sees the defaults, and changes them; bad settings change nothing', async () => {
    const bob = await addPerson(admin, 'Bob Martin');
    const defaults = await bob.api.ok<NotificationSettings>('GET', '/api/me/notifications');
    expect(defaults.digest).toBe('none');
    expect(defaults.prefs.find((p) => p.kind === 'decision_published')).toEqual({ kind: 'decision_published', email: true, sms: true });
    for (const bad of [
      { prefs: [{ kind: 'weather', email: true, sms: true }], digest: 'none' },
      { prefs: [{ kind: 'mentioned', email: true, sms: true }, { kind: 'mentioned', email: false, sms: false }], digest: 'none' },
      { prefs: [], digest: 'hourly' },
      { prefs: [], digest: 'none', app: false },
    ]) {
      expect((await bob.api.call('PUT', '/api/me/notifications', bad)).status).toBe(400);
    }
    expect(await bob.api.ok('GET', '/api/me/notifications')).toEqual(defaults);
    const saved = await bob.api.ok<NotificationSettings>('PUT', '/api/me/notifications', { prefs: [{ kind: 'mentioned', email: false, sms: true }], digest: 'none' });
    expect(saved.prefs.find((p) => p.kind === 'mentioned')).toEqual({ kind: 'mentioned', email: false, sms: true });
    expect(saved.prefs).toHaveLength(defaults.prefs.length);
  });

  it('a published decision goes by e-mail to who wants it, waits for the digest of who chose one, and skips the SMS of who declined it', async () => {
    const facilitator = await addPerson(admin, 'Fabien Facilitateur', 'admin'); // an admin may text every member
    const people = await Promise.all(['Chloe Martin', 'Dan Petit', 'Eve Blanc'].map((name) => addPerson(admin, name)));
    const [chloe, dan, eve] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const byEmail = { prefs: [{ kind: 'decision_published', email: true, sms: true }] };
    await chloe.api.ok('PUT', '/api/me/notifications', { ...byEmail, digest: 'none' });
    await dan.api.ok('PUT', '/api/me/notifications', { ...byEmail, digest: 'daily' });
    await eve.api.ok('PUT', '/api/me/notifications', { prefs: [{ kind: 'decision_published', email: false, sms: false }], digest: 'none' });
    const { id: activity } = await facilitator.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move the Lyon office?' });
    for (const p of people) await facilitator.api.ok('POST', `/api/activities/${activity}/members`, { userId: p.id, role: 'contributor' });
    const record = await facilitator.api.ok<{ recipients: Recipient[] }>('POST', `/api/activities/${activity}/decision`, {
      outcome: 'We move to the Part-Dieu tower.',
      rationale: 'Closest to the station.',
    });
    // The first e-mail told Chloe she was added to the activity (`invitation`); the decision's is the second.
    await world.smtp.nthTo('chloe.martin@durand.example', 2);
    const mail = world.smtp.to('chloe.martin@durand.example').find((m) => m.subject.startsWith('Décision'))!;
    expect(mail.subject).toBe('Décision : Lyon office');
    expect(mail.text).toContain('We move to the Part-Dieu tower.');
    expect(mail.text).toContain(`/#/activities/${activity}`);
    expect(record.recipients.find((r) => r.name === 'Eve Blanc')?.sms?.status).toBe('not_wanted');
    expect(record.recipients.find((r) => r.name === 'Chloe Martin')?.sms?.status).not.toBe('not_wanted');
    const decisionsTo = (address: string) => world.smtp.to(address).filter((m) => m.subject.startsWith('Décision'));
    expect(decisionsTo('eve.blanc@durand.example')).toEqual([]);
    expect(decisionsTo('dan.petit@durand.example')).toEqual([]);

    // The next morning at 07:00 UTC, Dan's digest goes (saving settings makes the relay look again at once).
    await world.setClock(new Date('2026-12-02T07:01:00Z'));
    await dan.api.ok('PUT', '/api/me/notifications', { prefs: [], digest: 'daily' });
    // His digest holds both: being added to the activity, and the decision.
    const digest = await world.smtp.nthTo('dan.petit@durand.example');
    expect(digest.subject).toMatch(/^Conclave : 2 nouveautés$/);
    expect(digest.text).toContain('Décision : Lyon office');
    expect(decisionsTo('eve.blanc@durand.example')).toEqual([]);
  });
});
