import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrlMatcher, packagedAppUrl, serveAppFile } from '../../../main/app-origin.ts';

let parent: string;
let root: string;
const policy = "default-src 'self'";

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'conclave-app-'));
  root = path.join(parent, 'main_window');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Conclave</title>');
  await writeFile(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(path.join(parent, 'secret.txt'), 'not for the page');
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('app origin', () => {
  it('tells the app’s own URLs from look-alikes', () => {
    const isApp = appUrlMatcher(packagedAppUrl);
    expect(isApp('app://conclave/activities/abc')).toBe(true);
    expect(isApp('app://conclave.evil/')).toBe(false);
    expect(isApp('app://evil/conclave')).toBe(false);
    expect(isApp('https://conclave/')).toBe(false);
    expect(isApp('file:///conclave/index.html')).toBe(false);
    expect(isApp('app://user@conclave/')).toBe(false);
    expect(isApp('::nonsense')).toBe(false);
  });
});

describe('serving the built page', () => {
  it('serves files with their type and the policy', async () => {
    const response = await serveAppFile(root, 'app://conclave/assets/app-1234.js', policy);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBe(policy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers client routes with index.html', async () => {
    const response = await serveAppFile(root, 'app://conclave/activities/act_12345678', policy);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Conclave</title>');
  });

  it('gives 404 for missing assets rather than a page', async () => {
    expect((await serveAppFile(root, 'app://conclave/assets/missing.js', policy)).status).toBe(404);
  });

  it.each([
    'app://conclave/../secret.txt',
    'app://conclave/%2e%2e/secret.txt',
    'app://conclave/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://conclave/..%5csecret.txt',
    'app://other/index.html',
  ])('never serves anything outside the built page: %s', async (url) => {
    const response = await serveAppFile(root, url, policy);
    expect(await response.text()).not.toContain('not for the page');
  });
});
