import { describe, expect, it } from 'vitest';
import { activityLink, activityLinkInArgs, parseActivityLink } from '../../../core/deep-link.ts';

describe('activity deep links', () => {
  it('round-trips an activity id', () => {
    expect(activityLink('act_12345678')).toBe('conclave://activity/act_12345678');
    expect(parseActivityLink(activityLink('act_12345678'))).toBe('act_12345678');
    expect(parseActivityLink('conclave://activity/act_12345678/')).toBe('act_12345678');
  });

  it.each([
    'conclave://activity/',
    'conclave://activity',
    'conclave://activity/short',
    'conclave://activity/act_12345678/comments',
    'conclave://activity/act_12345678?token=x',
    'conclave://activity/act_12345678#x',
    'conclave://activity/..%2F..%2Fetc',
    'conclave://activity/act%20123456789',
    'conclave://settings/act_12345678',
    'conclave://user:pw@activity/act_12345678',
    'conclave://activity:99/act_12345678',
    'https://activity/act_12345678',
    'conclave:activity/act_12345678',
    `conclave://activity/${'a'.repeat(600)}`,
    'not a link',
  ])('rejects %s', (link) => {
    expect(parseActivityLink(link)).toBeNull();
  });

  it('finds the link among command-line arguments', () => {
    expect(activityLinkInArgs(['/usr/bin/conclave', '--no-sandbox', 'conclave://activity/act_12345678'])).toBe(
      'act_12345678',
    );
    expect(activityLinkInArgs(['C:\\Conclave\\conclave.exe', '--allow-file-access', 'conclave://evil/x'])).toBeNull();
    expect(activityLinkInArgs(['conclave'])).toBeNull();
  });
});
