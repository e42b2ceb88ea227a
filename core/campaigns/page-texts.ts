import type { IdeaStatus } from '../api/ideas.ts';

/**
 * The words of a published idea box's public page (server-rendered by the relay, then
 * brought to life by renderer/campaign/), in English and French. The page is read
 * by strangers before any client code runs, so its words live here, shared by the relay
 * that writes the page and the script that changes it.
 */
export type PageLanguage = 'fr' | 'en';

export interface PageTexts {
  languageName: string;
  otherLanguage: { lang: PageLanguage; label: string };
  ideasCount: (n: number) => string;
  votes: (n: number) => string;
  sortLabel: string;
  sortVotes: string;
  sortNewest: string;
  rubrics: string;
  status: Record<IdeaStatus, string>;
  answer: string;
  by: (name: string) => string;
  photoOf: (title: string) => string;
  comments: (n: number) => string;
  moreComments: (n: number) => string;
  team: string;
  someone: string;
  noIdeas: string;
  next: string;
  previous: string;
  closed: string;
  vote: string;
  voted: string;
  signUpToVote: string;
  joinTitle: string;
  joinIntro: string;
  name: string;
  email: string;
  password: string;
  passwordHint: string;
  showName: string;
  honeypot: string;
  signUp: string;
  signUpSent: string;
  haveAccount: string;
  signIn: string;
  signedInAs: (name: string) => string;
  signOut: string;
  proposeTitle: string;
  ideaTitle: string;
  ideaTitleHint: string;
  ideaText: string;
  ideaTextHint: string;
  rubric: string;
  photo: string;
  photoHint: string;
  /** The photo picker's button and what it says while none is chosen (the browser's own would speak its language). */
  photoChoose: string;
  photoNone: string;
  propose: string;
  proposed: string;
  confirming: string;
  confirmed: string;
  errors: {
    link_used: string;
    link_expired: string;
    not_found: string;
    rate_limited: string;
    invalid_credentials: string;
    address_taken: string;
    validation_failed: string;
    payload_too_large: string;
    unsupported_media_type: string;
    conflict: string;
    forbidden: string;
    unauthenticated: string;
    other: string;
  };
  checkField: string;
  poweredBy: string;
}

const en: PageTexts = {
  languageName: 'English',
  otherLanguage: { lang: 'fr', label: 'Français' },
  ideasCount: (n) => (n === 1 ? '1 idea' : `${n.toLocaleString('en')} ideas`),
  votes: (n) => (n === 1 ? '1 vote' : `${n.toLocaleString('en')} votes`),
  sortLabel: 'Order',
  sortVotes: 'Most voted',
  sortNewest: 'Newest',
  rubrics: 'Rubrics',
  status: { new: 'New', under_study: 'Under study', accepted: 'Accepted', declined: 'Declined', implemented: 'Implemented' },
  answer: 'Our answer',
  by: (name) => `by ${name}`,
  photoOf: (title) => `Photo: ${title}`,
  comments: (n) => (n === 1 ? '1 comment' : `${n.toLocaleString('en')} comments`),
  moreComments: (n) => (n === 1 ? 'See the earlier comment' : `See the ${n.toLocaleString('en')} earlier comments`),
  team: 'The team',
  someone: 'A participant',
  noIdeas: 'No idea yet: be the first to propose one.',
  next: 'Next ideas',
  previous: 'Previous ideas',
  closed: 'This campaign is closed: it takes no more ideas or votes.',
  vote: 'Vote',
  voted: 'Voted ✓ (withdraw)',
  signUpToVote: 'Sign up to vote',
  joinTitle: 'Take part',
  joinIntro: 'Sign up to propose your ideas and vote for the ones you like. We send a link to confirm your address.',
  name: 'Your name',
  email: 'E-mail',
  password: 'Password',
  passwordHint: 'At least 10 characters.',
  showName: 'Show my name with my ideas and comments, and in the hall of fame',
  honeypot: 'Leave this field empty',
  signUp: 'Sign up',
  signUpSent: 'Check your e-mail: open the link we sent to confirm your address. Nothing is published before.',
  haveAccount: 'Already signed up? Sign in',
  signIn: 'Sign in',
  signedInAs: (name) => `Signed in as ${name}`,
  signOut: 'Sign out',
  proposeTitle: 'Propose an idea',
  ideaTitle: 'Title',
  ideaTitleHint: '3 to 120 characters.',
  ideaText: 'Your idea',
  ideaTextHint: 'Up to 1,000 characters.',
  rubric: 'Rubric',
  photo: 'Photo (optional)',
  photoHint: 'JPEG, PNG or WebP.',
  photoChoose: 'Choose a photo',
  photoNone: 'No photo chosen',
  propose: 'Propose',
  proposed: 'Thank you: your idea is published.',
  confirming: 'Confirming your address…',
  confirmed: 'Your address is confirmed: you may now propose ideas and vote.',
  errors: {
    link_used: 'This link was already used: sign in instead.',
    link_expired: 'This link has expired: sign up again.',
    not_found: 'This link or page does not exist.',
    rate_limited: 'Too many attempts: try again a little later.',
    invalid_credentials: 'Wrong e-mail or password.',
    address_taken: 'This address already has an account: sign in instead.',
    validation_failed: 'Check the fields: something is missing or too long.',
    payload_too_large: 'The photo is too large.',
    unsupported_media_type: 'The photo must be a JPEG, PNG or WebP image.',
    conflict: 'This campaign takes no more ideas or votes, or this was already done.',
    forbidden: 'You may not do this (you cannot vote for your own idea).',
    unauthenticated: 'Your session has ended: sign in again.',
    other: 'Something went wrong: try again.',
  },
  checkField: 'Check this field.',
  poweredBy: 'An idea campaign on Conclave',
};

const fr: PageTexts = {
  languageName: 'Français',
  otherLanguage: { lang: 'en', label: 'English' },
  ideasCount: (n) => (n <= 1 ? `${n} idée` : `${n.toLocaleString('fr')} idées`),
  votes: (n) => (n <= 1 ? `${n} vote` : `${n.toLocaleString('fr')} votes`),
  sortLabel: 'Ordre',
  sortVotes: 'Les plus votées',
  sortNewest: 'Les plus récentes',
  rubrics: 'Rubriques',
  status: { new: 'Nouvelle', under_study: 'À l’étude', accepted: 'Retenue', declined: 'Non retenue', implemented: 'Réalisée' },
  answer: 'Notre réponse',
  by: (name) => `par ${name}`,
  photoOf: (title) => `Photo : ${title}`,
  comments: (n) => (n <= 1 ? `${n} commentaire` : `${n.toLocaleString('fr')} commentaires`),
  moreComments: (n) => (n === 1 ? 'Voir le commentaire précédent' : `Voir les ${n.toLocaleString('fr')} commentaires précédents`),
  team: 'L’équipe',
  someone: 'Un participant',
  noIdeas: 'Aucune idée pour l’instant : proposez la première.',
  next: 'Idées suivantes',
  previous: 'Idées précédentes',
  closed: 'Cette campagne est close : elle ne prend plus d’idées ni de votes.',
  vote: 'Voter',
  voted: 'Voté ✓ (retirer)',
  signUpToVote: 'Inscrivez-vous pour voter',
  joinTitle: 'Participer',
  joinIntro: 'Inscrivez-vous pour proposer vos idées et voter pour celles qui vous plaisent. Nous vous envoyons un lien pour confirmer votre adresse.',
  name: 'Votre nom',
  email: 'E-mail',
  password: 'Mot de passe',
  passwordHint: 'Au moins 10 caractères.',
  showName: 'Afficher mon nom avec mes idées et mes commentaires, et au palmarès',
  honeypot: 'Laissez ce champ vide',
  signUp: 'M’inscrire',
  signUpSent: 'Consultez vos e-mails : ouvrez le lien envoyé pour confirmer votre adresse. Rien n’est publié avant.',
  haveAccount: 'Déjà inscrit ? Connectez-vous',
  signIn: 'Me connecter',
  signedInAs: (name) => `Connecté : ${name}`,
  signOut: 'Me déconnecter',
  proposeTitle: 'Proposer une idée',
  ideaTitle: 'Titre',
  ideaTitleHint: 'De 3 à 120 caractères.',
  ideaText: 'Votre idée',
  ideaTextHint: 'Jusqu’à 1 000 caractères.',
  rubric: 'Rubrique',
  photo: 'Photo (facultative)',
  photoHint: 'JPEG, PNG ou WebP.',
  photoChoose: 'Choisir une photo',
  photoNone: 'Aucune photo choisie',
  propose: 'Proposer',
  proposed: 'Merci : votre idée est publiée.',
  confirming: 'Confirmation de votre adresse…',
  confirmed: 'Votre adresse est confirmée : vous pouvez proposer des idées et voter.',
  errors: {
    link_used: 'Ce lien a déjà servi : connectez-vous.',
    link_expired: 'Ce lien a expiré : inscrivez-vous à nouveau.',
    not_found: 'Ce lien ou cette page n’existe pas.',
    rate_limited: 'Trop de tentatives : réessayez un peu plus tard.',
    invalid_credentials: 'E-mail ou mot de passe incorrect.',
    address_taken: 'Cette adresse a déjà un compte : connectez-vous.',
    validation_failed: 'Vérifiez les champs : il manque quelque chose, ou c’est trop long.',
    payload_too_large: 'La photo est trop lourde.',
    unsupported_media_type: 'La photo doit être une image JPEG, PNG ou WebP.',
    conflict: 'Cette campagne ne prend plus d’idées ni de votes, ou c’est déjà fait.',
    forbidden: 'Vous ne pouvez pas faire cela (on ne vote pas pour sa propre idée).',
    unauthenticated: 'Votre session a pris fin : connectez-vous à nouveau.',
    other: 'Une erreur est survenue : réessayez.',
  },
  checkField: 'Vérifiez ce champ.',
  poweredBy: 'Une campagne d’idées sur Conclave',
};

export const pageTexts: Record<PageLanguage, PageTexts> = { en, fr };

/** The page's language: `?lang=` first, then the browser's first fr/en preference, then the organisation's. */
export function pageLanguage(asked: string | null, acceptLanguage: string | undefined, fallback: PageLanguage): PageLanguage {
  if (asked === 'fr' || asked === 'en') return asked;
  for (const part of (acceptLanguage ?? '').split(',').slice(0, 20)) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return fallback;
}
