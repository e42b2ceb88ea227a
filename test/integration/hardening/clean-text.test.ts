import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { password, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { postIdeaForm } from '../ideas/support.ts';

/**
 * Issue 11, finding 13 on the real relay: names and texts are stored without NUL, C0/C1
 * controls or bidi overrides and isolates (a name that reads backwards, a title that
 * hides text), and a name made only of invisible characters is refused.
 */
describe('names and texts are cleaned', () => {
  let relay: RelayProcess;
  let admin: Api;
  // A right-to-left override (U+202E) with an isolate (U+2066 … U+2069), a NUL, a bell, C1 NEL and CSI.
  const hostile = (s: string) => `${s}\u202E\u2066gpj.exe\u2069\u0000\u0007\u0085\u009B`;
  const invisible = ['\u200B\u200B', ' \u200D\u2060 ', '\uFEFF', '\u202E\u202C', '\u0000\u0001'];

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  // eslint-disable-next-line no-control-regex -- looking for the very characters that must be gone
  const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

  it('people, groups, activities, ideas, figures and lists keep their text without controls or bidi overrides', async () => {
    const { id: userId } = await admin.ok<{ id: string }>('POST', '/api/users', {
      name: hostile('Mallory'),
      email: 'mallory@durand.example',
      password,
      role: 'member',
    });
    const { id: groupId } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: hostile('Sales') });
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: hostile('Plan'),
      question: hostile('Where do we open next?'),
      description: `${hostile('Lease')}\r\nends in March`,
    });
    const { id: boxId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      kind: 'ideas',
      title: 'Ideas',
      question: 'What would you change?',
      categories: ['Shop'],
    });
    const idea = await postIdeaForm(admin, boxId, { title: hostile('Longer hours'), text: `${hostile('Open')}\nline two\ttabbed`, category: 'Shop' });
    expect(idea.status).toBe(201);
    const { id: figureId } = await admin.ok<{ id: string }>('POST', '/api/figures', { label: hostile('CA'), unit: 'EUR' });

    const stored = [
      ...(await queryStore<{ v: string }>(relay.dataDir, 'SELECT name AS v FROM users WHERE id = ?', [userId])),
      ...(await queryStore<{ v: string }>(relay.dataDir, 'SELECT name AS v FROM groups WHERE id = ?', [groupId])),
      ...(await queryStore<{ v: string }>(relay.dataDir, 'SELECT title AS v FROM activities WHERE id = ?', [activityId])),
      ...(await queryStore<{ v: string }>(relay.dataDir, 'SELECT question AS v FROM activities WHERE id = ?', [activityId])),
      ...(await queryStore<{ v: string }>(relay.dataDir, 'SELECT description AS v FROM activities WHERE id = ?', [activityId])),
      ...(await queryStore<{ v: string }>(relay.dataDir, 'SELECT title AS v FROM ideas WHERE id = ?', [idea.body.id ?? ''])),
      ...(await queryStore<{ v: string }>(relay.dataDir, 'SELECT text AS v FROM ideas WHERE id = ?', [idea.body.id ?? ''])),
      ...(await queryStore<{ v: string }>(relay.dataDir, 'SELECT label AS v FROM figures WHERE id = ?', [figureId])),
    ].map((r) => r.v);
    expect(stored).toEqual([
      'Mallorygpj.exe',
      'Salesgpj.exe',
      'Plangpj.exe',
      'Where do we open next?gpj.exe',
      'Leasegpj.exe\nends in March',
      'Longer hoursgpj.exe',
      'Opengpj.exe\nline two\ttabbed',
      'CAgpj.exe',
    ]);
    for (const v of stored) expect(v).not.toMatch(controls);
  });

  it('a name, title or label made only of invisible characters is refused and changes nothing', async () => {
    const before = await queryStore<{ n: number }>(relay.dataDir, 'SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM groups) + (SELECT count(*) FROM activities) + (SELECT count(*) FROM figures) AS n');
    for (const [i, name] of invisible.entries()) {
      const attempts = [
        await admin.call('POST', '/api/users', { name, email: `ghost${i}@durand.example`, password, role: 'member' }),
        await admin.call('POST', '/api/groups', { name }),
        await admin.call('POST', '/api/activities', { title: name, question: 'Where do we open next?' }),
        await admin.call('POST', '/api/figures', { label: name, unit: 'EUR' }),
      ];
      expect([name, attempts.map((a) => a.status)]).toEqual([name, [400, 400, 400, 400]]);
    }
    const after = await queryStore<{ n: number }>(relay.dataDir, 'SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM groups) + (SELECT count(*) FROM activities) + (SELECT count(*) FROM figures) AS n');
    expect(after).toEqual(before);
  });
});
