import { describe, expect, it } from 'vitest';
import { judgeTicket, type TicketRecord } from '../../../../server/activities/tickets.ts';

const now = new Date('2026-11-23T09:00:00Z');
const valid: TicketRecord = {
  user_id: 'user-0001',
  activity_id: 'room-0001',
  expires_at: '2026-11-23T09:01:00Z',
  used_at: null,
};

describe('judgeTicket (SPEC T1, T2)', () => {
  it('admits an unspent, unexpired ticket to its own room', () => {
    expect(judgeTicket(valid, 'room-0001', now)).toBeNull();
  });
  it('refuses an unknown ticket', () => {
    expect(judgeTicket(undefined, 'room-0001', now)).toBe('unknown');
  });
  it('refuses a spent ticket, even before it expires', () => {
    expect(judgeTicket({ ...valid, used_at: '2026-11-23T08:59:59Z' }, 'room-0001', now)).toBe('used');
  });
  it('refuses a ticket at the very instant it expires', () => {
    expect(judgeTicket({ ...valid, expires_at: now.toISOString() }, 'room-0001', now)).toBe('expired');
  });
  it('refuses a ticket for another room', () => {
    expect(judgeTicket(valid, 'room-0002', now)).toBe('wrong-room');
  });
});
