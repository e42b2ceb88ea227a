import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const renderer = path.resolve(import.meta.dirname, '../../../renderer');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

/** Endpoints that POST but change nothing: they compute a preview. */
const previews = new Set(['previewSms', 'previewSend', 'previewMessage']);

/** Each exported function of renderer/api/ that sends POST, PUT, PATCH or DELETE, by module. */
function mutatingEndpoints(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const file of filesUnder(path.join(renderer, 'api')).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(file, 'utf8');
    const names = new Set<string>();
    for (const [, name, body] of source.matchAll(/export (?:const|async function) (\w+)([\s\S]*?)(?=\nexport |$)/g))
      if (/'(POST|PUT|PATCH|DELETE)'/.test(body!) && !previews.has(name!)) names.add(name!);
    found.set(path.basename(file, '.ts'), names);
  }
  return found;
}

describe('components change things through renderer/actions/ only', () => {
  it('finds the mutating endpoints (so the check below can fail)', () => {
    const endpoints = mutatingEndpoints();
    expect([...endpoints.get('endpoints')!]).toContain('createActivity');
    expect([...endpoints.get('polls')!]).toContain('castVote');
  });

  it('no component imports a mutating endpoint from renderer/api/', () => {
    const endpoints = mutatingEndpoints();
    const offenders: string[] = [];
    for (const file of filesUnder(renderer).filter((f) => f.endsWith('.tsx') && !f.includes(`${path.sep}state${path.sep}`))) {
      for (const [, names, module] of readFileSync(file, 'utf8').matchAll(/import \{([^}]*)\} from '(?:\.\.\/)+api\/([\w-]+)\.ts'/g)) {
        const mutating = endpoints.get(module!) ?? new Set();
        for (const name of names!.split(',').map((n) => n.trim().replace(/^type /, '').split(' as ')[0]!))
          if (mutating.has(name)) offenders.push(`${path.relative(renderer, file)}: ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
