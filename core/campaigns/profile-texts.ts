import type { PageLanguage } from './page-texts.ts';

/**
 * The words of a participant's own profile on a campaign's public page (written by the
 * relay, server/campaigns/page-profile.ts, and driven by renderer/campaign/profile.ts), in
 * English and French.
 */
export interface ProfileTexts {
  open: string;
  title: string;
  intro: string;
  name: string;
  namedPublicly: string;
  namedPubliclyHint: string;
  emailAnswers: string;
  smsAnswers: string;
  smsHint: string;
  save: string;
  saved: string;
  emailTitle: string;
  newEmail: string;
  emailPassword: string;
  emailButton: string;
  emailSent: (address: string) => string;
  emailChanged: (address: string) => string;
  exportTitle: string;
  exportIntro: string;
  exportButton: string;
  exported: string;
  eraseTitle: string;
  eraseIntro: string;
  erasePassword: string;
  eraseButton: string;
  erased: string;
}

const en: ProfileTexts = {
  open: 'My profile',
  title: 'My profile',
  intro: 'What this campaign knows of you, and what you let it do.',
  name: 'Name shown',
  namedPublicly: 'Show my name with my ideas and comments, and in the hall of fame',
  namedPubliclyHint: 'Unticked, you appear as “a participant”.',
  emailAnswers: 'E-mail me the answers to my ideas',
  smsAnswers: 'Text me the answers to my ideas (if I gave a number)',
  smsHint: 'You can answer STOP to any SMS.',
  save: 'Save my profile',
  saved: 'Your profile is saved.',
  emailTitle: 'My e-mail address',
  newEmail: 'New address',
  emailPassword: 'Your password',
  emailButton: 'Change my address',
  emailSent: (address) => `Open the link we sent to ${address}: your address changes then.`,
  emailChanged: (address) => `Your address is now ${address}.`,
  exportTitle: 'My data',
  exportIntro: 'Download everything the campaign holds about you, as a JSON file.',
  exportButton: 'Download my data',
  exported: 'Your data is downloaded.',
  eraseTitle: 'Erase my account',
  eraseIntro: 'Your name, address and password are erased at once; your ideas and votes stay, without your name. This cannot be undone.',
  erasePassword: 'Your password, to confirm',
  eraseButton: 'Erase my account for good',
  erased: 'Your account is erased. Thank you for taking part.',
};

const fr: ProfileTexts = {
  open: 'Mon profil',
  title: 'Mon profil',
  intro: 'Ce que cette campagne sait de vous, et ce que vous lui permettez.',
  name: 'Nom affiché',
  namedPublicly: 'Afficher mon nom avec mes idées et mes commentaires, et au palmarès',
  namedPubliclyHint: 'Décoché, vous apparaissez comme « un participant ».',
  emailAnswers: 'Recevoir par e-mail les réponses à mes idées',
  smsAnswers: 'Recevoir par SMS les réponses à mes idées (si j’ai donné un numéro)',
  smsHint: 'Vous pouvez répondre STOP à tout SMS.',
  save: 'Enregistrer mon profil',
  saved: 'Votre profil est enregistré.',
  emailTitle: 'Mon adresse e-mail',
  newEmail: 'Nouvelle adresse',
  emailPassword: 'Votre mot de passe',
  emailButton: 'Changer mon adresse',
  emailSent: (address) => `Ouvrez le lien envoyé à ${address} : votre adresse change alors.`,
  emailChanged: (address) => `Votre adresse est désormais ${address}.`,
  exportTitle: 'Mes données',
  exportIntro: 'Téléchargez tout ce que la campagne détient sur vous, en fichier JSON.',
  exportButton: 'Télécharger mes données',
  exported: 'Vos données sont téléchargées.',
  eraseTitle: 'Effacer mon compte',
  eraseIntro: 'Votre nom, votre adresse et votre mot de passe sont effacés aussitôt ; vos idées et vos votes restent, sans votre nom. C’est définitif.',
  erasePassword: 'Votre mot de passe, pour confirmer',
  eraseButton: 'Effacer mon compte définitivement',
  erased: 'Votre compte est effacé. Merci d’avoir participé.',
};

export const profileTexts: Record<PageLanguage, ProfileTexts> = { en, fr };
