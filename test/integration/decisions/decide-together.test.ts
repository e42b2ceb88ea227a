import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { addSmsMember, waitUntil } from '../../support/sms.ts';
import { TestSmsc } from '../../support/smsc.ts';

const password = 'correct horse battery staple';
const smsEnv = (url: string) => ({
  SMS_PROVIDER: 'smpp',
  SMPP_URL: url,
  SMS_SENDER: 'Conclave',
  // No quiet hours in this test: the summary must go out whatever the time.
  SMS_QUIET_START: '00:00',
  SMS_QUIET_END: '00:00',
});

interface Recipient {
  name: string;
  sms: { status: string; segments: number | null } | null;
  acknowledgedAt: string | null;
  acknowledgedVia: string | null;
}

/**
 * The "done when", end to end: a precise question with three options, five
 * members score them privately in a weighted matrix and estimate a number in two Delphi
 * rounds; nobody sees anyone's input before the reveal; the decision is published, each
 * member gets one SMS through the SMSC on loopback and acknowledges it with OK; the
 * record exports to PDF and Markdown.
 */
describe('deciding together, from question to acknowledged decision', () => {
  let smsc: TestSmsc;
  let relay: RelayProcess;
  let admin: Api;
  let fiona: Api;
  let activityId: string;
  const members: { name: string; phone: string; api: Api; id: string }[] = [];
  const options = ['Lyon', 'Lille', 'Nantes'];
  const criteria = [
    { label: 'Cost', weight: 3 },
    { label: 'Reach', weight: 1 },
  ];

  beforeAll(async () => {
    smsc = new TestSmsc();
    relay = await startRelayProcess({ env: smsEnv(await smsc.listen()) });
    admin = await setUpOrganisation(relay.url);
    // Facilitators may text every member of their activity (a decision): the organisation's choice.
    await admin.ok('PATCH', '/api/sms/settings', { massSms: 'facilitators' });
    fiona = (await addPerson(admin, 'Fiona Facilitator')).api;
    ({ id: activityId } = await fiona.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Next store',
      question: 'Where do we open the next store?',
    }));
    for (const [i, name] of ['Bob Martin', 'Carol Petit', 'Driss Amrani', 'Emma Roux', 'Farid Benali'].entries()) {
      const phone = `06 12 34 56 7${i}`;
      const { id } = await addSmsMember(admin, name, phone);
      const { token } = await admin.as('').ok<{ token: string }>('POST', '/api/session', {
        email: `${name.toLowerCase().replace(/\W+/g, '.')}@durand.example`,
        password,
      });
      await fiona.ok('POST', `/api/activities/${activityId}/members`, { userId: id, role: 'contributor' });
      members.push({ name, phone: `+3361234567${i}`, api: admin.as(token), id });
    }
    await waitUntil(async () => (await admin.ok<{ connected: boolean }>('GET', '/api/sms/status')).connected, 'the SMPP bind');
  });

  afterAll(async () => {
    await relay?.stop();
    await smsc?.close();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('E1 matrix and two Delphi rounds, sealed; published; one SMS each, acknowledged with OK; exported', async () => {
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const { id: matrixId } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
      kind: 'matrix',
      question: 'Where do we open the next store?',
      options,
      criteria,
      rule: 'weighted-sum',
      deadline,
    });
    const { id: estimateId } = await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
      kind: 'estimate',
      question: 'What will the new store sell in its first year?',
      quantity: 'first-year sales',
      unit: 'k€',
      rule: 'median',
      deadline,
    });

    // Five members score privately. Cost and Reach per option, member i.
    const scores = [
      { Lyon: { Cost: 8, Reach: 6 }, Lille: { Cost: 6, Reach: 9 }, Nantes: { Cost: 5, Reach: 5 } },
      { Lyon: { Cost: 7, Reach: 7 }, Lille: { Cost: 5, Reach: 8 }, Nantes: { Cost: 6, Reach: 4 } },
      { Lyon: { Cost: 9, Reach: 5 }, Lille: { Cost: 6, Reach: 9 }, Nantes: { Cost: 4, Reach: 6 } },
      { Lyon: { Cost: 6, Reach: 8 }, Lille: { Cost: 7, Reach: 7 }, Nantes: { Cost: 5, Reach: 5 } },
      { Lyon: { Cost: 8, Reach: 6 }, Lille: { Cost: 5, Reach: 8 }, Nantes: { Cost: 6, Reach: 4 } },
    ];
    const firstRound = [611.5, 802.25, 433.75, 950.5, 720.125];
    for (const [i, m] of members.entries()) {
      await m.api.ok('POST', `/api/polls/${matrixId}/votes`, { scores: scores[i] });
      await m.api.ok('POST', `/api/polls/${estimateId}/votes`, { value: firstRound[i], reason: `first-reason-${i}` });
    }
    // Sealed: no one (the facilitator and the admin included) reads another's input.
    for (const [who, api] of [['admin', admin], ['facilitator', fiona], ...members.map((m) => [m.name, m.api] as const)] as const) {
      const text = JSON.stringify([
        await api.call('GET', `/api/polls/${matrixId}`),
        await api.call('GET', `/api/polls/${estimateId}`),
        await api.call('GET', `/api/activities/${activityId}/polls`),
      ]);
      const mine = members.findIndex((m) => m.name === who);
      firstRound.forEach((value, i) => {
        if (i !== mine) expect(text, `${who} must not see estimate ${i}`).not.toContain(String(value));
      });
      expect(text).not.toContain('"results":{');
    }

    const matrix = await fiona.ok<{ results: { ranking: { option: string; total: number }[]; winners: string[] } }>(
      'POST',
      `/api/polls/${matrixId}/reveal`,
    );
    // Means: Lyon Cost 7.6 Reach 6.4 → 0.75×7.6 + 0.25×6.4 = 7.3; Lille 5.8/8.2 → 6.4; Nantes 5.2/4.8 → 5.1
    expect(matrix.results.ranking.map((r) => [r.option, Number(r.total.toFixed(6))])).toEqual([
      ['Lyon', 7.3],
      ['Lille', 6.4],
      ['Nantes', 5.1],
    ]);
    type Estimate = { results: { summary: { median: number; iqr: number }; convergence: { converged: boolean } | null } };
    const round1 = await fiona.ok<Estimate>('POST', `/api/polls/${estimateId}/reveal`);
    expect(round1.results.summary).toMatchObject({ median: 720.125, iqr: 802.25 - 611.5 });
    await fiona.ok('POST', `/api/polls/${estimateId}/rounds`, { deadline });
    const secondRound = [700, 760, 690, 800, 720.125];
    for (const [i, m] of members.entries()) {
      // Farid (the last) keeps his estimate and his reason: he did not change his input.
      const reason = i === 4 ? `first-reason-${i}` : `second-reason-${i}`;
      await m.api.ok('POST', `/api/polls/${estimateId}/votes`, { value: secondRound[i], reason });
    }
    const round2 = await fiona.ok<Estimate & { rounds: { changedInput: { name: string }[] | null }[] }>(
      'POST',
      `/api/polls/${estimateId}/reveal`,
    );
    expect(round2.results.summary).toMatchObject({ median: 720.125, iqr: 760 - 700 });
    expect(round2.results.convergence?.converged).toBe(true);
    expect(round2.rounds[1]?.changedInput?.map((p) => p.name)).toEqual(['Bob Martin', 'Carol Petit', 'Driss Amrani', 'Emma Roux']);

    // The decision.
    const published = await fiona.call<{ recipients: Recipient[]; results: { kind: string }[] }>(
      'POST',
      `/api/activities/${activityId}/decision`,
      {
        outcome: 'We open the next store in Lyon, in spring.',
        chosenOption: 'Lyon',
        rationale: 'Lyon scores best on cost, which weighs most; the sales estimate converged around 720 k€.',
        dissent: 'Lille reaches more customers.',
        reviewDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      },
    );
    expect(published.status).toBe(201);
    expect(published.body.results.map((r) => r.kind)).toEqual(['matrix', 'estimate']);
    expect((await fiona.ok<{ status: string }>('GET', `/api/activities/${activityId}`)).status).toBe('decided');
    expect((await members[0]!.api.call('POST', `/api/polls/${matrixId}/votes`, { scores: scores[0] })).status).toBe(409);
    expect((await fiona.call('POST', `/api/activities/${activityId}/decision`, { outcome: 'again', rationale: 'again' })).status).toBe(409);

    // One SMS per member, at most two segments, asking for OK.
    const received = await waitUntil(async () => {
      const messages = smsc.messages().filter((m) => members.some((p) => p.phone === `+${m.destination}`));
      return messages.length >= members.length ? messages : null;
    }, 'one SMS per member');
    for (const m of members) {
      const mine = received.filter((r) => `+${r.destination}` === m.phone);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.parts.length).toBeLessThanOrEqual(2);
      expect(mine[0]!.text).toContain('Lyon');
      // The organisation was set up in French (the default).
      expect(mine[0]!.text).toMatch(/^Conclave - décision "Next store" : Lyon\. /);
      expect(mine[0]!.text).toMatch(/Répondez OK pour en prendre acte\.$/);
    }
    const facilitatorRow = (await fiona.ok<{ recipients: Recipient[] }>('GET', `/api/activities/${activityId}/decision`)).recipients.find(
      (r) => r.name === 'Fiona Facilitator',
    );
    expect(facilitatorRow?.sms?.status).toMatch(/no_phone|no_consent/);

    // Each member answers OK; the relay records it per member.
    for (const m of members) expect(await smsc.deliverMo(m.phone, 'OK')).toBe(0);
    const record = await waitUntil(async () => {
      const r = await fiona.ok<{ recipients: Recipient[] }>('GET', `/api/activities/${activityId}/decision`);
      const acked = r.recipients.filter((p) => p.acknowledgedVia === 'sms');
      return acked.length === members.length ? r : null;
    }, 'five acknowledgements');
    expect(record.recipients.filter((r) => r.acknowledgedAt === null).map((r) => r.name)).toEqual(['Fiona Facilitator']);
    expect(smsc.messages().filter((m) => members.some((p) => p.phone === `+${m.destination}`))).toHaveLength(members.length);

    // In the app: a notice for each member.
    const { notices } = await members[1]!.api.ok<{ notices: { kind: string; activityId: string }[] }>('GET', '/api/decision-notices');
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'published', activityId }));
    // Ratings open on the review date only.
    expect((await members[0]!.api.call('POST', `/api/activities/${activityId}/decision/ratings`, { rating: 4 })).status).toBe(409);

    // Exports.
    const md = await fetch(`${relay.url}/api/activities/${activityId}/decision/export.md`, {
      headers: { authorization: `Bearer ${members[2]!.api.token}`, 'accept-language': 'en' },
    });
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    const markdown = await md.text();
    expect(markdown).toContain('# Decision: Next store');
    expect(markdown).toContain('Lille reaches more customers.');
    expect(markdown).toContain('Lyon: 7.3 (');
    expect(markdown).toContain('5 members of 6 acknowledged.');
    const pdfResponse = await fetch(`${relay.url}/api/activities/${activityId}/decision/export.pdf`, {
      headers: { authorization: `Bearer ${members[2]!.api.token}`, 'accept-language': 'en' },
    });
    expect(pdfResponse.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await pdfResponse.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const parsed = await PDFDocument.load(pdf);
    expect(parsed.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(parsed.getTitle()).toBe('Decision: Next store');
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('/usr/bin/pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
      expect(text).toContain('We open the next store in Lyon, in spring.');
      expect(text).toContain('Lille reaches more customers.');
    }
  });
});
