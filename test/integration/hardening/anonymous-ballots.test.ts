import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { cellsOf, pagesWith, rootOf, walCommits, type Cell, type Pages } from '../../support/sqlite-pages.ts';

/**
 * Issue 11, finding 10 on the real relay: who voted in an anonymous poll cannot be
 * paired with what they chose by someone holding the SQLite file and its WAL (copied
 * while the relay runs, or after it stopped). The reader below tries what such a
 * person would: the order in which cells sit in their pages, and the WAL's history of
 * commits. And an anonymous round cannot be revealed below the minimum of ballots.
 */
describe('anonymous ballots against the file', () => {
  let relay: RelayProcess;
  let admin: Api;
  let fiona: Api;
  let activityId: string;
  const voters: { id: string; api: Api; choice: string }[] = [];
  const options = ['Lyon', 'Lille', 'Nantes', 'Brest', 'Metz', 'Pau'];
  const inFuture = () => new Date(Date.now() + 3_600_000).toISOString();

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    fiona = (await addPerson(admin, 'Fiona Facilitator')).api;
    ({ id: activityId } = await fiona.ok<{ id: string }>('POST', '/api/activities', { title: 'Store', question: 'Where next?' }));
    for (const [i, name] of ['Ana', 'Ben', 'Cleo', 'Dan', 'Eve', 'Finn'].entries()) {
      const person = await addPerson(admin, `${name} Voter`);
      await fiona.ok('POST', `/api/activities/${activityId}/members`, { userId: person.id, role: 'contributor' });
      voters.push({ ...person, choice: options[i] ?? '' });
    }
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  const openPoll = async () =>
    (
      await fiona.ok<{ id: string }>('POST', `/api/activities/${activityId}/polls`, {
        kind: 'single',
        question: 'Where do we open the next store?',
        options,
        rule: 'plurality',
        deadline: inFuture(),
        anonymous: true,
      })
    ).id;

  /** What someone copying the data folder gets: the file and its WAL, as bytes. */
  const copy = async () => {
    const file = path.join(relay.dataDir, 'conclave.sqlite');
    const db = await readFile(file);
    const wal = await readFile(`${file}-wal`).catch(() => Buffer.alloc(0));
    return { db, wal };
  };

  // Cells written later sit lower in their page: sorting by descending offset gives insertion order.
  const byInsertion = (cells: Cell[]) => [...cells].sort((a, b) => a.page - b.page || b.offset - a.offset);
  const participants = (pages: Pages, pollId: string, votedOnly: boolean) =>
    byInsertion(cellsOf(pages, rootOf(pages, 'poll_participants')))
      .filter((c) => c.values[0] === pollId && (!votedOnly || (c.values[3] ?? 1) === 1))
      .map((c) => ({ userId: String(c.values[2]), offset: c.offset }));
  const ballots = (pages: Pages, pollId: string) =>
    byInsertion(cellsOf(pages, rootOf(pages, 'poll_ballots')))
      .filter((c) => c.values[0] === pollId)
      .map((c) => (JSON.parse(String(c.values[4])) as { choice: string }).choice);

  /** Pairs the n-th participant written with the n-th ballot written; returns how many pairs are right. */
  const pairByOrder = (pages: Pages, pollId: string) => {
    const who = participants(pages, pollId, true);
    const what = ballots(pages, pollId);
    return who.filter((p, i) => voters.find((v) => v.id === p.userId)?.choice === what[i]).length;
  };

  /** Pairs whoever and whatever appear in the same WAL commit; returns how many pairs are found. */
  const pairByWal = ({ db, wal }: { db: Buffer; wal: Buffer }, pollId: string) => {
    const commits = walCommits(wal);
    let pairs = 0;
    for (let k = 1; k <= commits.length; k++) {
      const before = pagesWith(db, commits, k - 1);
      const after = pagesWith(db, commits, k);
      const seen = (pages: Pages) => ({ who: new Set(participants(pages, pollId, true).map((p) => p.userId)), what: new Set(ballots(pages, pollId)) });
      const [b, a] = [seen(before), seen(after)];
      const newWho = [...a.who].filter((x) => !b.who.has(x));
      const newWhat = [...a.what].filter((x) => !b.what.has(x));
      if (newWho.length === 1 && newWhat.length === 1) pairs++;
    }
    return pairs;
  };

  it('six anonymous voters cannot be paired with their ballots from the file, the WAL, or a copy taken after', async () => {
    const pollId = await openPoll();
    const opened = await copy();
    const layout = new Map(participants(pagesWith(opened.db, walCommits(opened.wal)), pollId, false).map((p) => [p.userId, p.offset]));
    // Vote in the reverse of the order the participation rows were laid out in (if they were):
    // pairing by order must then get every pair wrong, not merely some by chance.
    const order = [...voters].sort((a, b) => (layout.get(a.id) ?? 0) - (layout.get(b.id) ?? 0));
    const copies: { db: Buffer; wal: Buffer }[] = [];
    for (const voter of order) {
      await voter.api.ok('POST', `/api/polls/${pollId}/votes`, { choice: voter.choice });
      copies.push(await copy());
    }
    await fiona.ok('POST', `/api/polls/${pollId}/reveal`);
    copies.push(await copy());

    const last = copies.at(-1);
    if (!last) throw new Error('no copy');
    // What the reader recovers: pairs right by cell order in the last copy, pairs found in each copy's WAL.
    expect({ byOrder: pairByOrder(pagesWith(last.db, walCommits(last.wal)), pollId), byWal: copies.map((c) => pairByWal(c, pollId)) }).toEqual({
      byOrder: 0,
      byWal: copies.map(() => 0),
    });
    // Participation rows keep the places they had before anyone voted: their layout says nothing of when anyone voted.
    for (const c of copies) {
      const now = participants(pagesWith(c.db, walCommits(c.wal)), pollId, false).filter((p) => voters.some((v) => v.id === p.userId));
      expect(now.map((p) => [p.userId, p.offset])).toEqual(now.map((p) => [p.userId, layout.get(p.userId)]));
    }

    // And after the relay stopped, from the file alone.
    await relay.stop();
    relay = await relay.restart();
    const after = await copy();
    expect(pairByOrder(pagesWith(after.db, walCommits(after.wal)), pollId)).toBe(0);
  });

  it('an anonymous round is not revealed by hand below three ballots, and is at three', async () => {
    const pollId = await openPoll();
    for (const voter of voters.slice(0, 2)) await voter.api.ok('POST', `/api/polls/${pollId}/votes`, { choice: voter.choice });
    const early = await fiona.call<{ error: { code: string; message: string } }>('POST', `/api/polls/${pollId}/reveal`);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/at least 3 ballots/);
    const view = await fiona.ok<{ status: string }>('GET', `/api/polls/${pollId}`);
    expect(view.status).toBe('open');
    await voters[2]?.api.ok('POST', `/api/polls/${pollId}/votes`, { choice: voters[2].choice });
    const revealed = await fiona.ok<{ status: string }>('POST', `/api/polls/${pollId}/reveal`);
    expect(revealed.status).toBe('revealed');
  });
});
