import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webCsp } from '#core/csp';
import { serveStatic } from '../../../../server/http/static.ts';

describe('the built client, served by the relay', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'conclave-static-'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Conclave</title>');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('goes with the one content security policy of core/csp.ts', async () => {
    const reply = await serveStatic(root, '/activities/a1');
    expect(reply?.headers?.['content-security-policy']).toBe(webCsp);
    expect(reply && 'contentType' in reply ? reply.contentType : null).toBe('text/html; charset=utf-8');
  });
});
