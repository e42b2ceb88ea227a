import { useEffect, useState } from 'react';

/**
 * Screens are addressed by the URL's hash (`#/activities/<id>/history`), which works
 * alike under the relay and under Electron's file:// pages.
 */
export type Route =
  | { name: 'activities' }
  | { name: 'new-activity' }
  | { name: 'activity'; id: string; tab: ActivityTab }
  | { name: 'figures' }
  | { name: 'figure'; id: string };

export type ActivityTab = 'work' | 'decide' | 'history' | 'members';
const tabs: ActivityTab[] = ['work', 'decide', 'history', 'members'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'activities' && parts[1] === 'new') return { name: 'new-activity' };
  if (parts[0] === 'figures') return parts[1] ? { name: 'figure', id: parts[1] } : { name: 'figures' };
  if (parts[0] === 'activities' && parts[1]) {
    const tab = tabs.find((t) => t === parts[2]) ?? 'work';
    return { name: 'activity', id: parts[1], tab };
  }
  return { name: 'activities' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'activities':
      return '#/activities';
    case 'new-activity':
      return '#/activities/new';
    case 'activity':
      return `#/activities/${route.id}${route.tab === 'work' ? '' : `/${route.tab}`}`;
    case 'figures':
      return '#/figures';
    case 'figure':
      return `#/figures/${route.id}`;
  }
}

export function navigate(route: Route) {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
