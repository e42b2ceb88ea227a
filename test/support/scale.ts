/**
 * Volumes of the heaviest tests. `npm test` runs them at an everyday size that still shows
 * what they guard (a batch large enough to cross every batch boundary, a crash mid-way);
 * `npm run soak` runs the same files again at full size (CONCLAVE_TEST_FULL_SCALE=1).
 */
export const fullScale = process.env.CONCLAVE_TEST_FULL_SCALE === '1';

/** `full` under `npm run soak`, `everyDay` under `npm test`. */
export function atScale(full: number, everyDay: number): number {
  return fullScale ? full : everyDay;
}

/** The test files `npm run soak` runs again at full size. */
export const fullScaleFiles = [
  'test/integration/decisions/large-decisions.test.ts',
  'test/integration/sync/malformed-frames.test.ts',
  'test/integration/sms/smpp-recovery.test.ts',
];
