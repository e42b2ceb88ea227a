import { describe, expect, it } from 'vitest';
import { Api, addPerson, type Api as ApiType } from '../../support/api.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { proposeIdea, publishedBox, rubrics, type PublicBoxView } from './support.ts';

/**
 * Publishing an idea box (issue 18) and reading it as a stranger, on a real relay: the
 * slug judged and unique, the public answer without any token carrying no address and no
 * name nobody agreed to show, unpublished boxes 404 like unknown ones, and the page the
 * relay writes itself, readable without a script, under the app's strict CSP.
 */
let world: MailRelay;
let admin: ApiType;
withMailOrganisation(new Date('2026-12-06T09:00:00Z'), (w, a) => {
  world = w;
  admin = a;
});

const anon = () => new Api(world.relay.url);
const slugOf = async (id: string) => (await queryStore<{ public_slug: string | null }>(world.relay.dataDir, 'SELECT public_slug FROM activities WHERE id = ?', [id]))[0]?.public_slug;

describe('publishing an idea box', () => {
  it('a facilitator publishes at a slug, another box cannot take it, a bad slug or a board is refused, and null unpublishes', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { kind: 'ideas', title: 'Idées', question: 'Que feriez-vous à notre place ?', categories: rubrics });
    for (const bad of ['A B', 'ab', '-start', 'double--hyphen', 'api', 'x'.repeat(61), 42]) {
      const refused = await admin.call<{ error: { code: string; issues: { path: string }[] } }>('PATCH', `/api/activities/${id}`, { publicSlug: bad });
      expect([refused.status, refused.body.error.code, refused.body.error.issues[0]?.path], String(bad)).toEqual([400, 'validation_failed', 'publicSlug']);
    }
    expect(await slugOf(id)).toBeNull();
    const published = await admin.ok<{ publicSlug: string | null }>('PATCH', `/api/activities/${id}`, { publicSlug: 'idees-durand' });
    expect(published.publicSlug).toBe('idees-durand');

    const other = await publishedBox(admin, 'autre-campagne');
    const taken = await admin.call<{ error: { code: string } }>('PATCH', `/api/activities/${other}`, { publicSlug: 'idees-durand' });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'slug_taken']);
    expect(await slugOf(other)).toBe('autre-campagne');
    const createTaken = await admin.call<{ error: { code: string } }>('POST', '/api/activities', {
      kind: 'ideas', title: 'Encore', question: 'Que feriez-vous à notre place ?', categories: rubrics, publicSlug: 'idees-durand',
    });
    expect([createTaken.status, createTaken.body.error.code]).toEqual([409, 'slug_taken']);
    expect(await queryStore(world.relay.dataDir, "SELECT id FROM activities WHERE title = 'Encore'")).toEqual([]);

    const { id: board } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Board', question: 'Where do we open next?' });
    const boardRefused = await admin.call('PATCH', `/api/activities/${board}`, { publicSlug: 'un-tableau' });
    expect(boardRefused.status).toBe(400);
    expect(await slugOf(board)).toBeNull();

    const member = await addPerson(admin, 'Marc Membre');
    const notFacilitator = await member.api.call('PATCH', `/api/activities/${id}`, { publicSlug: 'par-marc' });
    expect(notFacilitator.status).toBe(403);

    expect((await admin.ok<{ publicSlug: string | null }>('PATCH', `/api/activities/${id}`, { publicSlug: null })).publicSlug).toBeNull();
    expect((await anon().call('GET', '/api/public/idea-boxes/idees-durand')).status).toBe(404);
  });
});

describe('a stranger reads a published box', () => {
  it('gets its title, rubrics and ideas with votes, status and answer, without a token; no address, no name unshown, no hidden idea', async () => {
    const boxId = await publishedBox(admin, 'si-j-etais-durand');
    const bea = await addPerson(admin, 'Béatrice Secrète');
    const first = await proposeIdea(bea.api, boxId, { title: 'Des fruits à la caisse', text: 'Remplacer les bonbons\npar des fruits.', category: 'Enfants' });
    const second = await proposeIdea(admin, boxId, { title: 'Un rayon vrac', text: 'Moins d’emballages.', category: 'Environnement' });
    const hidden = await proposeIdea(bea.api, boxId, { title: 'Texte injurieux', text: 'Rien à voir.', category: 'Courses' });
    await admin.ok('POST', `/api/ideas/${first.body.id}/votes`, {});
    await admin.ok('POST', `/api/ideas/${first.body.id}/status`, { status: 'declined', reason: 'Les fruits s’abîment trop vite en caisse.' });
    await admin.ok('POST', `/api/ideas/${hidden.body.id}/hidden`, { reason: 'Hors sujet' });

    const read = await anon().call<PublicBoxView>('GET', '/api/public/idea-boxes/si-j-etais-durand');
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(read.body).toMatchObject({ title: 'Si j’étais Maison Durand…', boxId, categories: rubrics, total: 2, next: null });
    expect(read.body.ideas.map((i) => [i.title, i.votes, i.status, i.answer, i.author])).toEqual([
      ['Des fruits à la caisse', 1, 'declined', 'Les fruits s’abîment trop vite en caisse.', null],
      ['Un rayon vrac', 0, 'new', null, null],
    ]);
    expect(second.status).toBe(201);
    const text = JSON.stringify(read.body);
    for (const secret of ['@durand.example', 'Béatrice', 'Alice', 'Texte injurieux', 'Hors sujet']) expect(text).not.toContain(secret);

    const again = await fetch(`${world.relay.url}/api/public/idea-boxes/si-j-etais-durand`, { headers: { 'if-none-match': read.headers.get('etag')! } });
    expect(again.status).toBe(304);

    const paged = await anon().ok<PublicBoxView>('GET', '/api/public/idea-boxes/si-j-etais-durand?limit=1');
    expect([paged.ideas.length, paged.next]).toEqual([1, 1]);
    expect((await anon().call('GET', '/api/public/idea-boxes/si-j-etais-durand?limit=500')).status).toBe(400);
    expect((await anon().call('GET', '/api/public/idea-boxes/si-j-etais-durand?offset=99999')).status).toBe(400);
  });

  it('ideas waiting for approval, moved off topic or merged into another stay off the public page', async () => {
    const boxId = await publishedBox(admin, 'moderee');
    const kept = await proposeIdea(admin, boxId, { title: 'Des paniers anti-gaspi', text: 'Les invendus du soir à prix réduit.', category: 'Environnement' });
    const duplicate = await proposeIdea(admin, boxId, { title: 'Des paniers anti-gaspillage', text: 'Pareil.', category: 'Environnement' });
    await admin.ok('POST', `/api/ideas/${duplicate.body.id}/merge`, { into: kept.body.id });
    await admin.ok('PATCH', `/api/activities/${boxId}/idea-settings`, { premoderation: true });
    const bea = await addPerson(admin, 'Bea Attente');
    const pending = await proposeIdea(bea.api, boxId, { title: 'Idée en attente', text: 'Pas encore approuvée.', category: 'Courses' });
    expect(pending.status).toBe(201);
    const read = await anon().ok<PublicBoxView>('GET', '/api/public/idea-boxes/moderee');
    expect([read.ideas.map((i) => i.title), read.total]).toEqual([['Des paniers anti-gaspi'], 1]);
    expect((await fetch(`${world.relay.url}/ideas/moderee`).then((r) => r.text()))).not.toContain('Idée en attente');
    await admin.ok('POST', `/api/ideas/${pending.body.id}/moderation`, { decision: 'approve' });
    expect((await anon().ok<PublicBoxView>('GET', '/api/public/idea-boxes/moderee')).total).toBe(2);
  });

  it('an unpublished box, an unknown slug and a board are the same 404, for the API and the page', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { kind: 'ideas', title: 'Privée', question: 'Que feriez-vous à notre place ?', categories: rubrics, publicSlug: 'bientot-privee' });
    expect((await anon().call('GET', '/api/public/idea-boxes/bientot-privee')).status).toBe(200);
    await admin.ok('PATCH', `/api/activities/${id}`, { publicSlug: null });
    const unpublished = await anon().call<{ error: { message: string } }>('GET', '/api/public/idea-boxes/bientot-privee');
    const unknown = await anon().call<{ error: { message: string } }>('GET', '/api/public/idea-boxes/jamais-vue');
    expect([unpublished.status, unknown.status]).toEqual([404, 404]);
    expect(unpublished.body).toEqual(unknown.body);
    const page = await fetch(`${world.relay.url}/ideas/bientot-privee`, { headers: { 'accept-language': 'fr' } });
    expect([page.status, page.headers.get('content-type')]).toEqual([404, 'text/html; charset=utf-8']);
    expect(await page.text()).toContain('<title>Ce lien ou cette page n’existe pas.</title>');
    expect(await (await fetch(`${world.relay.url}/ideas/jamais-vue`, { headers: { 'accept-language': 'fr' } })).text()).toContain('n’existe pas');
    expect((await fetch(`${world.relay.url}/api/activities/${id}/ideas`)).status).toBe(401);
  });

  it('the page is server-written HTML, in French or English, indexable, under the strict CSP, with the ideas readable without a script', async () => {
    const res = await fetch(`${world.relay.url}/ideas/si-j-etais-durand`, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('<title>Si j’étais Maison Durand…</title>');
    expect(html).toContain('<meta name="description" content="Si vous étiez à notre place, que feriez-vous pour nos magasins ?">');
    expect(html).toContain('Des fruits à la caisse');
    expect(html).toContain('Non retenue');
    expect(html).toContain('Les fruits s’abîment trop vite en caisse.');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toContain('@durand.example');

    const en = await (await fetch(`${world.relay.url}/ideas/si-j-etais-durand?lang=en`)).text();
    expect(en).toMatch(/<html lang="en">/);
    expect(en).toContain('Declined');
    expect(en).toContain('Our answer');
  });
});
