import type { Route } from '../state/use-route.ts';
import { AuthorScreen } from './AuthorScreen.tsx';
import { IdeaBoxesScreen } from './IdeaBoxesScreen.tsx';
import { IdeaBoxScreen } from './IdeaBoxScreen.tsx';
import { IdeaScreen } from './IdeaScreen.tsx';
import { NewIdeaBoxScreen } from './NewIdeaBoxScreen.tsx';

/** The idea box's screens, by route (`#/ideas/...`). */
export function IdeaScreens({ route }: { route: Route }) {
  switch (route.name) {
    case 'new-idea-box':
      return <NewIdeaBoxScreen />;
    case 'idea-box':
      return <IdeaBoxScreen key={route.id} boxId={route.id} />;
    case 'idea':
      return <IdeaScreen key={route.ideaId} boxId={route.boxId} ideaId={route.ideaId} />;
    case 'idea-author':
      return <AuthorScreen key={route.userId} boxId={route.boxId} userId={route.userId} />;
    default:
      return <IdeaBoxesScreen />;
  }
}
