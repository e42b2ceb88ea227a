import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from '../../../../renderer/state/use-route.ts';

describe('idea box routes', () => {
  it('read and write the same hashes', () => {
    const routes: Route[] = [
      { name: 'idea-boxes' },
      { name: 'new-idea-box' },
      { name: 'idea-box', id: 'box123456' },
      { name: 'idea', boxId: 'box123456', ideaId: 'idea12345' },
      { name: 'idea-author', boxId: 'box123456', userId: 'user12345' },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('fall back to the box for an unknown tail, and leave activity routes alone', () => {
    expect(parseRoute('#/ideas/box123456/nonsense')).toEqual({ name: 'idea-box', id: 'box123456' });
    expect(parseRoute('#/activities/a1b2c3d4/history')).toEqual({ name: 'activity', id: 'a1b2c3d4', tab: 'history' });
  });
});
