import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { insertion, sendUpdate } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';


describe('daily write quotas (SPEC U7)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  let ana: { id: string; api: Api };
  let ben: { id: string; api: Api };

  beforeAll(async () => {
    relay = await startRelayProcess({
      env: { CONCLAVE_PERSON_BYTES_PER_DAY: '100000', CONCLAVE_ACTIVITY_BYTES_PER_DAY: '150000' },
    });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Quotas',
      question: 'Can one person write without end?',
    }));
    ana = await addPerson(admin, 'Ana Lopes');
    ben = await addPerson(admin, 'Ben Okafor');
    for (const p of [ana, ben]) {
      await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: p.id, role: 'contributor' });
    }
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it("U7: a person's and an activity's bytes per day are capped, told with 4429, and survive a restart", async () => {
    expect(await sendUpdate(ana.api, activityId, insertion('ana-1', 40_000))).toBeNull();
    expect(await sendUpdate(ana.api, activityId, insertion('ana-2', 40_000))).toBeNull();
    expect(await sendUpdate(ana.api, activityId, insertion('ana-3', 40_000))).toBe(4429);
    // Ben has his own quota, but the activity's is nearly used up.
    expect(await sendUpdate(ben.api, activityId, insertion('ben-1', 40_000))).toBeNull();
    expect(await sendUpdate(ben.api, activityId, insertion('ben-2', 40_000))).toBe(4429);

    await relay.stop();
    relay = await relay.restart();
    expect(await sendUpdate(ana.api, activityId, insertion('ana-4', 40_000))).toBe(4429);
  });
});

describe('the free-disk watch (SPEC U8)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Disk',
      question: 'What happens before the disk is full?',
    }));
    await relay.stop();
    // More free space required than any disk has: the relay sees its disk as nearly full.
    relay = await startRelayProcess({
      dataDir: relay.dataDir,
      port: Number(new URL(relay.url).port),
      env: { CONCLAVE_MIN_FREE_DISK_BYTES: String(2 ** 52) },
    });
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('U8: with the disk nearly full, edits are refused with 1013 and API writes with 507; reads still work', async () => {
    expect(await sendUpdate(admin, activityId, insertion('late', 100))).toBe(1013);
    const created = await admin.call<{ error: { code: string; message: string } }>('POST', '/api/activities', {
      title: 'One more',
      question: 'Is there room?',
    });
    expect(created.status).toBe(507);
    expect(created.body.error.code).toBe('disk_full');
    const read = await admin.call('GET', `/api/activities/${activityId}`);
    expect(read.status).toBe(200);
    expect(relay.output()).toContain('disk nearly full');
  });
});
