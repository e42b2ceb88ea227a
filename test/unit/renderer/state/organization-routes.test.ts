import { describe, expect, it } from 'vitest';
import { signupConfirmLink } from '../../../../core/people/links.ts';
import { hrefOf, parseRoute, type Route } from '../../../../renderer/state/use-route.ts';

describe('organisation routes', () => {
  it('read and write the same hashes', () => {
    const routes: Route[] = [{ name: 'sign-up' }, { name: 'organization' }, { name: 'confirm-signup', token: 'tok_0123456789abcdefghij' }];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it("open the relay's confirmation link", () => {
    const link = signupConfirmLink('https://relay.example/', 'tok_0123456789abcdefghij');
    expect(parseRoute(new URL(link).hash)).toEqual({ name: 'confirm-signup', token: 'tok_0123456789abcdefghij' });
  });
});
