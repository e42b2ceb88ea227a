import { afterAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation } from '../../support/api.ts';
import { startMailRelay, type MailRelay } from '../../support/mail-relay.ts';
import type { RelayProcess } from '../../support/relay.ts';
import { seedMembers, seedStore } from '../../support/seed.ts';
import { waitUntil } from '../../support/sms.ts';
import { queryStore } from '../../support/store.ts';

/**
 * A decision's e-mails (on by default) across a kill -9 while they are being sent over
 * SMTP: after the restart every recipient's e-mail is accounted for, and no address
 * receives it twice — what was being handed over ends `unconfirmed`, never sent again.
 */
describe('decision e-mails across a crash', () => {
  let world: MailRelay | undefined;
  let restarted: RelayProcess | undefined;
  afterAll(async () => {
    await restarted?.stop();
    await world?.close();
  });

  it('go once each: killed mid-send, the rest goes after the restart, none twice', async () => {
    world = await startMailRelay(new Date('2026-12-01T15:00:00Z'));
    const admin = await setUpOrganisation(world.relay.url);
    const { api: fiona, id: fionaId } = await addPerson(admin, 'Fiona Facilitator');
    const { id } = await fiona.ok<{ id: string }>('POST', '/api/activities', { title: 'Everyone', question: 'Do we all move to the new site?' });
    const members = 400;
    await seedStore(world.relay.dataDir, seedMembers(members, fionaId, id));
    await fiona.ok('POST', `/api/activities/${id}/decision`, { outcome: 'We move in March.', rationale: 'The lease ends.' });
    const decisionMail = () => world!.smtp.received.filter((m) => m.subject === 'Décision : Everyone');
    await waitUntil(async () => (decisionMail().length >= 20 ? true : null), 'some decision e-mails sent', 60_000);
    // The SMTP server now reads messages and never answers: those are mid-handover at the kill.
    world.smtp.hold = true;
    const held = decisionMail().length;
    await waitUntil(async () => (decisionMail().length > held ? true : null), 'a message held by the SMTP server', 60_000);
    await world.relay.kill9();
    world.smtp.hold = false;
    const before = decisionMail().length;
    expect(before).toBeLessThan(members + 1);
    restarted = await world.relay.restart();
    const dataDir = world.relay.dataDir;
    const settled = async () => {
      const [row] = await queryStore<{ pending: number; sent: number; unconfirmed: number }>(
        dataDir,
        `SELECT (SELECT COUNT(*) FROM decision_recipients WHERE email_status IS NULL) AS pending,
                COUNT(CASE WHEN status = 'sent' THEN 1 END) AS sent, COUNT(CASE WHEN status = 'unconfirmed' THEN 1 END) AS unconfirmed
           FROM mail_messages WHERE kind = 'notification.decision_published'`,
      );
      return row && row.pending === 0 && row.sent + row.unconfirmed === members + 1 ? row : null;
    };
    const done = await waitUntil(settled, 'every decision e-mail sent or unconfirmed', 180_000);
    const addresses = decisionMail().flatMap((m) => m.envelopeTo);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses.length).toBeGreaterThanOrEqual(done.sent);
    expect(addresses.length).toBeLessThanOrEqual(done.sent + done.unconfirmed);
    expect(addresses.length).toBeGreaterThan(before);
  }, 400_000);
});
