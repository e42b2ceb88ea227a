import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, password, setUpOrganisation } from '../../support/api.ts';
import { plainJpeg } from '../../support/images.ts';
import { startMailRelay, type MailRelay } from '../../support/mail-relay.ts';
import type { RelayProcess } from '../../support/relay.ts';
import { waitUntil } from '../../support/sms.ts';
import { TestSmsc } from '../../support/smsc.ts';
import type { TestSmtp } from '../../support/smtp.ts';
import { proposeIdea, rubrics, signUpParticipant, type PublicBoxView } from './support.ts';

/**
 * Issue 18's "Done when", end to end on one real relay, with an SMTP server and an SMSC on
 * loopback: a retailer publishes "Si j'étais Maison Durand…" with five rubrics; customers
 * sign up, propose and vote; a duplicate is merged (both authors told); the best idea is
 * studied in an activity, decided, and its author is answered (e-mail and SMS, with the
 * reason) and rewarded (once); a declined one is answered with its reason; the public page
 * says it all. Each step builds on the one before.
 */
describe('"Si j’étais Maison Durand…", from publication to the authors answered and rewarded', () => {
  let smsc: TestSmsc;
  let smtp: TestSmtp;
  let relay: RelayProcess;
  let world: MailRelay;
  let admin: Api;
  let boxId: string;
  const slug = 'si-j-etais-maison-durand';
  const customers: Record<'chloe' | 'david' | 'emma' | 'farid', Api> = {} as never;
  const ideas: Record<'gouter' | 'duplicate' | 'sunday', string> = {} as never;
  const anon = () => new Api(relay.url);
  const smsTo = (number: string) => smsc.messages().filter((m) => m.destination === number).map((m) => m.text);
  const mailsTo = (address: string, text: string) => smtp.to(address).filter((m) => m.text.includes(text));
  const publicBox = () => anon().ok<PublicBoxView>('GET', `/api/public/idea-boxes/${slug}`);

  beforeAll(async () => {
    smsc = new TestSmsc();
    const smsEnv = { SMS_PROVIDER: 'smpp', SMPP_URL: await smsc.listen(), SMS_QUIET_START: '00:00', SMS_QUIET_END: '00:00' };
    world = await startMailRelay(new Date('2026-12-07T09:00:00Z'), { ...smsEnv, CONCLAVE_PUBLIC_URL: 'https://idees.durand.example' });
    ({ relay, smtp } = world);
    admin = await setUpOrganisation(relay.url);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await smsc?.close();
  });

  it('D1 the retailer publishes the box with five rubrics: anyone reads it, page and API; an unpublished box is 404', async () => {
    ({ id: boxId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      kind: 'ideas',
      title: 'Si j’étais Maison Durand…',
      question: 'Si vous étiez à notre place, que feriez-vous pour nos magasins ?',
      categories: rubrics,
      publicSlug: slug,
    }));
    const { id: hidden } = await admin.ok<{ id: string }>('POST', '/api/activities', { kind: 'ideas', title: 'Interne', question: 'Pour l’équipe ?', categories: ['Équipe'] });
    expect(await publicBox()).toMatchObject({ title: 'Si j’étais Maison Durand…', categories: rubrics, ideas: [], total: 0 });
    const page = await fetch(`${relay.url}/ideas/${slug}`, { headers: { 'accept-language': 'fr-FR' } });
    expect([page.status, page.headers.get('content-security-policy')?.includes("script-src 'self'")]).toEqual([200, true]);
    expect(await page.text()).toContain('<title>Si j’étais Maison Durand…</title>');
    await admin.ok('PATCH', `/api/activities/${hidden}`, { publicSlug: 'interne' });
    await admin.ok('PATCH', `/api/activities/${hidden}`, { publicSlug: null });
    expect((await anon().call('GET', '/api/public/idea-boxes/interne')).status).toBe(404);
    expect((await fetch(`${relay.url}/ideas/interne`)).status).toBe(404);
  });

  it('D2 customers sign up through the e-mailed link, propose (one with a photo) and vote for each other', async () => {
    customers.chloe = await signUpParticipant(world, slug, 'Chloé Cliente', 'chloe@client.example', 1, { showName: true, language: 'fr' });
    customers.david = await signUpParticipant(world, slug, 'David Dupont', 'david@client.example');
    customers.emma = await signUpParticipant(world, slug, 'Emma Martin', 'emma@client.example');
    customers.farid = await signUpParticipant(world, slug, 'Farid Haddad', 'farid@client.example');
    expect((await customers.chloe.call('GET', '/api/users')).status).toBe(403);
    // Chloé wants answers by SMS too: her number is hers once she types the code texted to it.
    expect((await customers.chloe.call('POST', '/api/me/phone', { phone: '06 12 34 56 78', smsOptIn: true })).status).toBe(202);
    const [codeSms] = await waitUntil(async () => (smsTo('33612345678').length > 0 ? smsTo('33612345678') : null), 'the code by SMS');
    await customers.chloe.ok('POST', '/api/me/phone/confirm', { code: /(\d{6})/.exec(codeSms!)?.[1] });

    const propose = async (who: Api, title: string, category: string, photo?: Buffer) => {
      const answer = await proposeIdea(who, boxId, { title, text: 'Pour les familles qui font leurs courses.', category }, photo);
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer.body.id!;
    };
    ideas.gouter = await propose(customers.chloe, 'Un coin goûter pour les enfants', 'Enfants', plainJpeg);
    ideas.duplicate = await propose(customers.david, 'Un goûter offert aux enfants', 'Enfants');
    ideas.sunday = await propose(customers.emma, 'Ouvrir le dimanche matin', 'Courses');
    for (const who of [customers.david, customers.emma, customers.farid]) await who.ok('POST', `/api/ideas/${ideas.gouter}/votes`, {});
    for (const who of [customers.emma, customers.farid, customers.chloe]) await who.ok('POST', `/api/ideas/${ideas.duplicate}/votes`, {});
    await customers.farid.ok('POST', `/api/ideas/${ideas.sunday}/votes`, {});
    expect((await customers.chloe.call('POST', `/api/ideas/${ideas.gouter}/votes`, {})).status).toBe(403);
    const read = await publicBox();
    expect(read.ideas.map((i) => [i.title, i.votes, i.author, i.photo])).toEqual([
      ['Un goûter offert aux enfants', 3, null, false],
      ['Un coin goûter pour les enfants', 3, 'Chloé Cliente', true],
      ['Ouvrir le dimanche matin', 1, null, false],
    ]);
  });

  it('D3 the duplicate is merged: each voter counted once, never the author; both authors told once', async () => {
    const merged = await admin.ok<{ votes: number }>('POST', `/api/ideas/${ideas.duplicate}/merge`, { into: ideas.gouter });
    // David, Emma, Farid on the kept idea; Emma and Farid again (once), Chloé (its author) not.
    expect(merged.votes).toBe(3);
    expect((await publicBox()).ideas.map((i) => [i.title, i.votes])).toEqual([
      ['Un coin goûter pour les enfants', 3],
      ['Ouvrir le dimanche matin', 1],
    ]);
    await waitUntil(async () => mailsTo('chloe@client.example', 'fusionnée').length > 0 && mailsTo('david@client.example', 'fusionnée').length > 0, 'both authors e-mailed');
    expect([mailsTo('chloe@client.example', 'fusionnée').length, mailsTo('david@client.example', 'fusionnée').length]).toEqual([1, 1]);
    expect(mailsTo('david@client.example', 'fusionnée')[0]!.text).toContain(`https://idees.durand.example/ideas/${slug}#idea-${ideas.duplicate}`);
  });

  it('D4 the best idea is studied in an activity and decided: its author answered by e-mail and SMS with the reason, the public page too', async () => {
    const queues = await admin.ok<{ topVoted: { id: string }[] }>('GET', `/api/activities/${boxId}/idea-queues`);
    expect(queues.topVoted[0]?.id).toBe(ideas.gouter);
    const { activityId } = await admin.ok<{ activityId: string }>('POST', `/api/ideas/${ideas.gouter}/study`, {});
    const rationale = 'Essayé à Lyon : les familles reviennent le mercredi.';
    await admin.ok('POST', `/api/activities/${activityId}/decision`, { outcome: 'Un coin goûter dans chaque magasin.', rationale, ideaAnswer: 'accepted' });
    const sms = await waitUntil(async () => smsTo('33612345678').find((t) => t.includes(rationale)), 'the answer by SMS');
    expect(sms).toBe(`Conclave - votre idée "Un coin goûter pour les enfants" est acceptée. Raison : ${rationale}`);
    await waitUntil(async () => mailsTo('chloe@client.example', rationale).length > 0, 'the answer by e-mail');
    expect(mailsTo('chloe@client.example', rationale)[0]!.text).toContain(`https://idees.durand.example/ideas/${slug}#idea-${ideas.gouter}`);
    expect((await publicBox()).ideas[0]).toMatchObject({ title: 'Un coin goûter pour les enfants', status: 'accepted', answer: rationale });
  });

  it('D5 implemented, the idea is rewarded once (SMS and e-mail) and its author, who agreed, is in the hall of fame', async () => {
    await admin.ok('POST', `/api/ideas/${ideas.gouter}/status`, { status: 'implemented' });
    await admin.ok('POST', `/api/ideas/${ideas.gouter}/reward`, { text: 'Bon d’achat DURAND-2412' });
    expect((await admin.call('POST', `/api/ideas/${ideas.gouter}/reward`, { text: 'Bon d’achat AGAIN' })).status).toBe(409);
    await waitUntil(async () => smsTo('33612345678').some((t) => t.includes('DURAND-2412')) && mailsTo('chloe@client.example', 'DURAND-2412').length > 0, 'the reward by SMS and e-mail');
    expect([smsTo('33612345678').filter((t) => t.includes('DURAND-2412')).length, mailsTo('chloe@client.example', 'DURAND-2412').length]).toEqual([1, 1]);
    expect(mailsTo('chloe@client.example', 'DURAND-2412')[0]!.text).toContain(`https://idees.durand.example/ideas/${slug}#idea-${ideas.gouter}`);
    const fame = await admin.ok<{ hallOfFame: { title: string; author: string | null }[] }>('GET', `/api/activities/${boxId}/recognition`);
    expect(fame.hallOfFame).toMatchObject([{ title: 'Un coin goûter pour les enfants', author: 'Chloé Cliente' }]);
    expect((await publicBox()).ideas[0]).toMatchObject({ status: 'implemented' });
  });

  it('D6 a declined idea is answered with its reason, by e-mail and on the public page', async () => {
    const reason = 'Nos équipes ne travaillent pas le dimanche.';
    await admin.ok('POST', `/api/ideas/${ideas.sunday}/status`, { status: 'declined', reason });
    const [told] = await waitUntil(async () => (mailsTo('emma@client.example', reason).length > 0 ? mailsTo('emma@client.example', reason) : null), 'the reason by e-mail');
    // A participant reaches nothing of the app: the e-mail leads to the idea on the public page.
    expect(told!.text).toContain(`https://idees.durand.example/ideas/${slug}#idea-${ideas.sunday}`);
    expect(told!.text).not.toContain('/#/');
    expect((await publicBox()).ideas.find((i) => i.id === ideas.sunday)).toMatchObject({ status: 'declined', answer: reason });
    const page = await (await fetch(`${relay.url}/ideas/${slug}?lang=fr`)).text();
    expect(page).toContain('Non retenue');
    expect(page).toContain(reason);
    expect(await anon().call('POST', '/api/session', { email: 'chloe@client.example', password })).toMatchObject({ status: 201 });
  });
});
