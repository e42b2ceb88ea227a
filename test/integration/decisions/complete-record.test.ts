import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

interface RoundOnRecord {
  round: number;
  participants: number;
  eligible: number;
  result: { kind: string; summary?: { median: number } | null } | null;
}

/**
 * Issue 13, finding 8: the decision record keeps every round of a Delphi estimate (the
 * first round's median survives an empty last round), how many took part of how many
 * could, and the organisation's name — in the record and in both exports.
 */
describe('the complete decision record', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  const members: Api[] = [];
  const exported = async (who: Api, language: string) =>
    (
      await fetch(`${relay.url}/api/activities/${activityId}/decision/export.md`, {
        headers: { authorization: `Bearer ${who.token}`, 'accept-language': language },
      })
    ).text();

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Next store',
      question: 'What will the new store sell in its first year?',
    }));
    for (const name of ['Bob Martin', 'Carol Petit', 'Driss Amrani']) {
      const person = await addPerson(admin, name);
      await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: person.id, role: 'contributor' });
      members.push(person.api);
    }
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('keeps round 1 of a Delphi estimate whose last round stayed empty, with participation and the organisation', async () => {
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const { id: pollId } = await admin.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
      kind: 'estimate',
      question: 'What will the new store sell in its first year?',
      quantity: 'first-year sales',
      unit: 'k€',
      rule: 'median',
      deadline,
    });
    // Two of the four who may estimate do so in round 1; nobody in round 2.
    await members[0]!.ok('POST', `/api/polls/${pollId}/votes`, { value: 600, reason: 'like Lyon' });
    await members[1]!.ok('POST', `/api/polls/${pollId}/votes`, { value: 840, reason: 'a busy street' });
    await admin.ok('POST', `/api/polls/${pollId}/reveal`);
    await admin.ok('POST', `/api/polls/${pollId}/rounds`, { deadline });

    await admin.ok('POST', `/api/activities/${activityId}/decision`, { outcome: 'We plan on 720 k€.', rationale: 'The first round said so.' });
    const record = await members[2]!.ok<{ organization: string; results: { rounds: number; roundResults: RoundOnRecord[] }[] }>(
      'GET',
      `/api/activities/${activityId}/decision`,
    );
    expect(record.organization).toBe('Maison Durand');
    const estimate = record.results[0]!;
    expect(estimate.rounds).toBe(2);
    expect(estimate.roundResults.map((r) => [r.round, r.participants, r.eligible, r.result?.summary?.median ?? null])).toEqual([
      [1, 2, 4, 720],
      [2, 0, 4, null],
    ]);

    const markdown = await exported(members[2]!, 'en-GB,en;q=0.9');
    expect(markdown).toContain('Maison Durand');
    expect(markdown).toMatch(/Round 1[^\n]*2 of 4/);
    expect(markdown).toMatch(/median 720\b/);
    expect(markdown).toMatch(/Round 2[^\n]*0 of 4/);
  });

  it('exports the record in the reader’s language: their profile’s, else their browser’s (issue 13, finding 3)', async () => {
    const french = await exported(members[1]!, 'de-DE, fr;q=0.8, en;q=0.5');
    expect(french).toContain('# Décision : Next store');
    expect(french).toMatch(/Tour 1[^\n]*2 sur 4 ont participé/);
    expect(french).toMatch(/médiane 720\b/);
    expect(french).not.toMatch(/Round|median|took part|acknowledged/);
    await members[1]!.ok('PATCH', '/api/me', { language: 'en' });
    expect(await exported(members[1]!, 'fr-FR')).toContain('# Decision: Next store');
  });
});
