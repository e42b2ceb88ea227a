/**
 * `npm run bench`: runs every benchmark under bench/ — each `bench/<name>/run.ts`, in
 * name order, in its own process — and fails if any of them fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const benches = readdirSync(here, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !e.name.startsWith('.') && existsSync(path.join(here, e.name, 'run.ts')))
  .map((e) => e.name)
  .sort();

const failed: string[] = [];
for (const name of benches) {
  console.log(`\n=== bench/${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, name, 'run.ts')], {
    stdio: 'inherit',
    cwd: path.resolve(here, '..'),
  });
  if (result.status !== 0) failed.push(name);
}
console.log(`\nbenchmarks: ${benches.length - failed.length} passed${failed.length ? `, failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length ? 1 : 0);
