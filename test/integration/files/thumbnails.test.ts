import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDeclaring } from '../../support/giant-images.ts';
import { jpegWithExif, leaks, phoneExif, plainJpeg } from '../../support/images.ts';
import { download, storedFiles, upload } from './support.ts';
import { filesWorld, type FilesWorld } from './world.ts';

/**
 * Thumbnails of attached images on a real relay (README "Files in activities"): made by
 * sharp once per content, turned as the photo's EXIF orientation says, without its
 * metadata, served as WebP; a picture declaring gigapixels, or bytes sharp cannot read,
 * has none (404) and the relay goes on; removing the last file removes its thumbnail.
 */
let w: FilesWorld;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const thumbnail = (api: FilesWorld['bob'], id: string) => download(api, `${id}/thumbnail`);

beforeAll(async () => {
  w = await filesWorld();
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

describe('an image gets a thumbnail', () => {
  it('a phone photo stored on its side (EXIF orientation 6) is turned upright, its metadata left out, as WebP', async () => {
    const photo = jpegWithExif(phoneExif(6));
    expect((await sharp(photo).metadata()).width).toBe(4);
    const { body } = await upload(w.bob, w.activity, [{ bytes: photo, name: 'rayon.jpg' }]);
    const got = await thumbnail(w.vera, body.id!);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/webp');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    const meta = await sharp(got.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 3, 4]);
    expect(meta.exif).toBeUndefined();
    for (const secret of leaks) expect(got.bytes.toString('latin1')).not.toContain(secret);
  });

  it('a large picture becomes 320 px on its longer side; the same bytes twice have one thumbnail on disk', async () => {
    const plan = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#336699' } }).png().toBuffer();
    const first = await upload(w.fiona, w.activity, [{ bytes: plan, name: 'plan.png' }]);
    const second = await upload(w.bob, w.activity, [{ bytes: plan, name: 'plan copie.png' }]);
    for (const id of [first.body.id!, second.body.id!]) {
      const got = await thumbnail(w.bob, id);
      expect(got.status).toBe(200);
      const meta = await sharp(got.bytes).metadata();
      expect([meta.width, meta.height]).toEqual([320, 160]);
    }
    expect((await storedFiles(w.relay.dataDir)).filter((f) => f.includes(sha(plan)))).toEqual([`${sha(plan).slice(0, 2)}/${sha(plan)}`, `derived/${sha(plan).slice(0, 2)}/${sha(plan)}.thumb.webp`].sort());
  });
});

describe('no thumbnail, never a crash', () => {
  it('a PNG declaring 100,000 × 100,000 pixels is not decoded: 404, and the relay goes on', async () => {
    const bomb = pngDeclaring(100_000, 100_000);
    const { body } = await upload(w.bob, w.activity, [{ bytes: bomb, name: 'bombe.png' }]);
    expect(body.type).toBe('image/png');
    for (let i = 0; i < 2; i++) {
      const got = await thumbnail(w.bob, body.id!);
      expect(got.status).toBe(404);
    }
    expect(await storedFiles(w.relay.dataDir)).toContain(`derived/${sha(bomb).slice(0, 2)}/${sha(bomb)}.thumb.failed`);
    expect((await fetch(`${w.relay.url}/healthz`)).status).toBe(200);
    expect((await download(w.bob, body.id!)).bytes.equals(bomb)).toBe(true);
  });

  it('a JPEG cut short, and a file that is no image, have none (404), while the whole JPEG has one', async () => {
    const cut = plainJpeg.subarray(0, Math.floor(plainJpeg.length / 2));
    const list = Buffer.from('Liste de courses\n');
    const answer = await upload(w.bob, w.activity, [{ bytes: cut, name: 'coupée.jpg' }, { bytes: list, name: 'liste.jpg' }, { bytes: plainJpeg, name: 'entière.jpg' }]);
    const [cutFile, listFile, whole] = answer.body.files!;
    expect([cutFile!.type, listFile!.type]).toEqual(['image/jpeg', 'text/plain']);
    // The same ask on the whole picture gets one: the 404s below are about these files.
    expect((await thumbnail(w.bob, whole!.id)).status).toBe(200);
    for (const file of [cutFile!, listFile!]) {
      const got = await thumbnail(w.bob, file.id);
      expect(got.status).toBe(404);
      expect(JSON.parse(got.bytes.toString()).error.message).toMatch(/thumbnail/i);
      expect((await download(w.bob, file.id)).status).toBe(200);
    }
    const disk = await storedFiles(w.relay.dataDir);
    expect(disk.filter((f) => f.includes(sha(cut)))).toEqual([`${sha(cut).slice(0, 2)}/${sha(cut)}`, `derived/${sha(cut).slice(0, 2)}/${sha(cut)}.thumb.failed`].sort());
    expect(disk.filter((f) => f.includes(sha(list)))).toEqual([`${sha(list).slice(0, 2)}/${sha(list)}`]);
    expect((await fetch(`${w.relay.url}/healthz`)).status).toBe(200);
  });
});

describe('who sees it, and removal', () => {
  it('someone outside the activity gets 404; removing the last file of a content removes its thumbnail', async () => {
    const photo = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#aa0000' } }).jpeg().toBuffer();
    const { body } = await upload(w.bob, w.activity, [{ bytes: photo, name: 'vitrine.jpg' }]);
    expect((await thumbnail(w.bob, body.id!)).status).toBe(200);
    const stranger = await thumbnail(w.sam, body.id!);
    expect(stranger.status).toBe(404);
    // Told the file does not exist, as for any id, not that it has no thumbnail.
    expect(JSON.parse(stranger.bytes.toString()).error.message).not.toMatch(/thumbnail/i);
    expect(stranger.bytes.toString()).not.toContain('vitrine');
    const thumb = `derived/${sha(photo).slice(0, 2)}/${sha(photo)}.thumb.webp`;
    expect(await storedFiles(w.relay.dataDir)).toContain(thumb);
    expect((await w.bob.call('DELETE', `/api/files/${body.id}`)).status).toBe(204);
    expect((await storedFiles(w.relay.dataDir)).filter((f) => f.includes(sha(photo)))).toEqual([]);
  });
});
