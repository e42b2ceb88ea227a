/**
 * How ideas are ordered. The relay sorts in SQL with the same keys (server/ideas/list.ts),
 * the client with `compareIdeas` after a vote, so that a list never jumps differently
 * from what a reload would show. Ties: newest first, then by id.
 */
export const ideaSorts = ['votes', 'newest', 'category'] as const;
export type IdeaSort = (typeof ideaSorts)[number];

export interface Sortable {
  id: string;
  votes: number;
  createdAt: string;
  category: string;
}

const byNewest = (a: Sortable, b: Sortable) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1);

export function compareIdeas(sort: IdeaSort, a: Sortable, b: Sortable): number {
  switch (sort) {
    case 'votes':
      return b.votes - a.votes || byNewest(a, b);
    case 'newest':
      return byNewest(a, b);
    case 'category':
      return (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) || b.votes - a.votes || byNewest(a, b);
  }
}

export function sortIdeas<T extends Sortable>(sort: IdeaSort, ideas: readonly T[]): T[] {
  return [...ideas].sort((a, b) => compareIdeas(sort, a, b));
}
