import { describe, expect, it } from 'vitest';
import { decideSchedule, firingsBetween, reportedDay, type RunState, type ScheduleRule } from '#core/figures/schedule';

/**
 * The schedule decision against a fake clock: the rules S1–S6 of core/figures/schedule.ts.
 * Europe/Paris is UTC+1 in winter, UTC+2 in summer (2026: from 29 March to 25 October).
 */
const rule: ScheduleRule = {
  cron: '0 9 * * 1-6',
  timeZone: 'Europe/Paris',
  windowMinutes: 180,
  activeSince: new Date('2026-11-23T00:00:00Z'),
};
const at = (iso: string) => new Date(iso);
const all = () => true;
const none = () => false;
const runs = (entries: [string, RunState][] = []) => new Map(entries);

/** Plays a clock minute by minute, doing what the decision says, as the scheduler does. */
function simulate(from: string, to: string, options: { hasValues?: (day: string) => boolean; stepMinutes?: number; schedule?: ScheduleRule } = {}) {
  const state = new Map<string, RunState>();
  const sent: { day: string; at: string }[] = [];
  const alerts: string[] = [];
  const step = (options.stepMinutes ?? 5) * 60_000;
  for (let t = at(from).getTime(); t <= at(to).getTime(); t += step) {
    const now = new Date(t);
    const schedule = options.schedule ?? { ...rule, activeSince: at(from) };
    const { actions } = decideSchedule({ schedule, now, runs: state, hasValues: options.hasValues ?? all });
    for (const a of actions) {
      if (a.kind === 'send') {
        state.set(a.day, 'sent');
        sent.push({ day: a.day, at: now.toISOString() });
      } else if (a.kind === 'alert-missing') {
        state.set(a.day, 'waiting');
        alerts.push(`missing ${a.day}`);
      } else if (a.kind === 'too-late') {
        state.set(a.day, 'missed');
        alerts.push(`too late ${a.day} (${a.why})`);
      }
    }
  }
  return { sent, alerts };
}

describe('schedule decision', () => {
  it('S1 S2: a normal week sends Monday to Saturday at 09:00 Paris, each with the day before, and skips Sunday', () => {
    const { sent, alerts } = simulate('2026-11-22T23:00:00Z', '2026-11-29T22:59:00Z');
    expect(sent).toEqual([
      { day: '2026-11-22', at: '2026-11-23T08:00:00.000Z' },
      { day: '2026-11-23', at: '2026-11-24T08:00:00.000Z' },
      { day: '2026-11-24', at: '2026-11-25T08:00:00.000Z' },
      { day: '2026-11-25', at: '2026-11-26T08:00:00.000Z' },
      { day: '2026-11-26', at: '2026-11-27T08:00:00.000Z' },
      { day: '2026-11-27', at: '2026-11-28T08:00:00.000Z' },
    ]);
    expect(alerts).toEqual([]);
  });

  it('S1: spring forward — Saturday at 08:00 UTC, Monday at 07:00 UTC, still 09:00 in Paris', () => {
    const { sent } = simulate('2026-03-27T12:00:00Z', '2026-03-30T12:00:00Z');
    expect(sent).toEqual([
      { day: '2026-03-27', at: '2026-03-28T08:00:00.000Z' },
      { day: '2026-03-29', at: '2026-03-30T07:00:00.000Z' },
    ]);
  });

  it('S1: fall back — Saturday at 07:00 UTC, Monday at 08:00 UTC', () => {
    const { sent } = simulate('2026-10-23T12:00:00Z', '2026-10-26T12:00:00Z');
    expect(sent).toEqual([
      { day: '2026-10-23', at: '2026-10-24T07:00:00.000Z' },
      { day: '2026-10-25', at: '2026-10-26T08:00:00.000Z' },
    ]);
  });

  it('S2: a time met twice when clocks go back, or skipped when they jump, makes exactly one run a day', () => {
    const nightly = { ...rule, cron: '30 2 * * *' };
    const back = simulate('2026-10-24T20:00:00Z', '2026-10-26T04:00:00Z', { schedule: { ...nightly, activeSince: at('2026-10-24T20:00:00Z') } });
    expect(back.sent.map((s) => s.day)).toEqual(['2026-10-24', '2026-10-25']);
    const forward = simulate('2026-03-28T20:00:00Z', '2026-03-30T04:00:00Z', { schedule: { ...nightly, activeSince: at('2026-03-28T20:00:00Z') } });
    expect(forward.sent.map((s) => s.day)).toEqual(['2026-03-28', '2026-03-29']);
    // Twice a day is still one run per reported day.
    const twice = simulate('2026-11-23T00:00:00Z', '2026-11-23T20:00:00Z', { schedule: { ...rule, cron: '0 9,17 * * *' } });
    expect(twice.sent).toEqual([{ day: '2026-11-22', at: '2026-11-23T08:00:00.000Z' }]);
  });

  it('restart before 09:00: nothing yet, and the next firing is 09:00', () => {
    const d = decideSchedule({ schedule: rule, now: at('2026-11-24T07:59:59Z'), runs: runs([['2026-11-22', 'sent']]), hasValues: all });
    expect(d.actions).toEqual([]);
    expect(d.next?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
  });

  it('S3: restart after 09:00 within the window sends the missed run at once', () => {
    const d = decideSchedule({ schedule: rule, now: at('2026-11-24T10:30:00Z'), runs: runs([['2026-11-22', 'sent']]), hasValues: all });
    expect(d.actions).toEqual([
      { kind: 'send', day: '2026-11-23', firedAt: at('2026-11-24T08:00:00Z'), deadline: at('2026-11-24T11:00:00Z'), resume: false },
    ]);
  });

  it('S3: a crash right after claiming resumes the run (same keys: the gateway sends nothing twice)', () => {
    const d = decideSchedule({ schedule: rule, now: at('2026-11-24T08:00:05Z'), runs: runs([['2026-11-22', 'sent'], ['2026-11-23', 'sending']]), hasValues: none });
    expect(d.actions).toMatchObject([{ kind: 'send', day: '2026-11-23', resume: true }]);
  });

  it('S5: downtime beyond the window closes the run as too late, never sends it', () => {
    const d = decideSchedule({ schedule: rule, now: at('2026-11-24T11:00:01Z'), runs: runs([['2026-11-22', 'sent']]), hasValues: all });
    expect(d.actions).toEqual([
      { kind: 'too-late', day: '2026-11-23', firedAt: at('2026-11-24T08:00:00Z'), deadline: at('2026-11-24T11:00:00Z'), why: 'not-run' },
    ]);
    const interrupted = decideSchedule({ schedule: rule, now: at('2026-11-24T12:00:00Z'), runs: runs([['2026-11-22', 'sent'], ['2026-11-23', 'sending']]), hasValues: all });
    expect(interrupted.actions).toMatchObject([{ kind: 'too-late', why: 'interrupted' }]);
  });

  it('S5 S6: days of downtime report each missed day once, then nothing more', () => {
    // Down from Tuesday 08:30 to Thursday 10:00 Paris: Wednesday's run is too late, Thursday's still due.
    const state = runs([['2026-11-22', 'sent'], ['2026-11-23', 'sent']]);
    const d = decideSchedule({ schedule: rule, now: at('2026-11-26T09:00:00Z'), runs: state, hasValues: all });
    expect(d.actions.map((a) => `${a.kind} ${a.day}`)).toEqual(['too-late 2026-11-24', 'send 2026-11-25']);
    // Beyond the look-back (7 days) nothing is owed any more.
    const old = decideSchedule({ schedule: rule, now: at('2026-12-20T09:00:00Z'), runs: runs(), hasValues: all });
    expect(old.actions.map((a) => a.day)).toEqual(['2026-12-13', '2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18']);
  });

  it('S4: missing values alert once, wait, and send as soon as they are entered within the window', () => {
    let entered = false;
    const hasValues = (day: string) => day !== '2026-11-23' || entered;
    const state = runs([['2026-11-22', 'sent']]);
    const first = decideSchedule({ schedule: rule, now: at('2026-11-24T08:00:00Z'), runs: state, hasValues });
    expect(first.actions).toMatchObject([{ kind: 'alert-missing', day: '2026-11-23' }]);
    state.set('2026-11-23', 'waiting');
    expect(decideSchedule({ schedule: rule, now: at('2026-11-24T08:30:00Z'), runs: state, hasValues }).actions).toMatchObject([{ kind: 'wait' }]);
    entered = true;
    expect(decideSchedule({ schedule: rule, now: at('2026-11-24T09:10:00Z'), runs: state, hasValues }).actions).toMatchObject([
      { kind: 'send', day: '2026-11-23', resume: false },
    ]);
  });

  it('S4 S5: values entered after the window are never sent', () => {
    const { sent, alerts } = simulate('2026-11-24T07:00:00Z', '2026-11-24T12:00:00Z', {
      hasValues: (day) => day !== '2026-11-23',
      stepMinutes: 5,
      schedule: { ...rule, activeSince: at('2026-11-24T00:00:00Z') },
    });
    expect(sent).toEqual([]);
    expect(alerts).toEqual(['missing 2026-11-23', 'too late 2026-11-23 (values-missing)']);
  });

  it('S6: a schedule created after 09:00 owes nothing for that day', () => {
    const fresh = { ...rule, activeSince: at('2026-11-24T08:30:00Z') };
    expect(decideSchedule({ schedule: fresh, now: at('2026-11-24T09:00:00Z'), runs: runs(), hasValues: all }).actions).toEqual([]);
  });

  it('S2: the reported day is the local day before, also just after midnight', () => {
    expect(reportedDay(at('2026-11-23T23:30:00Z'), 'Europe/Paris')).toBe('2026-11-23'); // 00:30 on the 24th in Paris
    expect(reportedDay(at('2026-11-23T23:30:00Z'), 'America/New_York')).toBe('2026-11-22');
    expect(firingsBetween('0 9 * * 1-6', 'America/New_York', at('2026-11-23T00:00:00Z'), at('2026-11-24T00:00:00Z'))).toEqual([
      at('2026-11-23T14:00:00Z'),
    ]);
  });
});
