import { defaultChannels, withDefaults, type Channel, type NotificationKind, type NotificationSettings } from '#core/api/notifications';
import type { Database, Queries } from '../store/db.ts';

/** A person's notification settings, their choices over the defaults. */
export async function settingsOf(db: Queries, userId: string): Promise<NotificationSettings> {
  const rows = await db.all<{ kind: NotificationKind; email: number; sms: number }>('SELECT kind, email, sms FROM notification_prefs WHERE user_id = ?', [userId]);
  const user = await db.get<{ digest: string }>('SELECT digest FROM users WHERE id = ?', [userId]);
  return withDefaults(
    rows.map((r) => ({ kind: r.kind, email: r.email === 1, sms: r.sms === 1 })),
    user?.digest === 'daily' ? 'daily' : 'none',
  );
}

export async function saveSettings(db: Database, userId: string, input: NotificationSettings): Promise<NotificationSettings> {
  await db.transaction(async (tx) => {
    for (const p of input.prefs) {
      await tx.run(
        `INSERT INTO notification_prefs (user_id, kind, email, sms) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, kind) DO UPDATE SET email = excluded.email, sms = excluded.sms`,
        [userId, p.kind, p.email ? 1 : 0, p.sms ? 1 : 0],
      );
    }
    await tx.run('UPDATE users SET digest = ? WHERE id = ?', [input.digest, userId]);
  });
  return settingsOf(db, userId);
}

/** Who of `userIds` wants `kind` by which channel (the defaults for who chose nothing), in one query. */
export async function channelsOf(db: Queries, userIds: string[], kind: NotificationKind): Promise<Map<string, Record<Channel, boolean>>> {
  const chosen = new Map<string, Record<Channel, boolean>>();
  for (let i = 0; i < userIds.length; i += 500) {
    const part = userIds.slice(i, i + 500);
    const rows = await db.all<{ user_id: string; email: number; sms: number }>(
      `SELECT user_id, email, sms FROM notification_prefs WHERE kind = ? AND user_id IN (${part.map(() => '?').join(', ')})`,
      [kind, ...part],
    );
    for (const r of rows) chosen.set(r.user_id, { email: r.email === 1, sms: r.sms === 1 });
  }
  return new Map(userIds.map((id) => [id, chosen.get(id) ?? defaultChannels[kind]]));
}
