import { strFromU8, unzipSync } from 'fflate';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '#core/api/decisions';
import { addCostBenefitBoard, addCostBenefitLine, addCostOption, costBenefitFigures, listCostBenefitBoards } from '#core/doc/cost-benefit';
import { addAgendaBoard, addAgendaDecision, addAgendaItem, nextAgendaStep, readAgendaDecisions, readAgendaTimer } from '#core/doc/agenda';
import { addRaciBoard, addRaciColumn, addRaciTask, listRaciBoards, readRaciColumns, readRaciTasks, setRaciCell, setVariant } from '#core/doc/raci';
import { addPrioritisationBoard, addPriorityItem, listPrioritisationBoards, placePriorityItem, readPriorityItems } from '#core/doc/prioritisation';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';
import { pdfText } from '../decisions/pdf-text.ts';

type Person = { id: string; name: string; api: Api };
const at = new Date('2026-12-06T09:00:00Z');
const me = (p: Person) => ({ id: p.id, name: p.name });

async function bytesOf(api: Api, path: string) {
  const res = await fetch(api.base + path, { headers: { authorization: `Bearer ${api.token}`, 'accept-language': 'en' } });
  expect(res.status, path).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * The methods of the registry (core/doc/board-methods.ts) on a real relay with stock
 * y-websocket clients: what the app does is taken and reaches peers; a value the method
 * does not take (SPEC W15) is refused with 4422, reaches no one and is not stored; the
 * decision record, its Markdown export and the archive's CSV carry each board.
 */
describe('board methods on the real relay (SPEC W5, W15)', () => {
  let relay: RelayProcess;
  let activityId: string;
  let fay: Person;
  let cid: Person;
  let watcher: SyncClient;
  const open: SyncClient[] = [];

  const join = async (who: Person) => {
    const client = await connectClient(who.api, activityId, new Y.Doc());
    open.push(client);
    await synced(client);
    return client;
  };

  async function refused(who: Person, rule: string, change: (doc: Y.Doc) => void) {
    const client = await join(who);
    change(client.doc);
    await waitFor(() => client.closes.length > 0, 5_000, `refusal ${rule}`);
    expect(client.denied.at(-1)).toMatch(new RegExp(`^refused: .*\\(${rule}\\)$`));
    expect(client.closes[0]!.code).toBe(4422);
  }

  beforeAll(async () => {
    relay = await startRelayProcess();
    const admin = await setUpOrganisation(relay.url);
    const self = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    fay = { id: self.id, name: self.name, api: admin };
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Roadmap', question: 'What do we do first?' }));
    const p = await addPerson(admin, 'Cid Contributor');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: p.id, role: 'contributor' });
    cid = { ...p, name: 'Cid Contributor' };
    watcher = await join(fay);
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('prioritisation 2×2: the facilitator adds the board, a contributor places items; an impact past 100 is refused and stored nowhere', async () => {
    await refused(cid, 'W5', (d) => addPrioritisationBoard(d, 'board-prio-cid', me(cid), at));
    addPrioritisationBoard(watcher.doc, 'board-prio-01', me(fay), at);
    const c = await join(cid);
    await waitFor(() => listPrioritisationBoards(c.doc).length === 1, 5_000, 'board at the contributor');
    addPriorityItem(c.doc, 'board-prio-01', { id: 'prio-item-01', text: 'Faster checkout', impact: 50, effort: 50, author: me(cid), at });
    placePriorityItem(c.doc, 'board-prio-01', 'prio-item-01', { impact: 85, effort: 15 });
    await waitFor(() => readPriorityItems(watcher.doc, 'board-prio-01')[0]?.impact === 85, 5_000, 'placed item at the facilitator');
    await refused(cid, 'W15', (d) => {
      const items = (d.getMap('methods').get('board-prio-01') as Y.Map<Y.Map<Y.Map<unknown>>>).get('items')!;
      items.get('prio-item-01')!.set('impact', 1000);
    });
    const fresh = await join(fay);
    expect(readPriorityItems(fresh.doc, 'board-prio-01')).toEqual([expect.objectContaining({ impact: 85, effort: 15 })]);
  });

  it('cost/benefit: options are the facilitator\'s, lines a contributor\'s; a probability past 100 is refused and stored nowhere', async () => {
    await refused(cid, 'W5', (d) => addCostBenefitBoard(d, 'board-cost-cid', me(cid), at));
    addCostBenefitBoard(watcher.doc, 'board-cost-01', me(fay), at);
    addCostOption(watcher.doc, 'board-cost-01', 'option-till', 'New till');
    const c = await join(cid);
    await waitFor(() => listCostBenefitBoards(c.doc).length === 1 && costBenefitFigures(c.doc, 'board-cost-01').length === 0, 5_000, 'board at the contributor');
    await refused(cid, 'W5', (d) => void addCostOption(d, 'board-cost-01', 'option-cid1', 'Mine'));
    const line = { optionId: 'option-till', currency: 'EUR', probability: 100, author: me(cid), at };
    addCostBenefitLine(c.doc, 'board-cost-01', { ...line, id: 'line-000001', side: 'cost', label: 'Till', amount: 1_200_000, recurrence: 'once' });
    addCostBenefitLine(c.doc, 'board-cost-01', { ...line, id: 'line-000002', side: 'benefit', label: 'Sales', amount: 200_000, recurrence: 'monthly' });
    await waitFor(() => costBenefitFigures(watcher.doc, 'board-cost-01')[0]?.paybackMonths === 6, 5_000, 'figures at the facilitator');
    await refused(cid, 'W15', (d) => {
      const items = (d.getMap('methods').get('board-cost-01') as Y.Map<Y.Map<Y.Map<unknown>>>).get('items')!;
      items.get('line-000002')!.set('probability', 150);
    });
    const fresh = await join(fay);
    expect(costBenefitFigures(fresh.doc, 'board-cost-01')).toEqual([expect.objectContaining({ net: 1_200_000, paybackMonths: 6 })]);
  });

  it('responsibility matrix: columns (a member, a role) are the facilitator\'s, cells a contributor\'s; a letter outside the variant is refused and stored nowhere', async () => {
    await refused(cid, 'W5', (d) => addRaciBoard(d, 'board-raci-cid', me(cid), at));
    addRaciBoard(watcher.doc, 'board-raci-01', me(fay), at);
    addRaciColumn(watcher.doc, 'board-raci-01', 'column-cid01', cid.name, cid.id);
    addRaciColumn(watcher.doc, 'board-raci-01', 'column-legal', 'Legal');
    const c = await join(cid);
    await waitFor(() => listRaciBoards(c.doc).length === 1 && readRaciColumns(c.doc, 'board-raci-01').length === 2, 5_000, 'matrix at the contributor');
    expect(readRaciColumns(c.doc, 'board-raci-01')[0]).toMatchObject({ label: 'Cid Contributor', personId: cid.id });
    await refused(cid, 'W5', (d) => void addRaciColumn(d, 'board-raci-01', 'column-mine1', 'Me'));
    addRaciTask(c.doc, 'board-raci-01', { id: 'task-lease01', text: 'Sign the lease', author: me(cid), at });
    setRaciCell(c.doc, 'board-raci-01', 'task-lease01', 'column-cid01', 'R');
    setRaciCell(c.doc, 'board-raci-01', 'task-lease01', 'column-legal', 'A');
    await waitFor(() => readRaciTasks(watcher.doc, 'board-raci-01')[0]?.cells['column-legal'] === 'A', 5_000, 'cells at the facilitator');
    await refused(cid, 'W15', (d) => {
      const items = (d.getMap('methods').get('board-raci-01') as Y.Map<Y.Map<Y.Map<unknown>>>).get('items')!;
      items.get('task-lease01')!.set('cell:column-legal', 'Z');
    });
    const fresh = await join(fay);
    expect(readRaciTasks(fresh.doc, 'board-raci-01')[0]!.cells).toEqual({ 'column-cid01': 'R', 'column-legal': 'A' });
  });

  it('crafted values (SPEC W15): a letter outside a DACI matrix, a column of its own shape, a horizon or amount not a finite number in range: 4422, reach no one, stored nowhere', async () => {
    addRaciBoard(watcher.doc, 'board-daci-01', me(fay), at);
    setVariant(watcher.doc, 'board-daci-01', 'daci');
    addRaciColumn(watcher.doc, 'board-daci-01', 'column-legal', 'Legal');
    addRaciTask(watcher.doc, 'board-daci-01', { id: 'task-sign001', text: 'Sign', author: me(fay), at });
    setRaciCell(watcher.doc, 'board-daci-01', 'task-sign001', 'column-legal', 'D');
    const board = (d: Y.Doc, id: string) => d.getMap('methods').get(id) as Y.Map<Y.Map<Y.Map<unknown>>>;
    const c = await join(cid);
    await waitFor(() => readRaciTasks(c.doc, 'board-daci-01')[0]?.cells['column-legal'] === 'D', 5_000, 'the DACI matrix at the contributor');
    const seen: unknown[] = [];
    watcher.doc.on('update', (_u: Uint8Array, origin: unknown) => seen.push(origin));
    await refused(cid, 'W15', (d) => board(d, 'board-daci-01').get('items')!.get('task-sign001')!.set('cell:column-legal', 'R'));
    await refused(fay, 'W15', (d) => board(d, 'board-daci-01').get('columns')!.get('column-legal')!.set('colour', 'red'));
    await refused(fay, 'W15', (d) => (board(d, 'board-daci-01') as Y.Map<unknown>).set('variant', 'RACI'));
    await refused(fay, 'W15', (d) => (board(d, 'board-cost-01') as Y.Map<unknown>).set('horizonMonths', Number.NaN));
    await refused(fay, 'W15', (d) => board(d, 'board-cost-01').get('options')!.get('option-till')!.set('label', 'x'.repeat(201)));
    await refused(cid, 'W15', (d) => board(d, 'board-cost-01').get('items')!.get('line-000001')!.set('amount', Number.POSITIVE_INFINITY));
    const fresh = await join(fay);
    expect(seen).toEqual([]);
    expect(readRaciTasks(fresh.doc, 'board-daci-01')[0]!.cells).toEqual({ 'column-legal': 'D' });
    expect(readRaciColumns(fresh.doc, 'board-daci-01')).toEqual([expect.objectContaining({ label: 'Legal' })]);
    expect(board(fresh.doc, 'board-daci-01').get('columns')!.get('column-legal')!.has('colour')).toBe(false);
    expect((board(fresh.doc, 'board-daci-01') as Y.Map<unknown>).get('variant')).toBe('daci');
    expect((board(fresh.doc, 'board-cost-01') as Y.Map<unknown>).get('horizonMonths')).toBe(12);
    expect(costBenefitFigures(fresh.doc, 'board-cost-01')).toEqual([expect.objectContaining({ label: 'New till', net: 1_200_000 })]);
    watcher.doc.getMap('methods').delete('board-daci-01'); // the record below lists the other boards
    const after = await join(fay);
    await waitFor(() => listRaciBoards(after.doc).length === 1, 5_000, 'the DACI matrix removed');
  });

  it('agenda: a contributor adds items; the timer is the facilitator\'s, and a time box of 0 is refused', async () => {
    addAgendaBoard(watcher.doc, 'board-agenda1', me(fay), at);
    const c = await join(cid);
    await waitFor(() => (c.doc.getMap('methods').get('board-agenda1') as Y.Map<unknown> | undefined)?.get('items') !== undefined, 5_000, 'agenda at the contributor');
    addAgendaItem(c.doc, 'board-agenda1', { id: 'item-budget1', text: 'Budget', minutes: 10, author: me(cid), at });
    await refused(cid, 'W5', (d) => void nextAgendaStep(d, 'board-agenda1', at));
    nextAgendaStep(watcher.doc, 'board-agenda1', at);
    const other = await join(cid);
    await waitFor(() => readAgendaTimer(other.doc, 'board-agenda1')?.itemId === 'item-budget1', 5_000, 'the timer at the contributor');
    await refused(cid, 'W15', (d) => {
      const items = (d.getMap('methods').get('board-agenda1') as Y.Map<Y.Map<Y.Map<unknown>>>).get('items')!;
      items.get('item-budget1')!.set('minutes', 0);
    });
    // A decision taken from the item: the facilitator's, under their own name.
    const decision = { itemId: 'item-budget1', text: 'Keep the 2027 budget', status: 'decided' as const, at };
    await refused(cid, 'W5', (d) => void addAgendaDecision(d, 'board-agenda1', { ...decision, id: 'decision-cid1', author: me(cid) }));
    await refused(fay, 'W1', (d) => void addAgendaDecision(d, 'board-agenda1', { ...decision, id: 'decision-fake', author: me(cid) }));
    addAgendaDecision(watcher.doc, 'board-agenda1', { ...decision, id: 'decision-0001', author: me(fay) });
    await waitFor(() => readAgendaDecisions(other.doc, 'board-agenda1').length === 1, 5_000, 'the decision at the contributor');
    const fresh = await join(cid);
    expect(readAgendaDecisions(fresh.doc, 'board-agenda1')).toEqual([expect.objectContaining({ id: 'decision-0001', itemId: 'item-budget1', authorName: fay.name })]);
  });

  it('the decision record, its Markdown export and the archive carry each board', async () => {
    await fay.api.ok('POST', `/api/activities/${activityId}/decision`, { outcome: 'Checkout first.', rationale: 'A quick win.' });
    const record = await cid.api.ok<DecisionRecord>('GET', `/api/activities/${activityId}/decision`);
    expect(record.boards).toEqual([
      expect.objectContaining({
        kind: 'prioritisation',
        en: { title: 'Prioritisation (impact/effort)', lines: ['Quick wins: Faster checkout (impact 85, effort 15)'] },
        fr: { title: 'Priorisation (impact/effort)', lines: ['Gains rapides: Faster checkout (impact 85, effort 15)'] },
      }),
      expect.objectContaining({
        kind: 'cost-benefit',
        en: { title: 'Cost/benefit (over 12 months)', lines: ['New till (EUR): costs €12,000.00, benefits €24,000.00, expected net €12,000.00, payback in 6 months'] },
      }),
      expect.objectContaining({ kind: 'raci', en: { title: 'RACI matrix', lines: ['Sign the lease: R Cid Contributor, A Legal'] } }),
      expect.objectContaining({
        kind: 'agenda',
        en: { title: 'Agenda', lines: ['1. Budget (10 min)', 'Decision (Budget): Keep the 2027 budget'] },
        fr: { title: 'Ordre du jour', lines: ['1. Budget (10 min)', 'Décision (Budget) : Keep the 2027 budget'] },
      }),
    ]);
    const md = strFromU8(await bytesOf(cid.api, `/api/activities/${activityId}/decision/export.md`));
    expect(md).toContain('## Boards\n\n### Prioritisation (impact/effort)\n\n- Quick wins: Faster checkout (impact 85, effort 15)');
    expect(md).toContain('### Agenda\n\n- 1. Budget (10 min)\n- Decision (Budget): Keep the 2027 budget');
    const pdf = await bytesOf(cid.api, `/api/activities/${activityId}/decision/export.pdf`);
    expect(await pdfText(pdf)).toContain('Decision (Budget): Keep the 2027 budget');
    const files = unzipSync(await bytesOf(cid.api, `/api/activities/${activityId}/archive.zip`));
    const csv = Object.entries(files).find(([name]) => name.startsWith('boards/') && name.endsWith('-prioritisation.csv'))!;
    const costs = Object.entries(files).find(([name]) => name.startsWith('boards/') && name.endsWith('-cost-benefit.csv'))!;
    expect(strFromU8(costs[1])).toContain('line-000002,New till,benefit,Sales,200000,EUR,100,monthly,Cid Contributor,');
    expect(strFromU8(csv[1])).toContain('id,text,impact,effort,quadrant,author,createdAt\r\nprio-item-01,Faster checkout,85,15,Quick wins,Cid Contributor,');
    const matrix = Object.entries(files).find(([name]) => name.startsWith('boards/') && name.endsWith('-raci.csv'))!;
    expect(strFromU8(matrix[1])).toContain('id,task,Cid Contributor,Legal\r\ntask-lease01,Sign the lease,R,A');
    const agenda = Object.entries(files).find(([name]) => name.startsWith('boards/') && name.endsWith('-agenda.csv'))!;
    expect(strFromU8(agenda[1])).toContain('id,item,minutes,presenter,spentSeconds,parked,notes,decisions\r\nitem-budget1,Budget,10,,,,,decided: Keep the 2027 budget');
  });
});
