import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { Api } from '../../support/api.ts';
import { download, upload } from './support.ts';

/** An image's thumbnail, as the app asks for it. */
export const thumbnail = (api: Api, fileId: string) => download(api, `${fileId}/thumbnail`);

/**
 * An Office document's PDF preview, as the app asks for it: the relay answers 202
 * (`{status: 'preparing'}`) while LibreOffice works, and the app asks again until it
 * gets the PDF (200) or is told there is none (404). At most `tries` asks.
 */
export async function preview(api: Api, fileId: string, tries = 600): Promise<Awaited<ReturnType<typeof download>> & { asks: number }> {
  for (let asks = 1; ; asks++) {
    const got = await download(api, `${fileId}/preview`);
    if (got.status !== 202 || asks >= tries) return { ...got, asks };
    await sleep(250);
  }
}

/** A picture and a plan of several chunks uploaded together, and the picture's thumbnail made (what a relay's folder then holds: two contents and a thumbnail). */
export async function photoAndPlan(api: Api, activity: string) {
  const photo = await sharp(randomBytes(400 * 300 * 3), { raw: { width: 400, height: 300, channels: 3 } }).png().toBuffer();
  const plan = randomBytes(3 * 1024 * 1024 + 11);
  const sent = await upload(api, activity, [
    { bytes: photo, name: 'vitrine.png' },
    { bytes: plan, name: 'plan.bin' },
  ]);
  expect(sent.status).toBe(201);
  const [photoId, planId] = sent.body.files!.map((f) => f.id) as [string, string];
  const thumb = await thumbnail(api, photoId);
  expect(thumb.status).toBe(200);
  return { photo, plan, photoId, planId, thumb };
}
