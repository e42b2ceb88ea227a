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
  | { name: 'figure'; id: string }
  | { name: 'idea-boxes' }
  | { name: 'new-idea-box' }
  | { name: 'idea-box'; id: string }
  | { name: 'idea'; boxId: string; ideaId: string }
  | { name: 'idea-author'; boxId: string; userId: string }
  | { name: 'sms'; tab: SmsTab }
  | { name: 'profile' }
  | { name: 'actions' }
  | { name: 'people' }
  | { name: 'groups' }
  | { name: 'forgot-password' }
  | { name: 'sign-up' }
  | { name: 'organization' }
  /** Opened from a link in an e-mail (core/people/links.ts): no session needed. */
  | { name: 'invite' | 'reset-password' | 'confirm-email' | 'confirm-signup'; token: string };

/** Screens a link in an e-mail opens, signed in or not. */
export const linkRoutes = ['invite', 'reset-password', 'confirm-email', 'confirm-signup'] as const;

export type SmsTab = 'outbox' | 'people' | 'replies' | 'provider';
const smsTabs: SmsTab[] = ['outbox', 'people', 'replies', 'provider'];

export type ActivityTab = 'work' | 'decide' | 'files' | 'history' | 'members';
const tabs: ActivityTab[] = ['work', 'decide', 'files', 'history', 'members'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'activities' && parts[1] === 'new') return { name: 'new-activity' };
  if (parts[0] === 'figures') return parts[1] ? { name: 'figure', id: parts[1] } : { name: 'figures' };
  if (parts[0] === 'ideas') return parseIdeaRoute(parts.slice(1));
  const link = linkRoutes.find((name) => name === parts[0]);
  if (link && parts[1]) return { name: link, token: parts[1] };
  if (parts[0] === 'forgot-password') return { name: 'forgot-password' };
  if (parts[0] === 'sign-up') return { name: 'sign-up' };
  if (parts[0] === 'organization') return { name: 'organization' };
  if (parts[0] === 'profile') return { name: 'profile' };
  if (parts[0] === 'actions') return { name: 'actions' };
  if (parts[0] === 'people') return { name: 'people' };
  if (parts[0] === 'groups') return { name: 'groups' };
  if (parts[0] === 'sms') return { name: 'sms', tab: smsTabs.find((t) => t === parts[1]) ?? 'outbox' };
  if (parts[0] === 'activities' && parts[1]) {
    const tab = tabs.find((t) => t === parts[2]) ?? 'work';
    return { name: 'activity', id: parts[1], tab };
  }
  return { name: 'activities' };
}

function parseIdeaRoute(parts: string[]): Route {
  const [box, what, id] = parts;
  if (!box) return { name: 'idea-boxes' };
  if (box === 'new') return { name: 'new-idea-box' };
  if (what === 'idea' && id) return { name: 'idea', boxId: box, ideaId: id };
  if (what === 'people' && id) return { name: 'idea-author', boxId: box, userId: id };
  return { name: 'idea-box', id: box };
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
    case 'idea-boxes':
      return '#/ideas';
    case 'new-idea-box':
      return '#/ideas/new';
    case 'idea-box':
      return `#/ideas/${route.id}`;
    case 'idea':
      return `#/ideas/${route.boxId}/idea/${route.ideaId}`;
    case 'idea-author':
      return `#/ideas/${route.boxId}/people/${route.userId}`;
    case 'sms':
      return route.tab === 'outbox' ? '#/sms' : `#/sms/${route.tab}`;
    case 'profile':
    case 'actions':
    case 'people':
    case 'groups':
    case 'forgot-password':
    case 'sign-up':
    case 'organization':
      return `#/${route.name}`;
    case 'invite':
    case 'reset-password':
    case 'confirm-email':
    case 'confirm-signup':
      return `#/${route.name}/${route.token}`;
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
