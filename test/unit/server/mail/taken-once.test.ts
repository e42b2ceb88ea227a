import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimReply, releaseReply, settleReply, staleMs } from '../../../../server/mail/inbound/taken-once.ts';
import { openMigratedStore, type MigratedStore } from '../../../support/migrated-store.ts';

let store: MigratedStore;
const now = new Date('2026-12-05T09:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

beforeEach(async () => {
  store = await openMigratedStore('conclave-taken-once');
});

afterEach(() => store.close());

describe('a reply applied once', () => {
  it('is claimed by the first delivery; another delivery meanwhile is told to come back, and after it is done, it is already done', async () => {
    const { db } = store;
    expect(await claimReply(db, 'k', now)).toBe('claimed');
    expect(await claimReply(db, 'k', later(1_000))).toBe('in_progress');
    await settleReply(db, 'k');
    expect(await claimReply(db, 'k', later(2_000))).toBe('already_done');
    // A release after the reply was applied changes nothing, even long after.
    await releaseReply(db, 'k');
    expect(await claimReply(db, 'k', later(staleMs * 3))).toBe('already_done');
  });

  it('a refused or failed delivery releases its claim, so the message is judged again when it comes back', async () => {
    const { db } = store;
    expect(await claimReply(db, 'k', now)).toBe('claimed');
    await releaseReply(db, 'k');
    expect(await claimReply(db, 'k', later(1_000))).toBe('claimed');
  });

  it('a claim left unfinished (the relay stopped mid-way) is taken over once stale, by one delivery only: the reply is applied again, never lost', async () => {
    const { db } = store;
    expect(await claimReply(db, 'k', now)).toBe('claimed');
    expect(await claimReply(db, 'k', later(staleMs - 1))).toBe('in_progress');
    const [first, second] = await Promise.all([claimReply(db, 'k', later(staleMs)), claimReply(db, 'k', later(staleMs))]);
    expect([first, second].sort()).toEqual(['claimed', 'in_progress']);
  });
});
