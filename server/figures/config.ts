/**
 * The figures part's settings (README: "Daily figures"). Per-schedule settings (window,
 * delivery watch) live with each schedule; these are the relay's.
 */
export interface FiguresConfig {
  /** How often the scheduler looks at the clock and the store (ms). */
  tickMs: number;
  /** A "send now" interrupted by a crash is finished on restart within this time (ms). */
  resumeSendNowMs: number;
  /**
   * Test only (NODE_ENV=test): kill the process at a point of a scheduled send, to
   * prove a crash there neither loses nor repeats an SMS. `after-claim` | `after-enqueue`.
   */
  crashAt: string | null;
}

type Env = Record<string, string | undefined>;

export function loadFiguresConfig(env: Env = process.env): FiguresConfig {
  const tick = Number(env.CONCLAVE_FIGURES_TICK_MS ?? 15_000);
  if (!Number.isInteger(tick) || tick < 10) throw new Error(`CONCLAVE_FIGURES_TICK_MS must be a whole number ≥ 10, not "${env.CONCLAVE_FIGURES_TICK_MS}"`);
  const crashAt = env.CONCLAVE_FIGURES_CRASH_AT ?? null;
  if (crashAt && env.NODE_ENV !== 'test') throw new Error('CONCLAVE_FIGURES_CRASH_AT is a test setting: it needs NODE_ENV=test');
  return { tickMs: tick, resumeSendNowMs: 30 * 60_000, crashAt };
}
