import { defineConfig } from 'vitest/config';

/**
 * The relay suites `npm test` runs a second time on PostgreSQL (CONCLAVE_TEST_DATABASE:
 * each relay they start gets its own database in one temporary cluster for the run,
 * test/support/postgres-global.ts and relay.ts): what each feature writes and reads in the store, in about three
 * minutes more (3 min 22 s alone on two cores; SMPP recovery adds 36 s). The other relay suites pass there too, one
 * file at a time, except those that read the SQLite file's bytes on purpose (README, "The
 * store on PostgreSQL").
 */
const onPostgres = [
  'actions/action-items',
  'actions/reminders',
  'api/accounts',
  'api/activities',
  'campaigns/comments',
  'campaigns/done-when',
  'campaigns/participants',
  'campaigns/profile',
  'campaigns/publish-read',
  'decisions/complete-record',
  'decisions/decide-together',
  'figures/figures-api',
  'files/derived-storage',
  'files/downloads-at-once',
  'files/files',
  'files/files-dir',
  'files/other-organisation',
  'files/thumbnails',
  'history/document-at',
  'history/restore',
  'ideas/idea-box',
  'ideas/idea-loop',
  'ideas/moderation',
  'mail/replies',
  'organizations/rights',
  'organizations/signup',
  'people/erase',
  'people/erase-restore',
  'people/groups',
  'people/invitations',
  'people/notifications',
  'people/profile',
  'polls/deadline-reveal',
  'polls/every-method',
  'polls/rounds',
  'polls/sealed-polls',
  'polls/vote-notices',
  'retention/removal-files',
  'sms/smpp-recovery',
  'templates/templates',
].map((suite) => `test/integration/${suite}.test.ts`);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'default', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'], globalSetup: ['test/support/postgres-global-asked.ts'] },
      },
      {
        extends: true,
        test: { name: 'postgres', include: onPostgres, env: { CONCLAVE_TEST_DATABASE: 'postgres' }, globalSetup: ['test/support/postgres-global.ts'] },
      },
    ],
  },
});
