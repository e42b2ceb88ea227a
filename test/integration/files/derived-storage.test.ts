import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx } from '../../support/office-fixture.ts';
import { storedFiles, upload } from './support.ts';
import { preview, thumbnail } from './derived.ts';
import { filesWorld, type FilesWorld } from './world.ts';

/**
 * What the relay makes from a file takes room too (README "Files in activities"): an
 * image's thumbnail and an Office document's PDF count in the storage of each person
 * who holds the file, as the file itself does, and go with it. The PDF comes from a
 * stand-in `soffice` on the relay's PATH that writes a PDF of a known size.
 */
const pdfBytes = 300_000;
let w: FilesWorld;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'derived-soffice-'));
  const writer = `while [ $# -gt 1 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done\n{ printf '%%PDF-1.4\\n'; head -c ${pdfBytes - 16} /dev/zero | tr '\\0' ' '; printf '\\n%%%%EOF\\n'; } > "$out/document.pdf"\nexit 0`;
  await writeFile(path.join(dir, 'soffice'), `#!/bin/sh\n${writer}\n`);
  await chmod(path.join(dir, 'soffice'), 0o755);
  w = await filesWorld({ PATH: `${dir}:${process.env.PATH}` });
}, 60_000);

afterAll(async () => {
  await w?.stop();
  if (dir) await rm(dir, { recursive: true });
});

describe('thumbnails and previews count in storage', () => {
  it("an image's thumbnail counts in its uploader's storage, beside the image; removing the image frees both", async () => {
    const noise = await sharp(randomBytes(1200 * 800 * 3), { raw: { width: 1200, height: 800, channels: 3 } }).png().toBuffer();
    const { body } = await upload(w.bob, w.activity, [{ bytes: noise, name: 'rayon.png' }]);
    const made = await thumbnail(w.bob, body.id!);
    expect(made.status).toBe(200);
    expect(made.bytes.length).toBeGreaterThan(1000);
    expect(await w.usage(w.bob)).toBe(noise.length + made.bytes.length);
    expect((await w.bob.call('DELETE', `/api/files/${body.id}`)).status).toBe(204);
    expect(await w.usage(w.bob)).toBe(0);
  });

  it("an Office document's PDF counts in its uploader's storage; someone holding the same bytes pays for it too; removal frees it", async () => {
    const offer = docx('Offre du fournisseur');
    const { body } = await upload(w.fiona, w.activity, [{ bytes: offer, name: 'offre.docx' }]);
    const pdf = await preview(w.vera, body.id!);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.length).toBe(pdfBytes);
    expect(await w.usage(w.fiona)).toBe(offer.length + pdfBytes);
    const again = await upload(w.bob, w.activity, [{ bytes: offer, name: 'offre copie.docx' }]);
    expect(await w.usage(w.bob)).toBe(offer.length + pdfBytes);
    expect((await w.bob.call('DELETE', `/api/files/${again.body.id}`)).status).toBe(204);
    expect((await w.fiona.call('DELETE', `/api/files/${body.id}`)).status).toBe(204);
    expect(await w.usage(w.fiona)).toBe(0);
    expect((await storedFiles(w.relay.dataDir)).filter((f) => f.endsWith('.preview.pdf'))).toEqual([]);
  });
});
