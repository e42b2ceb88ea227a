import { describe, expect, it } from 'vitest';
import { reminderMoment, reminderStep, ReminderStage, zonedMoment } from '#core/methods/action-reminders';

describe('action item reminders: when, in the owner’s zone', () => {
  it('puts 09:00 of a day in a zone at the right instant, summer and winter, east and west', () => {
    expect(zonedMoment('2026-12-09', 9, 'Europe/Paris').toISOString()).toBe('2026-12-09T08:00:00.000Z');
    expect(zonedMoment('2026-07-09', 9, 'Europe/Paris').toISOString()).toBe('2026-07-09T07:00:00.000Z');
    expect(zonedMoment('2026-12-09', 9, 'America/New_York').toISOString()).toBe('2026-12-09T14:00:00.000Z');
    expect(zonedMoment('2026-12-09', 9, 'Pacific/Kiritimati').toISOString()).toBe('2026-12-08T19:00:00.000Z');
    expect(zonedMoment('2026-12-09', 9, 'UTC').toISOString()).toBe('2026-12-09T09:00:00.000Z');
  });

  it('reminds the day before and on the day, each at 09:00 local', () => {
    expect(reminderMoment('2026-12-10', ReminderStage.dayBefore, 'Europe/Paris')?.toISOString()).toBe('2026-12-09T08:00:00.000Z');
    expect(reminderMoment('2026-12-10', ReminderStage.dueDay, 'Europe/Paris')?.toISOString()).toBe('2026-12-10T08:00:00.000Z');
    expect(reminderMoment('2026-12-10', ReminderStage.none, 'Europe/Paris')).toBeNull();
  });

  it('waits, sends, or skips a reminder whose day is past', () => {
    const tz = 'Europe/Paris';
    expect(reminderStep('2026-12-10', 0, new Date('2026-12-09T07:59:00Z'), tz)).toEqual({ wait: new Date('2026-12-09T08:00:00Z') });
    expect(reminderStep('2026-12-10', 0, new Date('2026-12-09T08:00:00Z'), tz)).toEqual({ send: 0, next: 1 });
    expect(reminderStep('2026-12-10', 1, new Date('2026-12-10T20:00:00Z'), tz)).toEqual({ send: 1, next: 2 });
    // Created on its due day: no "due tomorrow"; the day's reminder still goes.
    expect(reminderStep('2026-12-10', 0, new Date('2026-12-10T10:00:00Z'), tz)).toEqual({ skip: true, next: 1 });
    // Overdue: nothing more (the facilitator sees it overdue).
    expect(reminderStep('2026-12-10', 1, new Date('2026-12-11T10:00:00Z'), tz)).toEqual({ skip: true, next: 2 });
  });
});
