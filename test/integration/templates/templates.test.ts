import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityTemplates } from '#core/api/templates';
import { addAgendaItem, listAgendaBoards, readAgendaItems } from '#core/doc/agenda';
import { listMethods } from '#core/doc/board-methods';
import { boardOrderOf, maxBlueprintBytes } from '#core/doc/templates';
import { briefOf } from '#core/doc/brief';
import { briefText } from '#core/doc/content';
import { addRaciColumn, addRaciTask, listRaciBoards, readRaciColumns, readRaciTasks, setVariant, variantOf } from '#core/doc/raci';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { writeStore } from '../../support/operator.ts';
import { outsiderToken } from '../../support/outsider.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

/**
 * Activity templates on a real relay (issue 17): `POST /api/activities {template}` seeds the
 * document with the template's boards in the transaction that creates the activity (a stock
 * y-websocket client reads them at once); an organisation saves an activity as its own
 * template, with rights; refusals change nothing.
 */
let relay: RelayProcess;
let admin: Api;
beforeAll(async () => {
  relay = await startRelayProcess();
  admin = await setUpOrganisation(relay.url);
}, 120_000);
afterAll(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
});

const templateCount = async () => (await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM activity_templates'))[0]!.n;
const activityCount = async () => (await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM activities'))[0]!.n;

async function boardsOf(api: Api, activityId: string) {
  const client = await connectClient(api, activityId);
  try {
    await synced(client);
    return { kinds: listMethods(client.doc).map((m) => m.kind).sort(), order: boardOrderOf(client.doc), agendas: listAgendaBoards(client.doc).map((id) => readAgendaItems(client.doc, id).map((i) => i.text)) };
  } finally {
    client.destroy();
  }
}

describe('activity templates', () => {
  it('a meeting from its template starts with an agenda and action items, as the relay wrote them', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Monday meeting', question: 'What do we settle this week?', template: 'meeting' });
    expect(await boardsOf(admin, id)).toEqual({ kinds: ['action-items', 'agenda', 'swot'], order: ['agenda', 'action-items'], agendas: [[]] });
    const updates = await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM doc_updates WHERE activity_id = ?', [id]);
    expect(updates[0]!.n).toBe(1);
  });

  it('lists the catalogue to members of the organisation, nothing without a session', async () => {
    const bob = await addPerson(admin, 'Bob Bonnet');
    const list = await bob.api.ok<ActivityTemplates>('GET', '/api/activity-templates');
    expect(list.builtIn.map((t) => t.id)).toEqual(['blank', 'prioritisation', 'project-planning', 'decision', 'decision-basic', 'discussion', 'meeting']);
    expect((await admin.as('not-a-token').call('GET', '/api/activity-templates')).status).toBe(401);
  });

  it('saves an activity as the organisation’s template, with its agenda’s items; whoever may, uses and removes it', async () => {
    const fay = await addPerson(admin, 'Fay Facile');
    const cid = await addPerson(admin, 'Cid Contributeur');
    const { id: source } = await fay.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Weekly', question: 'What do we settle this week?', template: 'meeting' });
    await fay.api.ok('POST', `/api/activities/${source}/members`, { userId: cid.id, role: 'contributor' });
    const client = await connectClient(fay.api, source);
    const watcher = await connectClient(cid.api, source);
    try {
      await synced(client);
      const agenda = listAgendaBoards(client.doc)[0]!;
      addAgendaItem(client.doc, agenda, { id: 'item-sales001', text: 'Sales', minutes: 15, author: { id: fay.id, name: 'Fay Facile' }, at: new Date() });
      addAgendaItem(client.doc, agenda, { id: 'item-stock001', text: 'Stock', minutes: 10, author: { id: fay.id, name: 'Fay Facile' }, at: new Date() });
      // Committed before it is broadcast (SPEC D1): once another client has both, the store has them.
      await waitFor(() => readAgendaItems(watcher.doc, agenda).length === 2, 10_000, 'the items at another client');
    } finally {
      client.destroy();
      watcher.destroy();
    }

    // A contributor of the activity may not save it; neither may anyone under a bad body.
    const before = await templateCount();
    expect((await cid.api.call('POST', '/api/activity-templates', { activityId: source, name: 'Weekly' })).status).toBe(403);
    expect((await fay.api.call('POST', '/api/activity-templates', { activityId: source, name: '' })).status).toBe(400);
    expect((await fay.api.call('POST', '/api/activity-templates', { activityId: source, name: 'Weekly', extra: 1 })).status).toBe(400);
    expect(await templateCount()).toBe(before);

    const { id: templateId } = await fay.api.ok<{ id: string }>('POST', '/api/activity-templates', { activityId: source, name: 'Weekly meeting' });
    expect((await fay.api.call('POST', '/api/activity-templates', { activityId: source, name: 'Weekly meeting' })).status).toBe(409);
    const listed = await cid.api.ok<ActivityTemplates>('GET', '/api/activity-templates');
    const saved = listed.saved.find((t) => t.id === templateId)!;
    expect(saved).toMatchObject({ name: 'Weekly meeting', createdByName: 'Fay Facile', mayRemove: false });
    expect(saved.blueprint.boards[0]).toEqual({ kind: 'agenda', agenda: [{ text: 'Sales', minutes: 15 }, { text: 'Stock', minutes: 10 }] });

    // Anyone of the organisation who may create activities starts from it.
    const { id: copy } = await cid.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Weekly 2', question: 'What do we settle this week?', template: templateId });
    // The source's SWOT board, empty and out of sight, does not travel: the copy's stays out of sight too.
    expect(await boardsOf(cid.api, copy)).toMatchObject({ order: ['agenda', 'action-items'], agendas: [['Sales', 'Stock']] });

    // Another organisation neither sees, uses nor removes it.
    const olga = admin.as(await outsiderToken(relay.dataDir));
    expect((await olga.ok<ActivityTemplates>('GET', '/api/activity-templates')).saved).toEqual([]);
    const activities = await activityCount();
    expect((await olga.call('POST', '/api/activities', { title: 'Stolen', question: 'Can we use their template?', template: templateId })).status).toBe(400);
    expect((await olga.call('POST', '/api/activities', { title: 'Unknown', question: 'Is there such a template?', template: 'standup' })).status).toBe(400);
    expect(await activityCount()).toBe(activities);
    expect((await olga.call('DELETE', `/api/activity-templates/${templateId}`)).status).toBe(404);
    expect((await cid.api.call('DELETE', `/api/activity-templates/${templateId}`)).status).toBe(403);
    expect(await templateCount()).toBe(before + 1);
    expect((await admin.call('DELETE', `/api/activity-templates/${templateId}`)).status).toBe(204);
    expect(await templateCount()).toBe(before);
    expect((await cid.api.call('POST', '/api/activities', { title: 'Weekly 3', question: 'What do we settle this week?', template: templateId })).status).toBe(400);
  });

  it('an idea box takes no template', async () => {
    const r = await admin.call('POST', '/api/activities', { title: 'Ideas', question: 'What should we sell next?', kind: 'ideas', categories: ['Shop'], template: 'meeting' });
    expect(r.status).toBe(400);
  });

  it('keeps the content chosen (a matrix’s variant, roles and tasks, the brief), checked again when used; a stored one out of bounds creates nothing', async () => {
    const fay = admin;
    const me = await fay.ok<{ id: string; name: string }>('GET', '/api/me');
    const { id: source } = await fay.ok<{ id: string }>('POST', '/api/activities', { title: 'Project', question: 'Who does what?', description: 'Why this project.\n\nWhat it delivers.', template: 'project-planning' });
    const client = await connectClient(fay, source);
    try {
      await synced(client);
      const raci = listRaciBoards(client.doc)[0]!;
      setVariant(client.doc, raci, 'rasic');
      addRaciColumn(client.doc, raci, 'column-legal', 'Legal');
      addRaciTask(client.doc, raci, { id: 'task-lease01', text: 'Sign the lease', author: { id: me.id, name: me.name }, at: new Date() });
      const watcher = await connectClient(fay, source);
      try {
        await waitFor(() => readRaciTasks(watcher.doc, raci).length === 1, 10_000, 'the task at another client');
      } finally {
        watcher.destroy();
      }
    } finally {
      client.destroy();
    }
    const { id: templateId } = await fay.ok<{ id: string }>('POST', '/api/activity-templates', { activityId: source, name: 'Project kick-off' });
    const saved = (await fay.ok<ActivityTemplates>('GET', '/api/activity-templates')).saved.find((t) => t.id === templateId)!;
    expect(saved.blueprint.brief).toBe('Why this project.\n\nWhat it delivers.');
    expect(saved.blueprint.boards.find((b) => b.kind === 'raci')).toEqual({ kind: 'raci', raci: { variant: 'rasic', columns: ['Legal'], tasks: ['Sign the lease'] } });

    const { id: copy } = await fay.ok<{ id: string }>('POST', '/api/activities', { title: 'Project 2', question: 'Who does what?', template: templateId });
    const reader = await connectClient(fay, copy);
    try {
      await synced(reader);
      const raci = listRaciBoards(reader.doc)[0]!;
      expect(variantOf(reader.doc, raci)).toBe('rasic');
      expect(readRaciColumns(reader.doc, raci).map((c) => c.label)).toEqual(['Legal']);
      expect(readRaciTasks(reader.doc, raci).map((t) => [t.text, t.authorId])).toEqual([['Sign the lease', me.id]]);
      expect(briefText(briefOf(reader.doc))).toBe('Why this project.\nWhat it delivers.');
    } finally {
      reader.destroy();
    }

    // A row that no longer passes (written past its bounds behind the relay's back) is refused when used, nothing created.
    await writeStore(relay.dataDir, 'UPDATE activity_templates SET blueprint = ? WHERE id = ?', [JSON.stringify({ boards: [], brief: 'x'.repeat(maxBlueprintBytes) }), templateId]);
    const activities = await activityCount();
    expect((await fay.call('POST', '/api/activities', { title: 'Project 3', question: 'Who does what?', template: templateId })).status).toBe(400);
    expect(await activityCount()).toBe(activities);
  });
});
