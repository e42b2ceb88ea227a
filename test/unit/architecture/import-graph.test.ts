import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { circles, importGraph, type ImportArrow } from '../../support/import-graph.ts';

/**
 * The real import graph of the sources, read with the TypeScript parser: no circle, and
 * every arrow points the way DESIGN.md and the README's architecture section say.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const arrows = importGraph(root, ['core', 'server', 'renderer', 'main', 'test']);
const between = (from: string, to: string) => arrows.filter((a) => a.from.startsWith(from) && a.to.startsWith(to));
const shown = (list: readonly ImportArrow[]) => list.map((a) => `${a.from} -> ${a.to}`);

const layers = ['core/', 'server/', 'renderer/', 'main/'] as const;
/** What each layer's files may import among the repository's files (packages are eslint.config.js's allow-lists). */
const mayImport: Record<(typeof layers)[number], readonly string[]> = {
  'core/': ['core/'],
  'server/': ['core/', 'server/'],
  'renderer/': ['core/', 'renderer/'],
  'main/': ['core/', 'main/'],
};

/** Unit tests that check two layers agree, each with what it checks; any other crossing fails. */
const agreements: Record<string, string> = {
  'test/unit/renderer/screens/history.test.ts -> server/sync/summary.ts': "the history wording names each path the relay's change summary produces",
};

/** Inside the relay: the composition root on top, the HTTP edge under it, features and the store below. */
const serverRules: { rule: string; forbidden: (a: ImportArrow) => boolean }[] = [
  { rule: 'only server/main.ts starts the relay (server/app.ts)', forbidden: (a) => a.to === 'server/app.ts' && a.from !== 'server/main.ts' },
  { rule: 'nothing imports server/main.ts', forbidden: (a) => a.to === 'server/main.ts' },
  { rule: 'only server/app.ts lists the modules (server/modules.ts)', forbidden: (a) => a.to === 'server/modules.ts' && a.from !== 'server/app.ts' },
  {
    rule: "a feature's module.ts is listed by server/modules.ts only",
    forbidden: (a) => /^server\/[a-z-]+\/module\.ts$/.test(a.to) && a.from !== 'server/modules.ts',
  },
  {
    rule: "a feature's routes.ts is plugged in by its own module.ts only",
    forbidden: (a) => /^server\/[a-z-]+\/routes\.ts$/.test(a.to) && a.from !== a.to.replace(/routes\.ts$/, 'module.ts'),
  },
  {
    rule: 'server/http/ is imported by the shell (app.ts, relay-module.ts) and by routes.ts files, for the router and body only',
    forbidden: (a) =>
      a.to.startsWith('server/http/') &&
      !a.from.startsWith('server/http/') &&
      !['server/app.ts', 'server/relay-module.ts'].includes(a.from) &&
      !(/^server\/[a-z-]+\/routes\.ts$/.test(a.from) && ['server/http/router.ts', 'server/http/body.ts'].includes(a.to)),
  },
  {
    rule: 'server/http/ knows no feature: it imports itself, server/errors.ts, server/validate.ts and core only',
    forbidden: (a) =>
      a.from.startsWith('server/http/') &&
      a.to.startsWith('server/') &&
      !a.to.startsWith('server/http/') &&
      !['server/errors.ts', 'server/validate.ts'].includes(a.to),
  },
  {
    rule: 'server/store/ knows no feature (the shared Pump is plumbing, not a feature)',
    forbidden: (a) => a.from.startsWith('server/store/') && a.to.startsWith('server/') && !a.to.startsWith('server/store/') && a.to !== 'server/pump.ts',
  },
];

describe('the import graph', () => {
  it('has no import circle in core/, server/, renderer/ or main/', () => {
    const sources = arrows.filter((a) => layers.some((layer) => a.from.startsWith(layer)));
    expect(circles(sources).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('resolves every local import to a file (so no arrow escapes the check)', () => {
    expect(shown(arrows.filter((a) => a.to.startsWith('unresolved:')))).toEqual([]);
  });

  it.each(layers)('%s imports only the layers it may', (layer) => {
    const wrong = arrows.filter(
      (a) => a.from.startsWith(layer) && layers.some((l) => a.to.startsWith(l)) && !mayImport[layer].some((l) => a.to.startsWith(l)),
    );
    expect(shown(wrong)).toEqual([]);
  });

  it.each(layers)('unit tests of %s import only what that layer may, plus test support', (layer) => {
    const unit = `test/unit/${layer}`;
    const wrong = arrows.filter(
      (a) =>
        a.from.startsWith(unit) &&
        (layers.some((l) => a.to.startsWith(l)) || a.to.startsWith('test/')) &&
        !mayImport[layer].some((l) => a.to.startsWith(l)) &&
        !a.to.startsWith('test/support/') &&
        !a.to.startsWith(unit) &&
        agreements[`${a.from} -> ${a.to}`] === undefined,
    );
    expect(shown(wrong)).toEqual([]);
  });

  it.each(serverRules)('inside the relay, $rule', ({ forbidden }) => {
    expect(shown(arrows.filter((a) => a.from.startsWith('server/') && forbidden(a)))).toEqual([]);
  });

  it('reads real arrows (a graph this check would pass vacuously is itself a failure)', () => {
    expect(between('server/', 'core/').length).toBeGreaterThan(50);
    expect(between('server/app.ts', 'server/modules.ts')).toHaveLength(1);
    expect(circles([...arrows, { from: 'server/errors.ts', to: 'server/app.ts', typeOnly: true }]).length).toBeGreaterThan(0);
  });
});
