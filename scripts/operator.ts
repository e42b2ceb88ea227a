/**
 * `npm run operator -- <command>`: the relay operator's tool, on the relay's store as the
 * relay opens it (its PostgreSQL database when CONCLAVE_DATABASE_URL names one, else the
 * SQLite file in CONCLAVE_DATA_DIR). It may run while the relay runs.
 *
 *   list                      every organisation: plan, status, people, open activities, storage
 *   usage <org>               one organisation's figures per person against its plan
 *   plan <org> <plan>         basic | pro | unlimited, from the relay's next request on
 *   suspend <org>             its people can no longer sign in, call the API or sync
 *   resume <org>              lifts the suspension
 *
 * <org> is an id or a name. `--json` prints the result as JSON. Exit code 0 when done,
 * 1 when refused (nothing changed), 2 for a wrong command line.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { planIds } from '#core/plans/plans';
import { loadConfig } from '../server/config.ts';
import { migrate } from '../server/store/migrate.ts';
import { openStore } from '../server/store/open.ts';
import type { RelayStore } from '../server/store/store.ts';
import { OperatorError, limitText, listOrganizations, setPlan, setSuspended, table, usageOf } from './operator/commands.ts';

const usage = `Usage: npm run operator -- <command> [--json]
  list
  usage <org>
  plan <org> <${planIds.join('|')}>
  suspend <org>
  resume <org>
<org> is an organisation's id or name. The store is CONCLAVE_DATABASE_URL's PostgreSQL database, else CONCLAVE_DATA_DIR/conclave.sqlite.`;

async function run(db: RelayStore, args: string[], json: boolean): Promise<string> {
  const [command, org, plan, ...rest] = args;
  const arity: Record<string, number> = { list: 1, usage: 2, plan: 3, suspend: 2, resume: 2 };
  if (!command || arity[command] === undefined || args.length !== arity[command] || rest.length > 0) throw new UsageError();
  const out = (value: unknown, text: string) => (json ? JSON.stringify(value, null, 2) : text);
  switch (command) {
    case 'list': {
      const orgs = await listOrganizations(db);
      return out(
        orgs,
        orgs.length === 0
          ? 'No organisation yet.'
          : table(
              ['ID', 'NAME', 'PLAN', 'STATUS', 'PEOPLE', 'OPEN ACTIVITIES', 'STORAGE', 'CREATED'],
              orgs.map((o) => [o.id, o.name, o.plan, o.suspended ? 'suspended' : 'active', String(o.people), String(o.openActivities), limitText(o.storageBytes, null, true), o.createdAt.slice(0, 10)]),
            ),
      );
    }
    case 'usage': {
      const u = await usageOf(db, org!);
      const retention = u.limits.retentionDays === null ? 'kept' : `${u.limits.retentionDays} days`;
      return out(
        u,
        `${u.name} (${u.id}): ${u.planName} plan${u.suspended ? ', SUSPENDED' : ''}; closed activities ${retention}\n` +
          table(
            ['PERSON', 'OPEN ACTIVITIES', 'STORAGE'],
            u.people.map((p) => [p.name, limitText(p.openActivities, u.limits.openActivitiesPerPerson), limitText(p.storageBytes, u.limits.storageBytesPerPerson, true)]),
          ),
      );
    }
    case 'plan': {
      const changed = await setPlan(db, org!, plan!);
      return out(changed, `${changed.name}: plan ${changed.from} → ${changed.to}.`);
    }
    default: {
      const changed = await setSuspended(db, org!, command === 'suspend', new Date());
      return out(changed, `${changed.name}: ${changed.suspended ? 'suspended' : 'active again'}.`);
    }
  }
}

class UsageError extends Error {}

async function main() {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  if (args.length === 0 || args[0] === 'help' || args[0] === '--help') {
    console.log(usage);
    return 0;
  }
  const config = loadConfig(process.env);
  const file = path.join(config.dataDir, 'conclave.sqlite');
  if (!config.databaseUrl && !existsSync(file)) {
    console.error(`No relay store at ${file}: set CONCLAVE_DATA_DIR to the relay's data folder (or CONCLAVE_DATABASE_URL to its PostgreSQL database).`);
    return 1;
  }
  const db = await openStore({ ...config, databaseConnections: 2 });
  try {
    await migrate(db);
    console.log(await run(db, args, json));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(usage);
      return 2;
    }
    if (err instanceof OperatorError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
