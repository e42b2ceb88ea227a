import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docx } from '../../support/office-fixture.ts';
import { download, upload } from './support.ts';
import { filesWorld, type FilesWorld } from './world.ts';

/**
 * The relay converts one Office document at a time, with a line of 16 behind it, for
 * everyone on the relay. A document LibreOffice chews on until the time limit (a sheet of
 * a million rows compresses to a few MB) holds its place for a minute: one contributor
 * asking for the previews of 17 such documents held every organisation's previews at
 * 503 for some 17 minutes, and could start again. Each person now has at most 2
 * conversions under way (429 past it), each organisation at most 4: someone else's preview
 * is taken (202).
 */
const worlds: FilesWorld[] = [];
afterAll(async () => {
  for (const w of worlds) await w.stop();
});

describe('Office previews: a share of the line per person', () => {
  it('a contributor asking for 17 slow conversions gets 2 under way and 429 for the rest; the facilitator’s preview is still taken', async () => {
    // A stand-in soffice that works 30 s on anything (the real one on a huge sheet); the limit is a minute.
    const dir = await mkdtemp(path.join(tmpdir(), 'office-share-'));
    await writeFile(path.join(dir, 'soffice'), '#!/bin/sh\nexec sleep 30\n');
    await chmod(path.join(dir, 'soffice'), 0o755);
    const w = await filesWorld({ PATH: `${dir}:${process.env.PATH}`, CONCLAVE_OFFICE_TIMEOUT_MS: '60000' });
    worlds.push(w);

    const heavy = Array.from({ length: 17 }, (_, i) => ({ bytes: docx(`Sheet ${i}`), name: `sheet-${i}.docx` }));
    const { body } = await upload(w.bob, w.activity, heavy);
    expect(body.files).toHaveLength(17);
    const asked = [];
    for (const file of body.files ?? []) asked.push((await download(w.bob, `${file.id}/preview`)).status);

    const { body: offer } = await upload(w.fiona, w.activity, [{ bytes: docx('Offre du fournisseur'), name: 'offre.docx' }]);
    const theirs = await download(w.vera, `${offer.id}/preview`);
    expect(theirs.status).toBe(202);
    expect(asked.slice(0, 2)).toEqual([202, 202]);
    expect(new Set(asked.slice(2))).toEqual(new Set([429]));
    // Asking again for one under way is no new work: still 202.
    expect((await download(w.bob, `${body.files![1]!.id}/preview`)).status).toBe(202);
    expect((await fetch(`${w.relay.url}/healthz`)).status).toBe(200);
    await rm(dir, { recursive: true });
  }, 180_000);
});
