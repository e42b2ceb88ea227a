import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { seedMembers, seedStore } from '../../support/seed.ts';
import { queryStore } from '../../support/store.ts';
import { atScale } from '../../support/scale.ts';

const members = atScale(20_000, 5_000);

interface Recipient {
  name: string;
  sms: { status: string } | null;
}

/**
 * Issue 11, findings 6 and 12: a decision published to 20,001 members (`npm run soak`;
 * 5,001 in `npm test`, still many batches), and a record holding 20,000-character words,
 * on the real relay. Seeded through the store (the API would take an hour to add 20,000 people).
 */
describe('decisions at scale', () => {
  let relay: RelayProcess;
  let fiona: Api;
  let fionaId: string;

  beforeAll(async () => {
    relay = await startRelayProcess();
    const admin = await setUpOrganisation(relay.url);
    await admin.ok('PATCH', '/api/sms/settings', { massSms: 'facilitators' });
    ({ api: fiona, id: fionaId } = await addPerson(admin, 'Fiona Facilitator'));
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('exports a record whose rationale and dissent are single 20,000-character words, as PDF and Markdown', async () => {
    const { id } = await fiona.ok<{ id: string }>('POST', '/api/activities', { title: 'Long words', question: 'Can a long word stop the relay?' });
    const word = 'Lorem'.repeat(4_000);
    await fiona.ok('POST', `/api/activities/${id}/decision`, { outcome: 'No.', rationale: word, dissent: `${word.slice(1)}!` });
    const get = (ext: string) => fetch(`${relay.url}/api/activities/${id}/decision/export.${ext}`, { headers: { authorization: `Bearer ${fiona.token}` } });
    const pdf = await get('pdf');
    expect(pdf.status).toBe(200);
    const doc = await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()));
    // 40,000 characters at about 100 a line, 60 lines a page.
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(6);
    const md = await (await get('md')).text();
    expect(md).toContain(word);
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
  });

  it(`publishes to ${members + 1} members at once, answering before every SMS is settled, with the store free for reads meanwhile`, async () => {
    const { id } = await fiona.ok<{ id: string }>('POST', '/api/activities', { title: 'Everyone', question: 'Do we all move to the new site?' });
    await seedStore(relay.dataDir, seedMembers(members, fionaId, id));
    const published = await fiona.call<{ recipients: Recipient[] }>('POST', `/api/activities/${id}/decision`, {
      outcome: 'We move in March.',
      rationale: 'The lease ends.',
    });
    expect(published.status).toBe(201);
    expect(published.body.recipients).toHaveLength(members + 1);
    // The SMS bookkeeping (here: "no phone" for the seeded members) runs on in batches:
    // reads answered while it runs show some recipients still pending.
    let readsWhilePending = 0;
    for (;;) {
      const record = await fiona.ok<{ recipients: Recipient[] }>('GET', `/api/activities/${id}/decision`);
      const pending = record.recipients.filter((r) => r.sms === null).length;
      if (pending === 0) break;
      readsWhilePending += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(readsWhilePending).toBeGreaterThan(0);
    const [notices] = await queryStore<{ n: number }>(
      relay.dataDir,
      'SELECT COUNT(*) AS n FROM decision_notices n JOIN decisions d ON d.id = n.decision_id WHERE d.activity_id = ?',
      [id],
    );
    expect(notices?.n).toBe(members + 1);
    const statuses = await queryStore<{ sms_status: string; n: number }>(
      relay.dataDir,
      `SELECT sms_status, COUNT(*) AS n FROM decision_recipients r JOIN decisions d ON d.id = r.decision_id
        WHERE d.activity_id = ? GROUP BY sms_status`,
      [id],
    );
    expect(statuses).toEqual([{ sms_status: 'no_phone', n: members + 1 }]);
  }, 300_000);
});
