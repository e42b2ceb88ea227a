import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir } from '../../support/relay.ts';
import { refusedUpgrade } from '../../support/sync-client.ts';
import { reads } from './reads.ts';
import { allowed, type Expected } from './rules.ts';
import { changes, storeState } from './store-state.ts';
import { writes, type Write } from './writes.ts';
import { buildWorld, callerNames, type CallerName, type World } from './world.ts';

/**
 * Who may reach what over HTTP, and what they may read. One organisation holds one of
 * every object; eight callers (nobody, an ERP key, an administrator, a facilitator, a
 * contributor, a viewer, a member in no activity, a figures controller) call every
 * endpoint. Activity things are 404 to outsiders (ids do not leak), 403 to members who
 * see but may not act; refusals change nothing in the store; and no answer carries a
 * secret (others' phone numbers, sealed input, others' SMS, keys, tokens, password
 * hashes, hidden ideas) to a caller who may not read it.
 */
let w: World;
/** Secrets that an allowed caller did read somewhere: proof the search can find them. */
const found = new Set<string>();

interface Answer {
  status: number;
  text: string;
}

async function call(caller: CallerName, method: string, path: string, body?: unknown, rawBody?: string): Promise<Answer> {
  const token = w.callers[caller].token;
  const res = await fetch(w.relay.url + path, {
    method,
    headers: {
      ...(body === undefined && rawBody === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  // JSON and text as UTF-8; other bytes (PDF, images) as latin1, so that text inside them is searched too.
  const textual = /json|text/.test(res.headers.get('content-type') ?? '');
  return { status: res.status, text: bytes.toString(textual ? 'utf8' : 'latin1') };
}

/** Secrets in an answer that `caller` may not read. */
function leaks(caller: CallerName, answer: Answer): string[] {
  const out: string[] = [];
  for (const secret of w.secrets) {
    // As written, and as JSON writes it inside a string (a text with line breaks).
    if (!answer.text.includes(secret.value) && !answer.text.includes(JSON.stringify(secret.value).slice(1, -1))) continue;
    if (secret.visibleTo.includes(caller)) found.add(secret.label);
    else out.push(secret.label);
  }
  return out;
}

function expectStatus(answer: Answer, expected: Expected, what: string) {
  if (expected === allowed) {
    expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(300);
    return;
  }
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBe(expected);
  if (expected >= 400) {
    const body = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, what).toBe('string');
    expect(typeof body.error?.message, what).toBe('string');
  }
}

beforeAll(async () => {
  w = await buildWorld();
}, 120_000);

afterAll(async () => {
  await w?.relay.stop();
  if (w) await removeDataDir(w.relay.dataDir);
});

describe('reads: each caller gets the right answer, and no secret it may not see', () => {
  it.each(reads.map((r) => [r.name, r] as const))('%s', async (_, read) => {
    for (const caller of callerNames) {
      const answer = await call(caller, 'GET', read.path(w));
      const what = `${caller} → ${read.name}`;
      expectStatus(answer, read.rule[caller] === allowed ? 200 : read.rule[caller], what);
      expect(leaks(caller, answer), what).toEqual([]);
    }
  });
});

describe('writes: refused callers get 401, 403 or 404 (or 409), and nothing changes', () => {
  it.each(writes.map((x) => [x.name, x] as const))('%s', async (_, write) => {
    const before = await storeState(w.relay.dataDir);
    for (const caller of callerNames) {
      const expected = write.rule[caller];
      if (expected === allowed) continue;
      const answer = await call(caller, write.method, write.path(w), write.body?.(w));
      const what = `${caller} → ${write.name}`;
      expectStatus(answer, expected, what);
      expect(leaks(caller, answer), what).toEqual([]);
    }
    expect(changes(before, await storeState(w.relay.dataDir)), write.name).toEqual([]);
  });
});

const checked = writes.filter((x): x is Write & Required<Pick<Write, 'validation'>> => x.validation !== undefined);

describe('bad bodies: an unknown field, a wrong type, malformed JSON → 400 with a clear error; nothing changes', () => {
  it.each(checked.map((x) => [x.name, x] as const))('%s', async (_, write) => {
    const { caller, wrongType } = write.validation;
    const before = await storeState(w.relay.dataDir);
    const bad: [string, unknown, string?][] = [
      ['unknown field', { ...write.body?.(w), unexpectedField: 'x' }],
      ['wrong type', wrongType(w)],
      ['malformed JSON', undefined, '{"oops": '],
    ];
    for (const [label, body, raw] of bad) {
      const answer = await call(caller, write.method, write.path(w), body, raw);
      const what = `${caller} → ${write.name} with ${label}`;
      expectStatus(answer, 400, what);
      if (label === 'unknown field') expect(answer.text, what).toContain('unexpectedField');
    }
    expect(changes(before, await storeState(w.relay.dataDir)), write.name).toEqual([]);
  });
});

describe('ids that do not exist are 404, never 500', () => {
  const missing = 'NoSuchThing0123';
  const cases: [CallerName, string, string, unknown?][] = [
    ['admin', 'GET', `/api/users/${missing}`],
    ['admin', 'PATCH', `/api/users/${missing}`],
    ['admin', 'POST', `/api/users/${missing}/revoke-sessions`],
    ['admin', 'GET', `/api/groups/${missing}`],
    ['admin', 'PUT', `/api/groups/${missing}/members`, { members: [] }],
    ['admin', 'PATCH', `/api/groups/${missing}`, { name: 'Nobody' }],
    ['admin', 'DELETE', `/api/groups/${missing}`],
    ['admin', 'POST', `/api/groups/${missing}/members`, { userId: missing }],
    ['admin', 'DELETE', `/api/groups/${missing}/members/${missing}`],
    ['facilitator', 'GET', `/api/activities/${missing}`],
    ['facilitator', 'PATCH', `/api/activities/${missing}`],
    ['facilitator', 'GET', `/api/activities/${missing}/members`],
    ['facilitator', 'POST', `/api/activities/${missing}/members`, { userId: missing, role: 'viewer' }],
    ['facilitator', 'GET', `/api/activities/${missing}/history`],
    ['facilitator', 'POST', `/api/activities/${missing}/sync-ticket`],
    ['facilitator', 'GET', `/api/activities/${missing}/polls`],
    [
      'facilitator',
      'POST',
      `/api/activities/${missing}/polls`,
      { kind: 'single', question: 'Which colour for the logo?', options: ['Red', 'Blue'], rule: 'plurality', deadline: '2099-01-01T00:00:00Z' },
    ],
    ['facilitator', 'GET', `/api/polls/${missing}`],
    ['facilitator', 'POST', `/api/polls/${missing}/votes`],
    ['facilitator', 'POST', `/api/polls/${missing}/reveal`],
    ['facilitator', 'POST', `/api/polls/${missing}/rounds`, { deadline: '2099-01-01T00:00:00Z' }],
    ['facilitator', 'POST', `/api/polls/${missing}/block-answers`, { key: 'k', answer: 'Noted.' }],
    ['facilitator', 'GET', `/api/activities/${missing}/decision`],
    ['facilitator', 'POST', `/api/activities/${missing}/decision`, { outcome: 'We stay.', rationale: 'Cheaper.' }],
    ['facilitator', 'GET', `/api/activities/${missing}/decision/export.pdf`],
    ['facilitator', 'POST', `/api/activities/${missing}/decision/acknowledgement`],
    ['facilitator', 'POST', `/api/decision-notices/999999/read`],
    ['facilitator', 'GET', `/api/activities/${missing}/ideas`],
    ['facilitator', 'POST', `/api/activities/${missing}/ideas`],
    ['facilitator', 'GET', `/api/activities/${missing}/contributors`],
    ['facilitator', 'GET', `/api/ideas/${missing}`],
    ['facilitator', 'GET', `/api/ideas/${missing}/photo`],
    ['facilitator', 'POST', `/api/ideas/${missing}/votes`],
    ['facilitator', 'POST', `/api/ideas/${missing}/status`, { status: 'accepted' }],
    ['facilitator', 'POST', `/api/ideas/${missing}/hidden`, { reason: 'Off topic.' }],
    ['contributor', 'POST', `/api/idea-notices/999999/read`],
    ['facilitator', 'GET', `/api/activities/${missing}/files`],
    ['facilitator', 'POST', `/api/activities/${missing}/files`],
    ['facilitator', 'GET', `/api/files/${missing}`],
    ['facilitator', 'GET', `/api/files/${missing}/thumbnail`],
    ['facilitator', 'GET', `/api/files/${missing}/preview`],
    ['facilitator', 'POST', `/api/files/${missing}/versions`],
    ['facilitator', 'DELETE', `/api/files/${missing}`],
    ['contributor', 'POST', `/api/me/notices/999999/read`],
    ['controller', 'GET', `/api/figures/${missing}`],
    ['controller', 'PATCH', `/api/figures/${missing}`],
    ['controller', 'GET', `/api/figures/${missing}/values`],
    ['controller', 'PUT', `/api/figures/${missing}/values/2026-11-01`, { value: 1 }],
    ['controller', 'POST', `/api/figures/${missing}/preview`],
    ['controller', 'POST', `/api/figures/${missing}/send`],
    ['controller', 'POST', '/api/figures/schedules/preview', { figureIds: [missing], listId: missing, date: '2026-11-01' }],
    ['controller', 'GET', `/api/figures/schedules/${missing}`],
    ['controller', 'PATCH', `/api/figures/schedules/${missing}`],
    ['controller', 'DELETE', `/api/figures/schedules/${missing}`],
    ['controller', 'POST', `/api/figures/alerts/${missing}/read`],
    ['controller', 'GET', `/api/lists/${missing}`],
    ['controller', 'PUT', `/api/lists/${missing}`, { name: 'Nobody' }],
    ['controller', 'GET', `/api/lists/${missing}/recipients`],
    ['admin', 'DELETE', `/api/figures/api-keys/${missing}`],
    ['admin', 'PUT', `/api/figures/controllers/${missing}`],
    ['admin', 'DELETE', `/api/figures/controllers/${missing}`],
    ['admin', 'GET', `/api/sms/messages/${missing}`],
    ['admin', 'GET', `/api/sms/consents/${missing}`],
    ['admin', 'PUT', `/api/sms/consents/${missing}`, { optIn: true }],
  ];
  it.each(cases)('%s: %s %s', async (caller, method, path, body) => {
    const answer = await call(caller, method, path, body);
    expectStatus(answer, 404, `${caller} → ${method} ${path}`);
  });

  it('a path whose id is not valid percent-encoding is a client error, not a 500', async () => {
    const answer = await call('facilitator', 'GET', '/api/activities/%E0%A4%A');
    expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.text).toBeLessThan(500);
  });
});

describe("the other organisation's ids: Durand's people call every endpoint with Rival Company's ids and learn nothing", () => {
  /** The world as seen through Rival Company's ids: every path and body built from it names Rival's things. */
  const mirror = (): World => ({ ...w, people: w.other.people, ids: w.other.ids });
  const insiders = ['admin', 'facilitator', 'controller'] as const;

  it.each(reads.map((r) => [r.name, r] as const))('read %s', async (_, read) => {
    const path = read.path(mirror());
    if (path === read.path(w)) return; // names no id: its answers are searched for Rival's secrets above
    for (const caller of insiders) {
      const answer = await call(caller, 'GET', path);
      const what = `${caller} → ${read.name} of Rival Company`;
      // Refused for their role whatever the id (403 on their own organisation's too), else told it does not exist.
      expectStatus(answer, read.rule[caller] === 403 ? 403 : 404, what);
      expect(leaks(caller, answer), what).toEqual([]);
    }
  });

  it.each(writes.map((x) => [x.name, x] as const))('write %s', async (_, write) => {
    const other = mirror();
    const sameBody = JSON.stringify(write.body?.(other)) === JSON.stringify(write.body?.(w));
    if (write.path(other) === write.path(w) && sameBody) return; // names no id
    const before = await storeState(w.relay.dataDir);
    for (const caller of insiders) {
      const answer = await call(caller, write.method, write.path(other), write.body?.(other));
      const what = `${caller} → ${write.name} of Rival Company`;
      expect(write.rule[caller] === 403 ? [403] : [400, 404], `${what}: ${answer.status} ${answer.text.slice(0, 300)}`).toContain(answer.status);
      expect(leaks(caller, answer), what).toEqual([]);
    }
    expect(changes(before, await storeState(w.relay.dataDir)), write.name).toEqual([]);
  });
});

describe("the sync socket keeps to one organisation", () => {
  it("a ticket for Rival Company's activity opens no socket on Durand's, and Durand's people get no ticket for Rival's", async () => {
    expectStatus(await call('facilitator', 'POST', `/api/activities/${w.other.ids.sealed}/sync-ticket`), 404, "Durand's facilitator → Rival's ticket");
    const { id: own } = await w.callers.outsider.ok<{ id: string }>('POST', '/api/activities', { title: 'Rival plans', question: 'What do we launch in 2027?' });
    const ticket = await w.callers.outsider.ok<{ url: string; ticket: string }>('POST', `/api/activities/${own}/sync-ticket`);
    const upgrade = await refusedUpgrade(`${ticket.url}/${w.ids.sealed}?ticket=${ticket.ticket}`);
    expect(upgrade.status).toBe(401);
    expect(upgrade.body).toContain('wrong-room');
  });
});

interface PollView {
  status: string;
  results: unknown;
  mine: { taken: boolean; ballot: unknown };
  rounds: { choices: unknown; result: unknown }[];
}

describe('sealed and anonymous input', () => {
  it('a sealed poll shows no result and no choices to anyone, and each member only their own input', async () => {
    for (const poll of [w.ids.single, w.ids.estimate, w.ids.entries, w.ids.consent]) {
      for (const caller of ['facilitator', 'contributor', 'viewer'] as const) {
        const view = JSON.parse((await call(caller, 'GET', `/api/polls/${poll}`)).text) as PollView;
        expect(view.status).toBe('open');
        expect(view.results).toBeNull();
        expect(view.rounds.every((r) => r.choices === null && r.result === null)).toBe(true);
        expect(view.mine.taken).toBe(caller !== 'viewer');
        expect(view.mine.ballot === null).toBe(caller === 'viewer');
      }
    }
  });

  it('an anonymous poll, once revealed, never says who chose what, nor does the decision record', async () => {
    const voters = [w.people.contributor, w.people.facilitator];
    for (const caller of ['facilitator', 'contributor', 'viewer'] as const) {
      const view = JSON.parse((await call(caller, 'GET', `/api/polls/${w.ids.anonymous}`)).text) as PollView;
      expect(view.status).toBe('closed');
      expect(view.results).not.toBeNull();
      expect(view.mine.ballot).toBeNull();
      expect(view.rounds.every((r) => r.choices === null)).toBe(true);
      const record = JSON.parse((await call(caller, 'GET', `/api/activities/${w.ids.decided}/decision`)).text) as { results: { pollId: string }[] };
      const attached = JSON.stringify(record.results.find((r) => r.pollId === w.ids.anonymous));
      expect(attached).toContain('Martin');
      for (const id of voters) expect(attached).not.toContain(id);
    }
  });
});

describe('the checks can fail', () => {
  it('every secret someone may read was found in an answer to such a caller', () => {
    const readable = w.secrets.filter((s) => s.visibleTo.length > 0).map((s) => s.label);
    expect(readable.filter((label) => !found.has(label))).toEqual([]);
  });

  it('the store comparison sees a change an allowed request makes', async () => {
    const before = await storeState(w.relay.dataDir);
    await w.callers.facilitator.ok('PATCH', `/api/activities/${w.ids.sealed}`, { description: 'Shortlist of two suppliers.' });
    expect(changes(before, await storeState(w.relay.dataDir))).toEqual([expect.stringMatching(/^activities: new .*Shortlist of two suppliers/)]);
  });
});
