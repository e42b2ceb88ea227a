import { useCallback } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/** Wording of the SWOT board's "private first" round, English and French. */
const en = {
  title: 'Private first',
  intro: 'Everyone writes their own entries alone first; they stay sealed on the relay, out of the shared board, until the facilitator reveals them.',
  start: 'Start a private-first round',
  startAnother: 'Start another private-first round',
  question: 'Precise question',
  defaultQuestion: 'What are our strengths, weaknesses, opportunities and threats?',
  deadline: 'Deadline',
  anonymous: 'Anonymous: entries are put on the board without their authors',
  open: 'Start the round',
  cancel: 'Cancel',
  sealed: 'Sealed until {when}',
  taken: '{n} of {total} have written their entries',
  takenNames: '{n} of {total} have written their entries: {names}',
  mine: 'Your entries are sealed on the relay; you may change them until the reveal.',
  mineFinal: 'Your entries are sealed on the relay. This round is anonymous: they are final.',
  yourEntries: 'Your private entries',
  newEntry: 'Private entry in {quadrant}',
  add: 'Add',
  addTo: 'Add privately to {quadrant}',
  remove: 'Remove "{text}"',
  noEntry: 'No entry yet.',
  send: 'Send my entries',
  sent: 'Sent.',
  reveal: 'Reveal the entries',
  revealed: 'Revealed: {total} entries from {n} people',
  put: 'Put them on the board',
  putDone: '{n} entries put on the board.',
  putNone: 'They are all on the board already.',
  allOnBoard: 'All {n} entries are on the board.',
  anonymousAuthor: 'Anonymous',
  anonymousAuthors: 'Anonymous (×{count})',
  by: 'by {names}',
};
type Key = keyof typeof en;

const fr: Record<Key, string> = {
  title: 'D’abord en privé',
  intro: 'Chacun écrit d’abord seul ses contributions ; elles restent scellées sur le relais, hors du tableau partagé, jusqu’à ce que l’animateur les révèle.',
  start: 'Lancer un tour en privé',
  startAnother: 'Lancer un autre tour en privé',
  question: 'Question précise',
  defaultQuestion: 'Quels sont nos forces, faiblesses, opportunités et menaces ?',
  deadline: 'Échéance',
  anonymous: 'Anonyme : les contributions vont au tableau sans leurs auteurs',
  open: 'Lancer le tour',
  cancel: 'Annuler',
  sealed: 'Scellé jusqu’au {when}',
  taken: '{n} sur {total} ont écrit leurs contributions',
  takenNames: '{n} sur {total} ont écrit leurs contributions : {names}',
  mine: 'Vos contributions sont scellées sur le relais ; vous pouvez les changer jusqu’à la révélation.',
  mineFinal: 'Vos contributions sont scellées sur le relais. Ce tour est anonyme : elles sont définitives.',
  yourEntries: 'Vos contributions privées',
  newEntry: 'Contribution privée dans {quadrant}',
  add: 'Ajouter',
  addTo: 'Ajouter en privé à {quadrant}',
  remove: 'Retirer « {text} »',
  noEntry: 'Aucune contribution.',
  send: 'Envoyer mes contributions',
  sent: 'Envoyé.',
  reveal: 'Révéler les contributions',
  revealed: 'Révélé : {total} contributions de {n} personnes',
  put: 'Les mettre au tableau',
  putDone: '{n} contributions mises au tableau.',
  putNone: 'Elles sont toutes déjà au tableau.',
  allOnBoard: 'Les {n} contributions sont au tableau.',
  anonymousAuthor: 'Anonyme',
  anonymousAuthors: 'Anonyme (×{count})',
  by: 'par {names}',
};

export type PrivateFirstText = (key: Key, values?: Record<string, string | number>) => string;

export function usePrivateFirstText(): PrivateFirstText {
  const { locale } = useI18n();
  return useCallback(
    (key, values) => {
      const dict: Record<Key, string> = locale === 'fr' ? fr : en;
      return dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole));
    },
    [locale],
  );
}
