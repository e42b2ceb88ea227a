import { queryStore, storeTables } from '../../support/store-reader.ts';

/**
 * The whole store as data, to prove that a refused request changed nothing. Columns the
 * SMS worker moves on its own (delivery progress) and a key's last-use time are left out:
 * they change with time, not with requests, as does a node's lease (renewed while it lives).
 */
const moving: Record<string, string[] | 'all'> = {
  sms_messages: ['status', 'detail', 'attempts', 'next_attempt_at', 'provider', 'provider_id', 'unconfirmed_since', 'updated_at', 'claimed_by'],
  sms_history: 'all',
  sms_parts: 'all',
  decision_recipients: ['sms_status', 'sms_segments'],
  idea_status_changes: ['sms_status'],
  figure_sends: ['watched_at'],
  figure_api_keys: ['last_used_at'],
  cluster_leases: ['expires_at'],
};

export type StoreState = Map<string, string[]>;

export async function storeState(dataDir: string): Promise<StoreState> {
  const state: StoreState = new Map();
  for (const name of await storeTables(dataDir)) {
    const skip = moving[name];
    if (skip === 'all') continue;
    const rows = await queryStore<Record<string, unknown>>(dataDir, `SELECT * FROM "${name}"`);
    const kept = rows.map((row) => {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) if (!skip?.includes(k)) copy[k] = Buffer.isBuffer(v) ? v.toString('base64') : v;
      return JSON.stringify(copy);
    });
    state.set(name, kept.sort());
  }
  return state;
}

/** The tables whose rows differ, each with a row that is new or gone. */
export function changes(before: StoreState, after: StoreState): string[] {
  const out: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name) ?? [];
    const b = after.get(name) ?? [];
    if (a.length === b.length && a.every((row, i) => row === b[i])) continue;
    const added = b.find((row) => !a.includes(row));
    const gone = a.find((row) => !b.includes(row));
    out.push(`${name}: ${added ? `new ${added}` : ''}${gone ? ` gone ${gone}` : ''}`.slice(0, 600));
  }
  return out;
}
