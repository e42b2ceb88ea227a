import path from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

/**
 * Issue 11, finding 14 on the real relay: long store work (a 20,000-row CSV import) does
 * not hold the store's lock from start to end, so another person's simple request is
 * answered while the import is still writing. Measured as an order of events, not as
 * a duration: a request sent while the import holds the store's write lock must be
 * answered before the import is.
 */
describe('the store lock during long work', () => {
  let relay: RelayProcess;
  let admin: Api;
  let probe: sqlite3.Database;

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    probe = new sqlite3.Database(path.join(relay.dataDir, 'conclave.sqlite'));
    probe.configure('busyTimeout', 0);
  });

  afterAll(async () => {
    await new Promise((resolve) => probe?.close(resolve));
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  /** True while someone (here, only the import) holds the store's write lock: BEGIN IMMEDIATE is refused at once. */
  const storeBusy = () =>
    new Promise<boolean>((resolve) => {
      probe.exec('BEGIN IMMEDIATE', (err) => {
        if (err) resolve(true);
        else probe.exec('ROLLBACK', () => resolve(false));
      });
    });

  /** Rows of imports the store holds so far (committed ones: the probe reads the last committed state). */
  const stagedRows = () =>
    new Promise<number>((resolve) => {
      probe.get<{ n: number }>('SELECT COUNT(*) AS n FROM figure_import_rows', (err, row) => resolve(err ? 0 : (row?.n ?? 0)));
    });

  it('a request sent while a 20,000-row CSV import writes is answered before the import', async () => {
    const { id: figureId } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: 'CA veille', unit: 'EUR' });
    const day = (i: number) => new Date(Date.UTC(1975, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const csv = ['date;valeur;prevision;n-1', ...Array.from({ length: 20_000 }, (_, i) => `${day(i)};${1_000_000 + i};1 000 000;990 000`)].join('\n');

    let importDone = false;
    const importing = fetch(`${relay.url}/api/figures/${figureId}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body: csv,
    }).then(async (res) => {
      importDone = true;
      return { status: res.status, body: (await res.json()) as { imported: number } };
    });

    // While the import writes — its rows seen arriving in the store, committed a batch at a time
    // (figures/import.ts stages them), and the store held — ask for something simple, and note
    // whether the answer came before the import's. An import written as one long transaction shows
    // no row before its end, so no request counts: the test fails, as it should. Busy moments before
    // the import writes (its body parsed, a session touched) do not count either.
    const answeredWhileImporting: boolean[] = [];
    while (!importDone) {
      const staged = await stagedRows();
      if (staged === 0 || staged >= 20_000 || !(await storeBusy())) continue;
      if (importDone) break;
      await admin.ok('GET', '/api/me');
      answeredWhileImporting.push(!importDone);
    }
    const imported = await importing;
    expect(imported).toEqual({ status: 201, body: expect.objectContaining({ imported: 20_000 }) as unknown });
    expect(answeredWhileImporting.length).toBeGreaterThan(0);
    expect(answeredWhileImporting).toContain(true);

    // All of it was written.
    const { values } = await admin.ok<{ values: unknown[] }>('GET', `/api/figures/${figureId}/values?from=1975-01-01&to=2030-01-01`);
    expect(values.length).toBe(20_000);
  });
});
