/**
 * "Study this idea": the activity opened to study an idea takes its title, question and
 * brief from the idea, in the organisation's language. Pure, so the relay writes it and
 * tests read the same words.
 */
export interface StudiedIdea {
  title: string;
  text: string;
  category: string;
  author: string;
  votes: number;
  hasPhoto: boolean;
  link: string;
}

const clip = (text: string, max: number) => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
};

export function studyActivity(idea: StudiedIdea, locale: string): { title: string; question: string; description: string } {
  const fr = locale.toLowerCase().startsWith('fr');
  const title = clip(idea.title, 150);
  const lines = fr
    ? [
        idea.text,
        '',
        `Rubrique : ${idea.category}. Proposée par ${idea.author}. Votes : ${idea.votes}.`,
        idea.hasPhoto ? `Photo et votes : ${idea.link}` : `L’idée et ses votes : ${idea.link}`,
        'La décision publiée ici devient la réponse à l’idée (acceptée ou refusée, avec sa raison) et son auteur la reçoit.',
      ]
    : [
        idea.text,
        '',
        `Category: ${idea.category}. Proposed by ${idea.author}. Votes: ${idea.votes}.`,
        idea.hasPhoto ? `Photo and votes: ${idea.link}` : `The idea and its votes: ${idea.link}`,
        'The decision published here becomes the idea’s answer (accepted or declined, with its reason), and its author is told.',
      ];
  return {
    title: fr ? `Étude : ${title}` : `Study: ${title}`,
    question: clip(fr ? `Faut-il retenir l’idée « ${title} » ?` : `Should we take up the idea "${title}"?`, 480),
    description: lines.join('\n'),
  };
}

/** What a study's decision says of the idea. */
export const ideaVerdicts = ['accepted', 'declined'] as const;
export type IdeaVerdict = (typeof ideaVerdicts)[number];
