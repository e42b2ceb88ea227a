import type { FileList } from '#core/api/files';
import type { OrganizationUsage } from '#core/api/organizations';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * A real relay with one activity around files: Fiona facilitates it, Bob contributes,
 * Vera views, Sam is in the organisation but not in the activity.
 */
export interface FilesWorld {
  relay: RelayProcess;
  admin: Api;
  fiona: Api;
  bob: Api;
  vera: Api;
  sam: Api;
  activity: string;
  list(api: Api): Promise<{ status: number; body: FileList }>;
  usage(api: Api): Promise<number>;
  count(sql: string, params?: string[]): Promise<number>;
  stop(): Promise<void>;
}

export async function filesWorld(env: Record<string, string> = {}): Promise<FilesWorld> {
  const relay = await startRelayProcess({ env: { CONCLAVE_DEFAULT_PLAN: 'basic', ...env } });
  const admin = await setUpOrganisation(relay.url);
  const fiona = (await addPerson(admin, 'Fiona Facilitatrice')).api;
  const b = await addPerson(admin, 'Bob Martin');
  const v = await addPerson(admin, 'Vera Viewer');
  const sam = (await addPerson(admin, 'Sam Stranger')).api;
  const { id: activity } = await fiona.ok<{ id: string }>('POST', '/api/activities', { title: 'Supplier', question: 'Which supplier for the stores?' });
  await fiona.ok('POST', `/api/activities/${activity}/members`, { userId: b.id, role: 'contributor' });
  await fiona.ok('POST', `/api/activities/${activity}/members`, { userId: v.id, role: 'viewer' });
  return {
    relay,
    admin,
    fiona,
    bob: b.api,
    vera: v.api,
    sam,
    activity,
    list: (api) => api.call<FileList>('GET', `/api/activities/${activity}/files`),
    usage: async (api) => (await api.ok<OrganizationUsage>('GET', '/api/organization/usage')).me.storageBytes,
    count: async (sql, params = []) => (await queryStore<{ n: number }>(relay.dataDir, sql, params))[0]?.n ?? -1,
    async stop() {
      await relay.stop();
      await removeDataDir(relay.dataDir);
    },
  };
}
