import { randomBytes } from 'node:crypto';
import { hashSecret } from '../../../server/auth/tokens.ts';
import { Api, password, setUpOrganisation } from '../../support/api.ts';
import { plainJpeg } from '../../support/images.ts';
import { startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { signUpOrganisation } from '../../support/organizations.ts';
import { download, upload } from '../files/support.ts';

/**
 * Two organisations on one relay, each holding one of every kind of object the API
 * offers: Maison Durand (set up), with a caller of every kind, and Rival Company (signed
 * up, its address confirmed), whose administrator is the `outsider`. Secrets are marked
 * strings, each with the callers who may read it; the suite searches every answer for
 * them, and calls every endpoint with the other organisation's ids.
 */
export const callerNames = ['anon', 'erp', 'admin', 'facilitator', 'contributor', 'viewer', 'stranger', 'controller', 'outsider'] as const;
export type CallerName = (typeof callerNames)[number];

export interface Secret {
  label: string;
  value: string;
  /** Who may read it; nobody when empty. */
  visibleTo: CallerName[];
  /** A guest of the sealed board may read it too (its files). */
  guestReads?: true;
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000);

export interface World {
  relay: RelayProcess;
  callers: Record<CallerName, Api>;
  /** `spare` is a person no caller speaks for: the target of what would spoil a caller (revoking sessions). */
  people: Record<'admin' | 'facilitator' | 'contributor' | 'viewer' | 'stranger' | 'controller' | 'spare', string>;
  /** Board with sealed polls (never revealed), board with a published decision, idea box. */
  ids: {
    sealed: string;
    decided: string;
    box: string;
    group: string;
    single: string;
    estimate: string;
    entries: string;
    consent: string;
    /** An anonymous poll of the decided board, revealed by the decision. */
    anonymous: string;
    idea: string;
    hiddenIdea: string;
    /** The contributor's comment on the idea, and another a facilitator hid (its text and reason are secrets). */
    comment: string;
    hiddenComment: string;
    figure: string;
    otherFigure: string;
    list: string;
    schedule: string;
    apiKey: string;
    smsToContributor: string;
    decisionNotice: number;
    ideaNotice: number;
    /** A text file and a photo the contributor attached to the sealed board. */
    file: string;
    image: string;
  };
  day: string;
  secrets: Secret[];
  /** Rival Company's people and things, the same kinds as Maison Durand's (the outsider administers it). */
  other: Pick<World, 'people' | 'ids'>;
}

/** One organisation's people and things, and its secrets named by who of its callers may read them. */
interface Populated {
  apis: Record<'erp' | 'admin' | 'facilitator' | 'contributor' | 'viewer' | 'stranger' | 'controller', Api>;
  people: World['people'];
  ids: World['ids'];
  day: string;
  secrets: Secret[];
}

/** What tells one organisation's strings and people apart: a mark in every secret, a mail domain, the middle of phone numbers. */
interface Marks {
  mark: string;
  domain: string;
  phoneStem: string;
  /** Numbers written as secrets (sealed estimates, a figure's value), different in each organisation. */
  numbers: { estimateC: string; estimateF: string; figure: string };
  /** Figure labels: an import names figures by label, within the importer's organisation. */
  labels: { sales: string; visitors: string };
}

const phones = { facilitator: '01', contributor: '02', viewer: '03', stranger: '04', controller: '05' } as const;

async function addMember(admin: Api, m: Marks, name: string, who: keyof typeof phones) {
  const email = `${who}.${m.mark}@${m.domain}`;
  const phone = `+33 6 ${m.phoneStem} ${phones[who]}`;
  const { id } = await admin.ok<{ id: string }>('POST', '/api/users', { name, email, password, role: 'member', phone, smsOptIn: true });
  const { token } = await new Api(admin.base).ok<{ token: string }>('POST', '/api/session', { email, password });
  return { id, api: admin.as(token) };
}

/** `options`: the relay's data folder and more of its environment (a suite that reads the store's diagnostics). */
export async function buildWorld(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<World> {
  const relay = await startRelayProcess({ dataDir: options.dataDir, env: { CONCLAVE_SIGNUP: 'open', ...options.env } });
  const durand = await populate(relay, await setUpOrganisation(relay.url), { mark: randomBytes(4).toString('hex'), domain: 'durand.example', phoneStem: '12 34 56', numbers: { estimateC: '987654.321', estimateF: '13579.24', figure: '123456.78' }, labels: { sales: 'Sales', visitors: 'Visitors' } });

  // The second organisation signs up, and its administrator confirms her address through its mail outbox.
  const anon = new Api(relay.url);
  const olga = await signUpOrganisation(relay.url, 'Rival Company', 'Olga Outsider', 'olga@rival.example');
  const rival = await populate(relay, olga, { mark: randomBytes(4).toString('hex'), domain: 'rival.example', phoneStem: '98 76 54', numbers: { estimateC: '876543.219', estimateF: '24681.35', figure: '654321.87' }, labels: { sales: 'Ventes', visitors: 'Visiteurs' } });

  return {
    relay,
    callers: { anon, ...durand.apis, outsider: olga },
    people: durand.people,
    ids: durand.ids,
    day: durand.day,
    // Rival Company's secrets are its administrator's (the outsider's) to read, as Durand's are Durand's administrator's.
    secrets: [
      ...durand.secrets,
      // Nor may Durand's guest read Rival's files.
      ...rival.secrets.map((s) => ({ label: `Rival Company: ${s.label}`, value: s.value, visibleTo: s.visibleTo.includes('admin') ? (['outsider'] as CallerName[]) : [] })),
    ],
    other: { people: rival.people, ids: rival.ids },
  };
}

/** Fills an organisation with one of every kind of thing, through its administrator's API. */
async function populate(relay: RelayProcess, admin: Api, m: Marks): Promise<Populated> {
  const { mark } = m;
  // Facilitators may text every member of their activity (a decision): the organisation's choice.
  await admin.ok('PATCH', '/api/sms/settings', { massSms: 'facilitators' });
  const me = await admin.ok<{ id: string }>('GET', '/api/me');
  const f = await addMember(admin, m, 'Fabien Facilitateur', 'facilitator');
  const c = await addMember(admin, m, 'Chloé Contributrice', 'contributor');
  const v = await addMember(admin, m, 'Victor Viewer', 'viewer');
  const s = await addMember(admin, m, 'Sam Stranger', 'stranger');
  const ctl = await addMember(admin, m, 'Carla Controller', 'controller');
  const { id: spare } = await admin.ok<{ id: string }>('POST', '/api/users', {
    name: 'Paul Spare',
    email: `spare.${mark}@${m.domain}`,
    password,
    role: 'member',
  });
  const { id: group } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Directors', members: [c.id] });

  const deadline = days(30).toISOString();
  const invite = async (activity: string) => {
    await f.api.ok('POST', `/api/activities/${activity}/members`, { userId: c.id, role: 'contributor' });
    await f.api.ok('POST', `/api/activities/${activity}/members`, { userId: v.id, role: 'viewer' });
  };

  // A board whose polls stay sealed: every kind with free-text input, voted by two people.
  const { id: sealed } = await f.api.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Supplier 2027',
    question: 'Which supplier do we pick for 2027?',
  });
  await invite(sealed);
  const poll = (body: object) => f.api.ok<{ id: string }>('POST', `/api/activities/${sealed}/polls`, { deadline, ...body });
  const { id: single } = await poll({ kind: 'single', question: 'Which supplier do we pick?', options: ['Alpha', 'Beta'], rule: 'plurality' });
  const { id: estimate } = await poll({ kind: 'estimate', question: 'How many units will we sell in 2027?', quantity: 'units', rule: 'median' });
  const { id: entries } = await poll({
    kind: 'entries',
    question: 'What are our strengths and weaknesses?',
    method: 'swot',
    columns: ['Strengths', 'Weaknesses'],
    rule: 'collect',
  });
  const { id: consent } = await poll({
    kind: 'consent',
    question: 'Do we adopt the four-day week?',
    proposal: 'Adopt the four-day week from March.',
    rule: 'consent',
  });
  const sealedOf = (who: string) => ({
    estimateReason: `sealed-estimate-reason-${who}-${mark}`,
    estimateValue: who === 'c' ? m.numbers.estimateC : m.numbers.estimateF,
    entry: `sealed-entry-${who}-${mark}`,
    consentReason: `sealed-consent-reason-${who}-${mark}`,
  });
  for (const [who, api] of [
    ['c', c.api],
    ['f', f.api],
  ] as const) {
    const input = sealedOf(who);
    await api.ok('POST', `/api/polls/${single}/votes`, { choice: who === 'c' ? 'Beta' : 'Alpha' });
    await api.ok('POST', `/api/polls/${estimate}/votes`, { value: Number(input.estimateValue), reason: input.estimateReason });
    await api.ok('POST', `/api/polls/${entries}/votes`, { entries: [{ column: 'Strengths', text: input.entry }] });
    await api.ok('POST', `/api/polls/${consent}/votes`, { position: 'object', reason: input.consentReason });
  }

  // A board with a published decision (its SMS go to the members).
  const { id: decided } = await f.api.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Office move',
    question: 'Where do we move the Lyon office?',
  });
  await invite(decided);
  await f.api.ok('POST', `/api/activities/${decided}/polls`, {
    deadline,
    kind: 'single',
    question: 'Which district do we pick?',
    options: ['Part-Dieu', 'Confluence'],
    rule: 'plurality',
  });
  const { id: anonymous } = await f.api.ok<{ id: string }>('POST', `/api/activities/${decided}/polls`, {
    deadline,
    kind: 'single',
    anonymous: true,
    question: 'Which landlord do we trust?',
    options: ['Dupont', 'Martin'],
    rule: 'plurality',
  });
  await c.api.ok('POST', `/api/polls/${anonymous}/votes`, { choice: 'Martin' });
  await f.api.ok('POST', `/api/polls/${anonymous}/votes`, { choice: 'Dupont' });
  await f.api.ok('POST', `/api/activities/${decided}/decision`, {
    outcome: 'We move to Confluence.',
    rationale: 'Closer to the station.',
    reviewDate: days(60).toISOString().slice(0, 10),
  });
  const notices = await c.api.ok<{ notices: { id: number }[] }>('GET', '/api/decision-notices');

  // An idea box closed to the organisation (people were invited), one idea with a photo, one hidden.
  const { id: box } = await f.api.ok<{ id: string }>('POST', '/api/activities', {
    title: 'Energy ideas',
    question: 'How can we cut our energy bills?',
    kind: 'ideas',
    categories: ['Energy', 'Travel'],
  });
  await invite(box);
  const form = new FormData();
  form.append('title', 'Turn the heating down at night');
  form.append('text', 'Two degrees less between 20:00 and 06:00.');
  form.append('category', 'Energy');
  form.append('photo', new Blob([new Uint8Array(plainJpeg)], { type: 'image/jpeg' }), 'radiator.jpg');
  const posted = await fetch(`${relay.url}/api/activities/${box}/ideas`, {
    method: 'POST',
    headers: { authorization: `Bearer ${c.api.token}` },
    body: form,
  });
  if (posted.status !== 201) throw new Error(`idea with photo → ${posted.status} ${await posted.text()}`);
  const { id: idea } = (await posted.json()) as { id: string };
  const hiddenTitle = `hidden-idea-title-${mark}`;
  const hiddenReason = `hidden-idea-reason-${mark}`;
  const { id: hiddenIdea } = await c.api.ok<{ id: string }>('POST', `/api/activities/${box}/ideas`, {
    title: hiddenTitle,
    text: 'Something rude.',
    category: 'Travel',
  });
  await f.api.ok('POST', `/api/ideas/${hiddenIdea}/hidden`, { reason: hiddenReason });
  await f.api.ok('POST', `/api/ideas/${idea}/status`, { status: 'accepted', reason: 'We try it in December.' });
  const ideaNotices = await c.api.ok<{ notices: { id: number }[] }>('GET', '/api/idea-notices');
  // Comments on the idea: one shown, one hidden by a facilitator with a reason only its author reads.
  const { id: comment } = await c.api.ok<{ id: string }>('POST', `/api/ideas/${idea}/comments`, { text: 'We could start with the meeting rooms.' });
  const hiddenCommentText = `hidden-comment-text-${mark}`;
  const hiddenCommentReason = `hidden-comment-reason-${mark}`;
  const { id: hiddenComment } = await c.api.ok<{ id: string }>('POST', `/api/ideas/${idea}/comments`, { text: hiddenCommentText });
  await f.api.ok('POST', `/api/idea-comments/${hiddenComment}/hidden`, { reason: hiddenCommentReason });

  // Files on the sealed board: its members read them, nobody else learns even their names.
  const fileName = `offer-${mark}.txt`;
  const fileText = `attached-file-content-${mark}`;
  const attached = await upload(c.api, sealed, [
    { name: fileName, bytes: Buffer.from(`${fileText}\nAlpha: 12 EUR a unit.\n`), type: 'text/plain' },
    { name: 'shelves.jpg', bytes: plainJpeg, type: 'image/jpeg' },
  ]);
  const [file, image] = attached.body.files?.map((f) => f.id) ?? [];
  if (attached.status !== 201 || !file || !image) throw new Error(`files → ${attached.status} ${JSON.stringify(attached.body)}`);
  // Its thumbnail made now: made later, it would change the store under the suite's feet.
  const thumb = await download(c.api, `${image}/thumbnail`);
  if (thumb.status !== 200) throw new Error(`thumbnail → ${thumb.status}`);

  // Daily figures: a controller, two figures with a value, a list, a send, a schedule, an ERP key.
  await admin.ok('PUT', `/api/figures/controllers/${ctl.id}`);
  const day = days(-1).toISOString().slice(0, 10);
  const { id: figure } = await ctl.api.ok<{ id: string }>('POST', '/api/figures', {
    label: m.labels.sales,
    unit: 'EUR',
    template: 'Bonjour {name}, {label} {date} : {value}',
  });
  const { id: otherFigure } = await ctl.api.ok<{ id: string }>('POST', '/api/figures', { label: m.labels.visitors, decimals: 0 });
  await ctl.api.ok('PUT', `/api/figures/${figure}/values/${day}`, { value: Number(m.numbers.figure), forecast: 120000, lastYear: 110000 });
  await ctl.api.ok('PUT', `/api/figures/${otherFigure}/values/${day}`, { value: 4321 });
  const { id: list } = await ctl.api.ok<{ id: string }>('POST', '/api/lists', { name: 'Managers', members: [c.id, v.id] });
  const sent = await ctl.api.ok<{ messages: { id: string; text: string; userId: string }[] }>(
    'POST',
    `/api/figures/${figure}/send?watchMinutes=1440`,
    { date: day, listId: list },
  );
  const { id: schedule } = await ctl.api.ok<{ id: string }>('POST', '/api/figures/schedules', {
    figureId: figure,
    listId: list,
    cron: '0 9 1 1 *',
    enabled: false,
  });
  const { id: apiKey, key } = await admin.ok<{ id: string; key: string }>('POST', '/api/figures/api-keys', { name: 'ERP', figureIds: [figure] });

  // SMS: an administrator's test message to the contributor, and an unmatched reply from her phone.
  const testText = `admin-test-sms-${mark}`;
  const replyText = `reply-from-contributor-${mark}`;
  const contributorPhone = `+336${m.phoneStem.replace(/ /g, '')}${phones.contributor}`;
  await admin.ok('POST', '/api/sms/messages', { to: contributorPhone, text: testText });
  await admin.ok('POST', '/api/sms/outbox/replies', { from: contributorPhone, text: replyText });

  const callers: Populated['apis'] = {
    erp: admin.as(key),
    admin,
    facilitator: f.api,
    contributor: c.api,
    viewer: v.api,
    stranger: s.api,
    controller: ctl.api,
  };
  const textTo = (userId: string) => sent.messages.find((m) => m.userId === userId);
  const smsToContributor = textTo(c.id);
  const smsToViewer = textTo(v.id);
  if (!smsToContributor || !smsToViewer) throw new Error(`the figure was not sent to both: ${JSON.stringify(sent)}`);

  const secrets: Secret[] = [];
  for (const who of Object.keys(phones) as (keyof typeof phones)[]) {
    secrets.push({ label: `${who}'s phone`, value: `+336${m.phoneStem.replace(/ /g, '')}${phones[who]}`, visibleTo: ['admin', who] });
  }
  for (const [name, api] of Object.entries(callers)) {
    if (!api.token) continue;
    secrets.push({ label: `${name}'s bearer token`, value: api.token, visibleTo: [] });
    secrets.push({ label: `hash of ${name}'s bearer token`, value: hashSecret(api.token), visibleTo: [] });
  }
  secrets.push({ label: 'the password', value: password, visibleTo: [] }, { label: 'a password hash', value: 'scrypt$', visibleTo: [] });
  for (const [who, caller] of [
    ['c', 'contributor'],
    ['f', 'facilitator'],
  ] as const) {
    for (const [what, value] of Object.entries(sealedOf(who))) secrets.push({ label: `${caller}'s sealed ${what}`, value, visibleTo: [caller] });
  }
  secrets.push(
    { label: "the administrator's test SMS", value: testText, visibleTo: ['admin', 'contributor'] },
    { label: "the reply from the contributor's phone", value: replyText, visibleTo: ['admin'] },
    { label: 'the figure SMS to the contributor', value: smsToContributor.text, visibleTo: ['admin', 'controller', 'contributor'] },
    { label: 'the figure SMS to the viewer', value: smsToViewer.text, visibleTo: ['admin', 'controller', 'viewer'] },
    { label: "the figure's value", value: m.numbers.figure, visibleTo: ['admin', 'controller'] },
    { label: "the hidden idea's title", value: hiddenTitle, visibleTo: ['contributor', 'facilitator'] },
    { label: "the hidden idea's reason", value: hiddenReason, visibleTo: ['contributor', 'facilitator'] },
    { label: "the hidden comment's text", value: hiddenCommentText, visibleTo: ['contributor', 'facilitator'] },
    { label: "the hidden comment's reason", value: hiddenCommentReason, visibleTo: ['contributor', 'facilitator'] },
    { label: "an attached file's name", value: fileName, visibleTo: ['facilitator', 'contributor', 'viewer'], guestReads: true },
    { label: "an attached file's content", value: fileText, visibleTo: ['facilitator', 'contributor', 'viewer'], guestReads: true },
  );

  return {
    apis: callers,
    people: { admin: me.id, facilitator: f.id, contributor: c.id, viewer: v.id, stranger: s.id, controller: ctl.id, spare },
    ids: {
      sealed,
      decided,
      box,
      group,
      single,
      estimate,
      entries,
      consent,
      anonymous,
      idea,
      hiddenIdea,
      comment,
      hiddenComment,
      figure,
      otherFigure,
      list,
      schedule,
      apiKey,
      smsToContributor: smsToContributor.id,
      decisionNotice: notices.notices[0]?.id ?? 0,
      ideaNotice: ideaNotices.notices[0]?.id ?? 0,
      file,
      image,
    },
    day,
    secrets,
  };
}
