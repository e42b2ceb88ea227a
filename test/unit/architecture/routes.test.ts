import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A feature's routes.ts reads the request and calls a use-case: the store is reached by
 * the feature's own modules, never by a route. (The import rules are import-graph.test.ts.)
 */
const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server');
const routeFiles = readdirSync(server, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(entry.name, 'routes.ts'))
  .filter((file) => readdirSync(path.join(server, path.dirname(file))).includes('routes.ts'));

/** SQL written in the file, or a statement or transaction run on the store. */
const storeWork = /['"`]\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\s|\.transaction\(|\b(db|tx)\.(run|get|all|exec)\(/;

const storeWorkIn = (source: string) =>
  source
    .split('\n')
    .map((line, i) => ({ line: i + 1, text: line.trim() }))
    .filter(({ text }) => storeWork.test(text));

describe("a feature's routes", () => {
  it('are found for every feature that has them', () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(9);
    expect(routeFiles).toContain(path.join('sms', 'routes.ts'));
  });

  it.each(routeFiles)('%s runs no SQL and opens no transaction: its use-cases do', (file) => {
    expect(storeWorkIn(readFileSync(path.join(server, file), 'utf8'))).toEqual([]);
  });

  it('would see a route that queries the store itself', () => {
    const route = "const rows = await ctx.db.all('SELECT status FROM sms_messages');\nawait ctx.db.transaction(async (tx) => undefined);";
    expect(storeWorkIn(route).map((hit) => hit.line)).toEqual([1, 2]);
  });
});
