import { setTimeout as sleep } from 'node:timers/promises';
import type { Api } from '../../support/api.ts';
import { download } from './support.ts';

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
