import { describe, expect, it } from 'vitest';
import { deviceLabel } from '../../../../renderer/people/device-label.ts';
import { hrefOf, parseRoute } from '../../../../renderer/state/use-route.ts';

describe('people screens', () => {
  it('names a session’s device from its user agent', () => {
    expect(deviceLabel('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36')).toBe('Chrome · Linux');
    expect(deviceLabel('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1')).toBe('Safari · iOS');
    expect(deviceLabel('node')).toBeNull();
    // The desktop app is named in the person's language, as the caller gives it.
    const electron = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Conclave/1.0.0 Chrome/140.0.0.0 Electron/41.0.0 Safari/537.36';
    expect(deviceLabel(electron, 'Conclave pour ordinateur')).toBe('Conclave pour ordinateur · Windows');
  });

  it('routes the links sent by e-mail, with their token, and back', () => {
    const token = 'a'.repeat(43);
    for (const name of ['invite', 'reset-password', 'confirm-email'] as const) {
      const route = parseRoute(`#/${name}/${token}`);
      expect(route).toEqual({ name, token });
      expect(hrefOf(route)).toBe(`#/${name}/${token}`);
    }
    expect(parseRoute('#/invite')).toEqual({ name: 'activities' });
    expect(parseRoute('#/profile')).toEqual({ name: 'profile' });
    expect(parseRoute('#/people')).toEqual({ name: 'people' });
    expect(parseRoute('#/groups')).toEqual({ name: 'groups' });
    expect(hrefOf({ name: 'groups' })).toBe('#/groups');
    expect(parseRoute('#/forgot-password')).toEqual({ name: 'forgot-password' });
  });
});
