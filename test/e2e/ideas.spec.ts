import { expect, test } from '@playwright/test';
import path from 'node:path';
import { addSmsMember, waitUntil } from '../support/sms.ts';
import { TestSmsc } from '../support/smsc.ts';
import { Api, password } from '../support/api.ts';
import { fakeJpeg, jpegWithExif, jpegWithMetadata, leaks, phoneExif } from '../support/images.ts';
import { startRelayProcess, type RelayProcess } from '../support/relay.ts';
import { IdeaBoxPage, IdeaPage } from './pages/idea-box-page.ts';
import { emailOf, organisation, person, screenshots, signedIn, stopWebRelay, webRoot } from './support/web-relay.ts';

let relay: RelayProcess | undefined;
let smsc: TestSmsc | undefined;
test.beforeAll(async () => {
  smsc = new TestSmsc();
  relay = await startRelayProcess({
    env: { CONCLAVE_WEB_ROOT: webRoot, SMS_PROVIDER: 'smpp', SMPP_URL: await smsc.listen(), SMS_QUIET_START: '00:00', SMS_QUIET_END: '00:00' },
  });
});
test.afterAll(async () => {
  await stopWebRelay(relay);
  await smsc?.close();
});

interface Listed {
  ideas: { id: string; title: string; status: string }[];
  total: number;
}

test('an idea with a photo, voted by a colleague, declined with a reason: the author reads why in the app and by SMS', async ({ browser }) => {
  const base = relay!.url;
  const { admin } = await organisation(base);
  const fiona = await person(admin, 'Fiona Facilitator');
  await addSmsMember(admin, 'Bob Martin', '06 12 34 56 78');
  const bob = { email: emailOf('Bob Martin') };
  const bobApi = new Api(base, (await new Api(base).ok<{ token: string }>('POST', '/api/session', { email: bob.email, password })).token);
  const carol = await person(admin, 'Carol Petit');

  // The facilitator opens an idea box for the whole organisation, with categories.
  const facilitator = await signedIn(browser, base, fiona);
  await facilitator.page.getByRole('link', { name: 'Idea boxes' }).click();
  await facilitator.page.getByRole('link', { name: 'New idea box' }).click();
  await facilitator.page.getByLabel('Title', { exact: true }).fill('If you were us');
  await expect(facilitator.page.getByLabel('Question', { exact: true })).toHaveValue('If you were us, what would you do?');
  await facilitator.page.getByLabel('Categories', { exact: true }).fill('Eat well\nChildren\nLoyalty\nEnvironment\nShopping');
  await facilitator.page.getByRole('button', { name: 'Open the idea box' }).click();
  await expect(facilitator.page.getByRole('heading', { name: 'If you were us' })).toBeVisible();
  const boxId = /#\/ideas\/([^/]+)/.exec(facilitator.page.url())![1]!;
  await carol.api.ok('POST', `/api/activities/${boxId}/ideas`, { title: 'A kids corner in the stores', text: 'Crayons and a table.', category: 'Children' });
  const count = async () => (await bobApi.ok<Listed>('GET', `/api/activities/${boxId}/ideas`)).total;

  // Bob, never invited, finds the box and proposes an idea; similar titles show as he types.
  const author = await signedIn(browser, base, bob);
  await author.page.getByRole('link', { name: 'Idea boxes' }).click();
  await author.page.getByRole('link', { name: /If you were us/ }).click();
  const box = new IdeaBoxPage(author.page);
  await box.startProposing();
  await box.fillIdea({ title: 'Kids corner in every store', text: 'x'.repeat(1001), category: 'Children' });
  await expect(box.similar()).toContainText('A kids corner in the stores');
  await expect(box.form().getByText('1001 / 1000 characters')).toBeVisible();

  // Refused, each with a clear message, and nothing stored: 1,001 characters…
  await box.submit();
  await expect(box.form().getByText('the text has at most 1000 characters')).toBeVisible();
  expect(await count()).toBe(1);
  // …and a file named .jpg that is not an image.
  const text = 'Parents would shop calmly while children draw at a small table.';
  await box.fillIdea({ title: 'Kids corner in every store', text, category: 'Children', photo: { name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: fakeJpeg } });
  await box.submit();
  await expect(box.form().getByText('Photo refused: this file is not a JPEG, PNG or WebP image, whatever its name says.')).toBeVisible();
  expect(await count()).toBe(1);
  await author.page.screenshot({ path: path.join(screenshots, 'ideas-refused.png') });

  // With a real photo it goes in.
  await box.fillIdea({ title: 'Kids corner in every store', text, category: 'Children', photo: { name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: jpegWithMetadata() } });
  await expect(box.form().getByRole('img', { name: 'The chosen photo' })).toBeVisible();
  await box.submit();
  await expect(box.form()).toBeHidden();
  await expect(box.idea('Kids corner in every store')).toContainText('photo');
  const listed = await bobApi.ok<Listed>('GET', `/api/activities/${boxId}/ideas`);
  const ideaId = listed.ideas.find((i) => i.title === 'Kids corner in every store')!.id;
  expect(listed.total).toBe(2);
  await expect(box.voteButton('Kids corner in every store')).toBeDisabled();

  // Carol votes for it from her account, withdraws, votes again.
  const voter = await signedIn(browser, base, carol);
  const carolBox = new IdeaBoxPage(voter.page);
  await carolBox.open(base, boxId);
  const vote = carolBox.voteButton('Kids corner in every store');
  await vote.click();
  await expect(vote).toHaveAttribute('aria-pressed', 'true');
  await expect(vote.getByTestId('votes')).toHaveText('1');
  await vote.click();
  await expect(vote.getByTestId('votes')).toHaveText('0');
  await vote.click();
  await expect(vote.getByTestId('votes')).toHaveText('1');
  await expect(carolBox.ideas().first()).toContainText('Kids corner in every store');

  // The facilitator sees the photo (stripped of its metadata, still a picture) and declines.
  const ideaPage = new IdeaPage(facilitator.page);
  await ideaPage.open(base, boxId, ideaId);
  await expect(ideaPage.photo()).toBeVisible();
  expect(await ideaPage.photo().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4);
  const served = await (await fetch(`${base}/api/ideas/${ideaId}/photo`, { headers: { authorization: `Bearer ${bobApi.token}` } })).arrayBuffer();
  for (const leak of leaks) expect(Buffer.from(served).toString('latin1')).not.toContain(leak);
  // Declined without a reason: refused, nothing changes.
  await ideaPage.answer('Declined', '');
  await expect(facilitator.page.getByText('Say why the idea is declined: its author will read the reason.')).toBeVisible();
  await expect(ideaPage.status()).toHaveText('New');
  expect((await bobApi.ok<{ status: string }>('GET', `/api/ideas/${ideaId}`)).status).toBe('new');
  const reason = 'No room in our smaller stores; we will try it in Lyon first.';
  await ideaPage.answer('Declined', reason);
  await expect(ideaPage.status()).toHaveText('Declined');
  await expect(facilitator.page.getByTestId('idea-reason')).toHaveText(`Reason: ${reason}`);
  await facilitator.page.screenshot({ path: path.join(screenshots, 'idea-answered.png'), fullPage: true });

  // A photo a phone stored sideways (EXIF Orientation 6, with GPS and artist) keeps only its
  // orientation: Chromium turns the 4×3 picture upright, 3 wide and 4 high.
  const form = new FormData();
  form.append('title', 'The shelf, photographed sideways');
  form.append('text', 'See the photo.');
  form.append('category', 'Shopping');
  form.append('photo', new Blob([new Uint8Array(jpegWithExif(phoneExif(6)))], { type: 'image/jpeg' }), 'IMG_2042.jpg');
  const sideways = await fetch(`${base}/api/activities/${boxId}/ideas`, { method: 'POST', headers: { authorization: `Bearer ${carol.api.token}` }, body: form });
  expect(sideways.status).toBe(201);
  await ideaPage.open(base, boxId, ((await sideways.json()) as { id: string }).id);
  await expect(ideaPage.photo()).toBeVisible();
  await expect.poll(() => ideaPage.photo().evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([3, 4]);

  // The author sees why, in the app, when he comes back to the box…
  await author.page.reload();
  await box.open(base, boxId);
  await expect(box.notices().first()).toContainText('Your idea "Kids corner in every store": Declined');
  await expect(box.notices().first()).toContainText(`Reason: ${reason}`);
  await expect(box.idea('Kids corner in every store')).toContainText(`Reason: ${reason}`);
  await author.page.screenshot({ path: path.join(screenshots, 'ideas-declined.png') });
  // …and by SMS, at the SMSC on loopback.
  const sms = await waitUntil(async () => smsc!.messages().find((m) => m.destination === '33612345678') ?? null, 'the SMS to Bob');
  expect(sms.text).toContain('Kids corner in every store');
  expect(sms.text).toContain(reason);

  // The facilitator keeps the box to chosen people: once someone is invited, the others are out.
  await facilitator.page.goto(`${base}/#/ideas/${boxId}`);
  await facilitator.page.getByRole('button', { name: 'Who takes part' }).click();
  const invite = facilitator.page.getByRole('form', { name: 'Invite', exact: true });
  await invite.getByRole('combobox', { name: 'Person or group' }).selectOption({ label: `Carol Petit (${carol.email})` });
  await invite.getByRole('combobox', { name: 'Role' }).selectOption('contributor');
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect(facilitator.page.getByTestId('member').filter({ hasText: 'Carol Petit' })).toBeVisible();
  expect((await bobApi.call('GET', `/api/activities/${boxId}/ideas`)).status).toBe(404);
  expect((await carol.api.call('GET', `/api/activities/${boxId}/ideas`)).status).toBe(200);

  await Promise.all([facilitator.context.close(), author.context.close(), voter.context.close()]);
});
