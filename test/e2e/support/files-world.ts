import { test, type Browser } from '@playwright/test';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { FilesPage } from '../pages/files-page.ts';
import { organisation, person, signedIn, webRoot } from './web-relay.ts';

/**
 * An activity about files: Fiona facilitates it and Bob contributes; Fiona is signed in
 * on its Files tab.
 */
export async function filesActivity(browser: Browser, base: string, title: string, question: string) {
  const { admin } = await organisation(base);
  const fiona = await person(admin, 'Fiona Facilitatrice');
  const bob = await person(admin, 'Bob Martin');
  const { id } = await fiona.api.ok<{ id: string }>('POST', '/api/activities', { title, question });
  await fiona.api.ok('POST', `/api/activities/${id}/members`, { userId: bob.id, role: 'contributor' });
  const facilitator = await signedIn(browser, base, fiona);
  const mine = new FilesPage(facilitator.page);
  await mine.open(base, id);
  return { admin, fiona, bob, id, facilitator, mine };
}

/** For a spec file: a relay serving the built client, started before its tests and stopped after; `url()` once started. */
export function filesRelay(env: Record<string, string> = {}) {
  let relay: RelayProcess | undefined;
  test.beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_WEB_ROOT: webRoot, ...env } });
  });
  test.afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });
  return { url: () => relay!.url };
}
