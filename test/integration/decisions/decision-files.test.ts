import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '#core/api/decisions';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { upload } from '../files/support.ts';
import { pdfText } from './pdf-text.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const csv = Buffer.from('Poste;Montant\nLoyer;1200\n');

/**
 * Files beside the decision (issue 16, "done when"): the facilitator attaches files of the
 * activity to the record as it is published; the record and both exports list them by name,
 * still after the file is removed from the activity. A file of another activity refuses
 * the publication and changes nothing.
 */
describe('files attached to the decision record', () => {
  let relay: RelayProcess;
  let fay: Api;
  let bob: Api;
  let activity: string;
  let offer: string;
  let budget: string;
  let foreign: string;

  const exported = async (who: Api, ext: 'md' | 'pdf', language = 'en') => {
    const res = await fetch(`${relay.url}/api/activities/${activity}/decision/export.${ext}`, {
      headers: { authorization: `Bearer ${who.token}`, 'accept-language': language },
    });
    expect(res.status).toBe(200);
    return ext === 'md' ? res.text() : pdfText(new Uint8Array(await res.arrayBuffer()));
  };

  beforeAll(async () => {
    relay = await startRelayProcess();
    fay = await setUpOrganisation(relay.url);
    const b = await addPerson(fay, 'Bob Martin');
    bob = b.api;
    ({ id: activity } = await fay.ok<{ id: string }>('POST', '/api/activities', { title: 'Supplier', question: 'Which supplier for the stores?' }));
    const { id: other } = await fay.ok<{ id: string }>('POST', '/api/activities', { title: 'Other', question: 'Something else?' });
    await fay.ok('POST', `/api/activities/${activity}/members`, { userId: b.id, role: 'contributor' });
    const sent = await upload(fay, activity, [
      { bytes: pdf, name: 'Offre fournisseur.pdf' },
      { bytes: csv, name: 'Budget 2027.csv' },
    ]);
    expect(sent.status).toBe(201);
    [offer, budget] = sent.body.files!.map((f) => f.id) as [string, string];
    foreign = (await upload(fay, other, [{ bytes: pdf, name: 'elsewhere.pdf' }])).body.id!;
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('a file of another activity refuses the publication, nothing changed', async () => {
    const refused = await fay.call('POST', `/api/activities/${activity}/decision`, { outcome: 'Supplier B', rationale: 'Cheaper', files: [offer, foreign] });
    expect(refused.status).toBe(400);
    expect((await fay.call('GET', `/api/activities/${activity}/decision`)).status).toBe(404);
    expect((await fay.ok<{ status: string }>('GET', `/api/activities/${activity}`)).status).not.toBe('decided');
  });

  it('the record lists the files picked, in order, and both exports name them', async () => {
    await fay.ok('POST', `/api/activities/${activity}/decision`, { outcome: 'Supplier B', rationale: 'Cheaper', files: [budget, offer, budget] });
    const record = await bob.ok<DecisionRecord>('GET', `/api/activities/${activity}/decision`);
    expect(record.files).toEqual([
      { fileId: budget, name: 'Budget 2027.csv', size: csv.length, type: 'text/plain' },
      { fileId: offer, name: 'Offre fournisseur.pdf', size: pdf.length, type: 'application/pdf' },
    ]);
    const md = await exported(bob, 'md');
    expect(md).toContain('## Attached files');
    expect(md).toContain(`- Budget 2027.csv (${csv.length} byte`);
    expect(md).toContain('- Offre fournisseur.pdf (');
    expect(await exported(bob, 'md', 'fr')).toContain('## Fichiers joints');
    const text = await exported(bob, 'pdf');
    expect(text).toContain('Attached files');
    expect(text).toContain('Offre fournisseur.pdf');
    expect(text).toContain('Budget 2027.csv');
  });

  it('a file removed from the activity stays named on the record', async () => {
    await fay.ok('DELETE', `/api/files/${offer}`);
    const record = await bob.ok<DecisionRecord>('GET', `/api/activities/${activity}/decision`);
    expect(record.files?.map((f) => [f.name, f.fileId])).toEqual([
      ['Budget 2027.csv', budget],
      ['Offre fournisseur.pdf', null],
    ]);
    expect(await exported(bob, 'md')).toContain('- Offre fournisseur.pdf (');
    expect(await exported(bob, 'md')).toContain('since removed from the activity');
  });
});
