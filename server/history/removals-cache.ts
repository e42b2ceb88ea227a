/** Answers kept, by activity, moment and the log's last update, and how many paths they may hold in all. */
const keptAnswers = 32;
const keptPaths = 50_000;
/** How long "too long to replay" stands for a moment: the log since it only grows. */
const tooLongMs = 10 * 60_000;

/** Who removed what since a moment: each person's paths. */
export type RemovedByPerson = ReadonlyMap<string, readonly string[]>;

/**
 * What the history thread found about removals since a moment (SPEC H4, H5), kept so
 * that the same moment asked again costs nothing: each answer under the log's last update
 * then (a new update makes it stale: another key), and "too long to replay" per moment
 * for `tooLongMs` whatever was logged since (more updates can only make it longer).
 */
export class RemovalsCache {
  private readonly answers = new Map<string, { byPerson: RemovedByPerson; size: number }>();
  private readonly tooLong = new Map<string, number>();
  private paths = 0;

  get(activityId: string, uptoId: number, lastId: number, now: number): RemovedByPerson | 'too-long' | undefined {
    const until = this.tooLong.get(`${activityId}:${uptoId}`);
    if (until !== undefined && until > now) return 'too-long';
    const key = `${activityId}:${uptoId}:${lastId}`;
    const hit = this.answers.get(key);
    if (!hit) return undefined;
    this.answers.delete(key);
    this.answers.set(key, hit);
    return hit.byPerson;
  }

  remember(activityId: string, uptoId: number, lastId: number, removed: readonly (readonly [path: string, userId: string])[]) {
    const byPerson = new Map<string, string[]>();
    for (const [path, userId] of removed) {
      const paths = byPerson.get(userId);
      if (paths) paths.push(path);
      else byPerson.set(userId, [path]);
    }
    const key = `${activityId}:${uptoId}:${lastId}`;
    this.drop(key);
    if (removed.length > keptPaths) return;
    this.answers.set(key, { byPerson, size: removed.length });
    this.paths += removed.length;
    while (this.answers.size > keptAnswers || this.paths > keptPaths) this.drop(this.answers.keys().next().value!);
  }

  rememberTooLong(activityId: string, uptoId: number, now: number) {
    const key = `${activityId}:${uptoId}`;
    this.tooLong.delete(key);
    this.tooLong.set(key, now + tooLongMs);
    if (this.tooLong.size > keptAnswers) this.tooLong.delete(this.tooLong.keys().next().value!);
  }

  /** Forgets an activity's answers (its stored history was rewritten). */
  forget(activityId: string) {
    for (const key of [...this.answers.keys()]) if (key.startsWith(`${activityId}:`)) this.drop(key);
    for (const key of [...this.tooLong.keys()]) if (key.startsWith(`${activityId}:`)) this.tooLong.delete(key);
  }

  private drop(key: string) {
    const hit = this.answers.get(key);
    if (!hit) return;
    this.answers.delete(key);
    this.paths -= hit.size;
  }
}
