import { describe, expect, it } from 'vitest';
import { Api, password } from '../../support/api.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';

/** The organisation caps the information SMS each person receives a month; codes a person asks for still go. */
let relay: MailRelay['relay'];
let admin: Api;
withMailOrganisation(new Date('2026-12-01T09:00:00Z'), (w, a) => {
  relay = w.relay;
  admin = a;
});

type Record = { recipients: { name: string; sms: { status: string } | null }[] };

describe('monthly SMS cap per person', () => {
  it('past the cap, a decision SMS to that person is refused as person_cap; an SMS code they ask for still goes', async () => {
    const { id: bob } = await admin.ok<{ id: string }>('POST', '/api/users', { name: 'Bob Martin', email: 'bob@durand.example', password, phone: '+33 6 11 22 33 44', smsOptIn: true, role: 'member' });
    expect((await admin.call('PATCH', '/api/sms/settings', { personMonthlyCap: -1 })).status).toBe(400);
    expect((await admin.ok<{ personMonthlyCap: number | null }>('PATCH', '/api/sms/settings', { personMonthlyCap: 2 })).personMonthlyCap).toBe(2);
    const statuses: (string | undefined)[] = [];
    for (const title of ['Lyon office', 'Budget 2027', 'New logo']) {
      const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title, question: `What do we decide about ${title}?` });
      await admin.ok('POST', `/api/activities/${id}/members`, { userId: bob, role: 'contributor' });
      const record = await admin.ok<Record>('POST', `/api/activities/${id}/decision`, { outcome: 'Yes.', rationale: 'Because.' });
      statuses.push(record.recipients.find((r) => r.name === 'Bob Martin')?.sms?.status);
    }
    expect(statuses.slice(0, 2).every((s) => s !== undefined && s !== 'person_cap')).toBe(true);
    expect(statuses[2]).toBe('person_cap');
    const bobApi = admin.as((await new Api(relay.url).ok<{ token: string }>('POST', '/api/session', { email: 'bob@durand.example', password })).token);
    expect((await bobApi.call('POST', '/api/me/phone', { phone: '+33 6 99 88 77 66' })).status).toBe(202);
    // No cap: the next one goes.
    await admin.ok('PATCH', '/api/sms/settings', { personMonthlyCap: null });
    const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Canteen', question: 'What do we decide about the canteen?' });
    await admin.ok('POST', `/api/activities/${id}/members`, { userId: bob, role: 'contributor' });
    const record = await admin.ok<Record>('POST', `/api/activities/${id}/decision`, { outcome: 'Yes.', rationale: 'Because.' });
    expect(record.recipients.find((r) => r.name === 'Bob Martin')?.sms?.status).not.toBe('person_cap');
  });
});
