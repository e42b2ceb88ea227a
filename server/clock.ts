import { readFileSync, statSync } from 'node:fs';

/**
 * The relay's clock. In production it is the system clock, always.
 *
 * Tests that must cross 09:00, a week or a daylight-saving change drive it through a
 * file: `CONCLAVE_FAKE_CLOCK_FILE` names a file holding an ISO instant; the clock then
 * reads that instant, running on from it in real time, and jumps whenever the file is
 * rewritten. It is honoured ONLY with `NODE_ENV=test`; set anywhere else the relay
 * refuses to start (config.ts), so a stray variable can never move a production clock.
 */
export type Clock = () => Date;

/** The system clock, or with a fake clock file (config `fakeClockFile`) the instant it holds. */
export function clockOf(fakeClockFile: string | null): Clock {
  return fakeClockFile === null ? () => new Date() : fileClock(fakeClockFile);
}

function fileClock(file: string): Clock {
  let seenMtime = -1;
  let offset = 0;
  return () => {
    const mtime = statSync(file).mtimeMs;
    if (mtime !== seenMtime) {
      const at = Date.parse(readFileSync(file, 'utf8').trim());
      if (Number.isNaN(at)) throw new Error(`${file} does not hold an ISO instant`);
      seenMtime = mtime;
      offset = at - Date.now();
    }
    return new Date(Date.now() + offset);
  };
}
