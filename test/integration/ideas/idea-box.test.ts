import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { readExifOrientation } from '../../../server/ideas/images/exif-orientation.ts';
import { fakeJpeg, jpegWithExif, jpegWithMetadata, leaks, phoneExif, pngWithMetadata, webpWithMetadata } from '../../support/images.ts';
import { storedPhotos } from '../../support/photos.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { addSmsMember, waitUntil } from '../../support/sms.ts';
import { TestSmsc } from '../../support/smsc.ts';
import { queryStore } from '../../support/store.ts';
import { outsiderToken } from '../../support/outsider.ts';
import { getBytes, postIdeaForm } from './support.ts';

interface IdeaView {
  id: string;
  title: string;
  votes: number;
  myVote: boolean;
  status: string;
  reason: string | null;
  category: string;
  photo: { type: string; bytes: number } | null;
  hidden: { reason: string } | null;
}
interface Page {
  ideas: IdeaView[];
  total: number;
  next: number | null;
}

const categories = ['Eat well', 'Children', 'Loyalty', 'Environment', 'Shopping'];

/**
 * The idea box through the real relay: a box open to the whole organisation, ideas with
 * photos checked and stripped, votes, answers with reasons told in the app and by SMS at
 * an SMSC on loopback, hidden ideas, and every refusal leaving the store unchanged.
 */
describe('the idea box', () => {
  let smsc: TestSmsc;
  let relay: RelayProcess;
  let admin: Api;
  let fiona: Api;
  let bob: Api;
  let bobId: string;
  let carol: Api;
  let boxId: string;

  beforeAll(async () => {
    smsc = new TestSmsc();
    relay = await startRelayProcess({
      env: {
        SMS_PROVIDER: 'smpp',
        SMPP_URL: await smsc.listen(),
        SMS_QUIET_START: '00:00',
        SMS_QUIET_END: '00:00',
        CONCLAVE_PHOTO_MAX_BYTES: '100000',
        CONCLAVE_PHOTO_QUOTA_BYTES: '1000',
      },
    });
    admin = await setUpOrganisation(relay.url);
    fiona = (await addPerson(admin, 'Fiona Facilitator')).api;
    ({ id: bobId } = await addSmsMember(admin, 'Bob Martin', '06 12 34 56 78'));
    bob = admin.as((await new Api(relay.url).ok<{ token: string }>('POST', '/api/session', { email: 'bob.martin@durand.example', password })).token);
    carol = (await addPerson(admin, 'Carol Petit')).api;
    ({ id: boxId } = await fiona.ok<{ id: string }>('POST', '/api/activities', {
      kind: 'ideas',
      title: 'If you were us',
      question: 'If you were us, what would you do?',
      categories,
    }));
  });

  afterAll(async () => {
    await relay?.stop();
    await smsc?.close();
    if (relay) await removeDataDir(relay.dataDir);
  });

  const ideaCount = async () => (await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM ideas'))[0]!.n;
  const photoFiles = () => storedPhotos(relay.dataDir);

  it('I1 an idea box has categories; a board has none', async () => {
    const box = await fiona.ok<{ kind: string; categories: string[] }>('GET', `/api/activities/${boxId}`);
    expect(box).toMatchObject({ kind: 'ideas', categories });
    const noCategories = await fiona.call<{ error: { message: string } }>('POST', '/api/activities', {
      kind: 'ideas',
      title: 'Ideas',
      question: 'What would you do in our place?',
    });
    expect(noCategories.status).toBe(400);
    expect(noCategories.body.error.message).toBe('categories: an idea box needs its categories');
    const boardWithCategories = await fiona.call('POST', '/api/activities', { title: 'Board', question: 'Where do we open next?', categories: ['A'] });
    expect(boardWithCategories.status).toBe(400);
    const twice = await fiona.call('POST', '/api/activities', { kind: 'ideas', title: 'x', question: 'What would you do here?', categories: ['A', 'a'] });
    expect(twice.status).toBe(400);
    const board = await fiona.ok<{ id: string }>('POST', '/api/activities', { title: 'Board', question: 'Where do we open next?' });
    expect(await fiona.ok('GET', `/api/activities/${board.id}`)).toMatchObject({ kind: 'board', categories: [] });
    // A board stays closed to people of the organisation who were not invited.
    expect((await carol.call('GET', `/api/activities/${board.id}`)).status).toBe(404);
    expect((await carol.call('GET', `/api/activities/${board.id}/ideas`)).status).toBe(404);
  });

  it('I2 open to the whole organisation by default; never to another organisation', async () => {
    const listed = await carol.ok<{ activities: { id: string; myRole: string }[] }>('GET', '/api/activities');
    expect(listed.activities).toEqual([expect.objectContaining({ id: boxId, myRole: 'contributor' })]);
    expect(await carol.ok('GET', `/api/activities/${boxId}/ideas`)).toMatchObject({ ideas: [], total: 0, categories });
    const outsider = new Api(relay.url, await outsiderToken(relay.dataDir));
    expect((await outsider.call('GET', `/api/activities/${boxId}`)).status).toBe(404);
    expect((await outsider.call('GET', `/api/activities/${boxId}/ideas`)).status).toBe(404);
    expect((await outsider.call('POST', `/api/activities/${boxId}/ideas`, { title: 'Spam', text: 'spam', category: 'Loyalty' })).status).toBe(404);
    expect((await outsider.ok<{ activities: unknown[] }>('GET', '/api/activities')).activities).toEqual([]);
  });

  let ideaId: string;
  it('I3 an idea with a photo: checked by content, stored stripped under a random name, served to readers only', async () => {
    const posted = await postIdeaForm(
      bob,
      boxId,
      { title: 'A kids corner in every store', text: 'Parents would shop calmly while children draw.', category: 'children' },
      { bytes: jpegWithMetadata(), name: 'IMG_2041.jpg', type: 'image/jpeg' },
    );
    expect(posted.status).toBe(201);
    ideaId = posted.body.id!;
    const files = await photoFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[A-Za-z0-9_-]{24}\.jpg$/);
    const photo = await getBytes(carol, `/api/ideas/${ideaId}/photo`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(photo.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    for (const leak of leaks) expect(photo.bytes.toString('latin1')).not.toContain(leak);
    const outsider = new Api(relay.url, await outsiderToken(relay.dataDir));
    expect((await getBytes(outsider, `/api/ideas/${ideaId}/photo`)).status).toBe(404);
    expect((await getBytes(new Api(relay.url, null), `/api/ideas/${ideaId}/photo`)).status).toBe(401);
    const idea = await carol.ok<IdeaView>('GET', `/api/ideas/${ideaId}`);
    // The category is the facilitator's spelling, whatever the case typed.
    expect(idea).toMatchObject({ category: 'Children', status: 'new', votes: 0, photo: { type: 'image/jpeg' } });
    // PNG and WebP are taken too, stripped alike.
    for (const [bytes, type] of [[pngWithMetadata(), 'image/png'], [webpWithMetadata(), 'image/webp']] as const) {
      const other = await postIdeaForm(carol, boxId, { title: `Photo as ${type}`, text: 'See the picture.', category: 'Shopping' }, { bytes, name: 'x.bin', type: 'application/octet-stream' });
      expect(other.status).toBe(201);
      const served = await getBytes(bob, `/api/ideas/${other.body.id}/photo`);
      expect(served.headers.get('content-type')).toBe(type);
      for (const leak of leaks) expect(served.bytes.toString('latin1')).not.toContain(leak);
    }
    // A photo a phone stored sideways keeps its EXIF orientation, and nothing else of its EXIF.
    const sideways = await postIdeaForm(carol, boxId, { title: 'Photo taken sideways', text: 'See the shelf.', category: 'Shopping' }, { bytes: jpegWithExif(phoneExif(6, 'II')), name: 'IMG_2042.jpg', type: 'image/jpeg' });
    expect(sideways.status).toBe(201);
    const turned = (await getBytes(bob, `/api/ideas/${sideways.body.id}/photo`)).bytes;
    expect(turned.subarray(20, 32).toString('hex')).toBe('ffe100224578696600004d4d');
    expect(readExifOrientation(turned.subarray(24, 56))).toBe(6);
    expect(turned.toString('latin1')).not.toContain('Jean Photographe');
    expect(turned.includes(Buffer.from([0x25, 0x88]))).toBe(false);
    expect(await bob.ok('GET', '/api/ideas/storage')).toMatchObject({ quotaBytes: 1000, maxPhotoBytes: 100000 });
  });

  it('I4 refusals are clear and change nothing: 1,001 characters, a .jpg that is not an image, too large, over quota', async () => {
    const before = { ideas: await ideaCount(), files: (await photoFiles()).length };
    const long = await postIdeaForm(bob, boxId, { title: 'Long', text: 'x'.repeat(1001), category: 'Loyalty' }, { bytes: pngWithMetadata(), name: 'a.png', type: 'image/png' });
    expect(long.status).toBe(400);
    expect(long.body.error!.message).toBe('text: the text has at most 1000 characters');
    const longJson = await bob.call<{ error: { message: string } }>('POST', `/api/activities/${boxId}/ideas`, { title: 'Long', text: 'é'.repeat(1001), category: 'Loyalty' });
    expect(longJson.status).toBe(400);
    expect((await bob.call('POST', `/api/activities/${boxId}/ideas`, { title: 'Just right', text: 'é'.repeat(1000), category: 'Loyalty' })).status).toBe(201);
    before.ideas++;

    const fake = await postIdeaForm(bob, boxId, { title: 'Look at this', text: 'A photo.', category: 'Loyalty' }, { bytes: fakeJpeg, name: 'holiday.jpg', type: 'image/jpeg' });
    expect(fake.status).toBe(415);
    expect(fake.body.error).toEqual({ code: 'unsupported_media_type', message: 'The photo must be a JPEG, PNG or WebP image: this file is not one, whatever its name says.', issues: [{ path: 'photo', message: 'this file is not a JPEG, PNG or WebP image, whatever its name says' }] });

    const big = Buffer.concat([jpegWithMetadata(), Buffer.alloc(150_000)]);
    const tooBig = await postIdeaForm(bob, boxId, { title: 'Big', text: 'A big photo.', category: 'Loyalty' }, { bytes: big, name: 'big.jpg', type: 'image/jpeg' });
    expect(tooBig.status).toBe(413);

    for (const [fields, message] of [
      [{ title: 'Hi', text: 'x', category: 'Loyalty' }, 'title: a title needs at least 3 characters'],
      [{ title: 'Hello', text: 'x', category: 'Parking' }, 'category: choose one of Eat well, Children, Loyalty, Environment, Shopping.'],
      [{ title: 'Hello', text: 'x', category: 'Loyalty', author: 'me' }, 'unknown field(s): author'],
    ] as const) {
      const refused = await postIdeaForm(bob, boxId, fields);
      expect(refused.status).toBe(400);
      expect(refused.body.error!.message).toBe(message);
    }
    // Bob's quota (1,000 bytes here) fills up: the photo that would pass it is refused.
    let quota: Awaited<ReturnType<typeof postIdeaForm>> | null = null;
    for (let i = 0; i < 20 && !quota; i++) {
      const r = await postIdeaForm(bob, boxId, { title: `Quota ${i}`, text: 'x', category: 'Loyalty' }, { bytes: pngWithMetadata(), name: 'p.png', type: 'image/png' });
      if (r.status === 201) {
        before.ideas++;
        before.files++;
      } else quota = r;
    }
    expect(quota?.status).toBe(413);
    expect(quota?.body.error?.code).toBe('quota_exceeded');
    expect({ ideas: await ideaCount(), files: (await photoFiles()).length }).toEqual(before);
  });

  it('I5 one vote per person, withdrawable; sorted by votes, newest, category; paginated', async () => {
    expect(await carol.ok('POST', `/api/ideas/${ideaId}/votes`)).toEqual({ votes: 1, myVote: true });
    expect(await carol.ok('POST', `/api/ideas/${ideaId}/votes`)).toEqual({ votes: 1, myVote: true });
    expect(await fiona.ok('POST', `/api/ideas/${ideaId}/votes`)).toEqual({ votes: 2, myVote: true });
    expect(await fiona.ok('DELETE', `/api/ideas/${ideaId}/votes`)).toEqual({ votes: 1, myVote: false });
    expect(await fiona.ok('DELETE', `/api/ideas/${ideaId}/votes`)).toEqual({ votes: 1, myVote: false });
    const own = await bob.call<{ error: { message: string } }>('POST', `/api/ideas/${ideaId}/votes`);
    expect([own.status, own.body.error.message]).toEqual([403, 'You cannot vote for your own idea.']);
    const votes = await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM idea_votes WHERE idea_id = ?', [ideaId]);
    expect(votes[0]!.n).toBe(1);

    const byVotes = await carol.ok<Page>('GET', `/api/activities/${boxId}/ideas?sort=votes&limit=2`);
    expect(byVotes.ideas[0]).toMatchObject({ id: ideaId, votes: 1, myVote: true });
    expect(byVotes.ideas).toHaveLength(2);
    expect(byVotes.next).toBe(2);
    const all = await carol.ok<Page>('GET', `/api/activities/${boxId}/ideas?sort=newest&limit=200`);
    expect(all.total).toBe(byVotes.total);
    const times = all.ideas.map((i) => i.id);
    expect(times[times.length - 1]).toBe(ideaId);
    const byCategory = await carol.ok<Page>('GET', `/api/activities/${boxId}/ideas?sort=category&limit=200`);
    const cats = byCategory.ideas.map((i) => i.category);
    expect(cats).toEqual([...cats].sort());
    const children = await carol.ok<Page>('GET', `/api/activities/${boxId}/ideas?category=Children`);
    expect(children.ideas.map((i) => i.id)).toEqual([ideaId]);
    expect((await carol.call('GET', `/api/activities/${boxId}/ideas?sort=best`)).status).toBe(400);
  });

  it('I6 declined needs a reason; the author reads it in the app, and is texted about the idea once that day', async () => {
    const noReason = await fiona.call<{ error: { code: string; message: string } }>('POST', `/api/ideas/${ideaId}/status`, { status: 'declined' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe('reason: Say why the idea is declined: its author will read the reason.');
    expect((await fiona.call('POST', `/api/ideas/${ideaId}/status`, { status: 'declined', reason: '   ' })).status).toBe(400);
    expect(await fiona.ok('GET', `/api/ideas/${ideaId}`)).toMatchObject({ status: 'new', reason: null });
    expect((await queryStore(relay.dataDir, 'SELECT * FROM idea_status_changes')).length).toBe(0);
    expect((await bob.ok<{ notices: unknown[] }>('GET', '/api/idea-notices')).notices).toEqual([]);
    expect((await carol.call('POST', `/api/ideas/${ideaId}/status`, { status: 'under_study' })).status).toBe(403);
    expect((await fiona.call('POST', `/api/ideas/${ideaId}/status`, { status: 'implemented' })).status).toBe(409);

    await fiona.ok('POST', `/api/ideas/${ideaId}/status`, { status: 'under_study' });
    const reason = 'No room in our smaller stores; we will try it in Lyon first.';
    const declined = await fiona.ok<IdeaView & { history: { status: string; reason: string | null }[] }>('POST', `/api/ideas/${ideaId}/status`, { status: 'declined', reason });
    expect(declined).toMatchObject({ status: 'declined', reason });
    expect(declined.history.map((h) => h.status)).toEqual(['under_study', 'declined']);
    const { notices, unread } = await bob.ok<{ notices: { id: number; kind: string; status: string; reason: string | null }[]; unread: number }>('GET', '/api/idea-notices');
    expect(unread).toBe(2);
    expect(notices[0]).toMatchObject({ kind: 'status', status: 'declined', reason });
    await bob.ok('POST', `/api/idea-notices/${notices[0]!.id}/read`);
    expect((await carol.call('POST', `/api/idea-notices/${notices[1]!.id}/read`)).status).toBe(404);

    // One SMS per idea and day (issue 11): the first change is texted; the refusal, a minute later, is in the app only.
    const sms = await waitUntil(async () => {
      const found = smsc.messages().filter((m) => m.destination === '33612345678');
      return found.length === 1 ? found : null;
    }, 'one SMS to Bob');
    expect(sms.map((m) => m.text)).toEqual(['Conclave - votre idée "A kids corner in every store" est à l\'étude.']);
    const changes = await waitUntil(async () => {
      const rows = await queryStore<{ to_status: string; sms_status: string | null }>(relay.dataDir, 'SELECT to_status, sms_status FROM idea_status_changes WHERE idea_id = ? ORDER BY id', [ideaId]);
      return rows.every((r) => r.sms_status !== null) ? rows : null;
    }, 'both changes recorded');
    expect(changes.map((c) => [c.to_status, c.sms_status === 'daily_limit'])).toEqual([['under_study', false], ['declined', true]]);
    // Carol never opted in: her answer is in the app only, the refusal recorded.
    const carolIdea = (await carol.ok<Page>('GET', `/api/activities/${boxId}/ideas?author=${await idOf(carol)}`)).ideas[0]!;
    await fiona.ok('POST', `/api/ideas/${carolIdea.id}/status`, { status: 'accepted', reason: 'Good one.' });
    expect((await queryStore<{ sms_status: string }>(relay.dataDir, 'SELECT sms_status FROM idea_status_changes WHERE idea_id = ?', [carolIdea.id]))[0]!.sms_status).toBe('no_phone');

    // A restart sends nothing again.
    await relay.stop();
    relay = await relay.restart();
    await waitUntil(async () => smsc.isBound, 'the SMPP bind after restart');
    await new Promise((r) => setTimeout(r, 500));
    expect(smsc.messages().filter((m) => m.destination === '33612345678')).toHaveLength(1);
    expect(bobId).toBeTruthy();
  });

  it('I7 a hidden idea: gone for others, its author sees why; facilitators may show it again', async () => {
    const { id } = await carol.ok<{ id: string }>('POST', `/api/activities/${boxId}/ideas`, { title: 'Insulting idea', text: 'rude words', category: 'Loyalty' });
    expect((await fiona.call('POST', `/api/ideas/${id}/hidden`, {})).status).toBe(400);
    expect((await bob.call('POST', `/api/ideas/${id}/hidden`, { reason: 'no' })).status).toBe(403);
    await fiona.ok('POST', `/api/ideas/${id}/hidden`, { reason: 'Insults are not ideas.' });
    expect((await bob.call('GET', `/api/ideas/${id}`)).status).toBe(404);
    expect((await bob.call('POST', `/api/ideas/${id}/votes`)).status).toBe(404);
    expect((await bob.ok<Page>('GET', `/api/activities/${boxId}/ideas?limit=200`)).ideas.map((i) => i.id)).not.toContain(id);
    expect(await carol.ok('GET', `/api/ideas/${id}`)).toMatchObject({ hidden: { reason: 'Insults are not ideas.' } });
    const notices = await carol.ok<{ notices: { kind: string; reason: string }[] }>('GET', '/api/idea-notices');
    expect(notices.notices[0]).toMatchObject({ kind: 'hidden', reason: 'Insults are not ideas.' });
    await fiona.ok('DELETE', `/api/ideas/${id}/hidden`);
    expect(await bob.ok('GET', `/api/ideas/${id}`)).toMatchObject({ hidden: null });
  });

  it('I8 similar titles before submitting; top contributors; a box closed by invitations', async () => {
    const { similar } = await carol.ok<{ similar: { id: string; title: string }[] }>(
      'GET',
      `/api/activities/${boxId}/ideas/similar?title=${encodeURIComponent('Coin enfants dans les magasins')}`,
    );
    expect(similar).toEqual([]);
    const kids = await carol.ok<{ similar: { id: string }[] }>('GET', `/api/activities/${boxId}/ideas/similar?title=${encodeURIComponent('kids corner in the stores')}`);
    expect(kids.similar.map((s) => s.id)).toEqual([ideaId]);
    const { contributors } = await carol.ok<{ contributors: { name: string; votes: number; ideas: number; declined: number }[] }>('GET', `/api/activities/${boxId}/contributors`);
    expect(contributors[0]).toMatchObject({ name: 'Bob Martin', votes: 1, declined: 1 });

    // Inviting someone closes the box to the others of the organisation.
    const dan = await addPerson(admin, 'Dan Invited');
    await fiona.ok('POST', `/api/activities/${boxId}/members`, { userId: dan.id, role: 'contributor' });
    expect((await carol.call('GET', `/api/activities/${boxId}/ideas`)).status).toBe(404);
    expect((await dan.api.call('GET', `/api/activities/${boxId}/ideas`)).status).toBe(200);
    // A viewer reads but neither proposes nor votes; a closed box takes nothing more.
    const eve = await addPerson(admin, 'Eve Viewer');
    await fiona.ok('POST', `/api/activities/${boxId}/members`, { userId: eve.id, role: 'viewer' });
    expect((await eve.api.call('GET', `/api/activities/${boxId}/ideas`)).status).toBe(200);
    expect((await eve.api.call('POST', `/api/activities/${boxId}/ideas`, { title: 'Mine', text: 'x', category: 'Loyalty' })).status).toBe(403);
    expect((await eve.api.call('POST', `/api/ideas/${ideaId}/votes`)).status).toBe(403);
    await fiona.ok('PATCH', `/api/activities/${boxId}`, { status: 'decided' });
    const closed = await dan.api.call<{ error: { message: string } }>('POST', `/api/activities/${boxId}/ideas`, { title: 'Late', text: 'x', category: 'Loyalty' });
    expect([closed.status, closed.body.error.message]).toEqual([409, 'This idea box is closed: it takes no more ideas or votes.']);
  });

  it('I9 malformed uploads are refused clearly: two photos, a stray file field, a broken form', async () => {
    await fiona.ok('PATCH', `/api/activities/${boxId}`, { status: 'open' });
    const before = { ideas: await ideaCount(), files: (await photoFiles()).length };
    const form = new FormData();
    form.append('title', 'Two photos');
    form.append('text', 'x');
    form.append('category', 'Loyalty');
    form.append('photo', new Blob([new Uint8Array(pngWithMetadata())]), 'a.png');
    form.append('photo', new Blob([new Uint8Array(pngWithMetadata())]), 'b.png');
    const two = await fetch(`${relay.url}/api/activities/${boxId}/ideas`, { method: 'POST', headers: { authorization: `Bearer ${fiona.token}` }, body: form });
    expect(two.status).toBe(400);
    expect(((await two.json()) as { error: { message: string } }).error.message).toBe('photo: send one photo at most.');
    // A form without a photo is an idea like any other.
    const plain = await postIdeaForm(fiona, boxId, { title: 'No photo', text: 'x', category: 'Loyalty' });
    expect(plain.status).toBe(201);
    before.ideas++;
    const broken = await fetch(`${relay.url}/api/activities/${boxId}/ideas`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fiona.token}`, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nCut sh',
    });
    expect(broken.status).toBe(400);
    const other = new FormData();
    other.append('title', 'Attachment');
    other.append('attachment', new Blob([new Uint8Array(pngWithMetadata())]), 'a.png');
    const attachment = await fetch(`${relay.url}/api/activities/${boxId}/ideas`, { method: 'POST', headers: { authorization: `Bearer ${fiona.token}` }, body: other });
    expect(((await attachment.json()) as { error: { message: string } }).error.message).toBe('attachment: unknown file field (send the picture as "photo").');
    expect({ ideas: await ideaCount(), files: (await photoFiles()).length }).toEqual(before);
  });
});

async function idOf(api: Api) {
  return (await api.ok<{ id: string }>('GET', '/api/me')).id;
}
