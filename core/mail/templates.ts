import { layout, type MailBlock, type RenderedMail } from './html.ts';

/** Languages e-mails are written in; anything else reads English. */
export type MailLanguage = 'fr' | 'en';
export const mailLanguage = (lang: string | null | undefined): MailLanguage => (lang === 'fr' ? 'fr' : 'en');

/** Every e-mail the relay writes, with what it needs. One registry: a new kind is one entry. */
export interface MailTemplates {
  invitation: { inviterName: string; organization: string; activityTitle: string | null; link: string; expiresAt: string; guest: boolean };
  'password-reset': { name: string; link: string; minutes: number };
  'email-change': { name: string; link: string; newEmail: string };
  'email-changed': { name: string; newEmail: string };
  notification: { title: string; lines: string[]; link: string | null; linkLabel: string | null; replyHint: 'ack' | 'comment' | null };
  digest: { name: string; items: { title: string; line: string; link: string | null }[] };
  test: { organization: string };
  'signup-confirm': { name: string; organization: string; link: string; hours: number };
  /** A public participant's sign-up on a published idea box (core/api/campaigns.ts). */
  'campaign-confirm': { name: string; campaign: string; link: string; hours: number };
  /** The same sign-up for an address that already has an account: nothing new is made. */
  'campaign-existing': { campaign: string; link: string };
}
export type MailTemplate = keyof MailTemplates;

type Writers = { [K in MailTemplate]: (p: MailTemplates[K], date: (iso: string) => string) => { subject: string; blocks: MailBlock[] } };

const fr: Writers = {
  invitation: (p, date) => ({
    subject: p.activityTitle ? `${p.inviterName} vous invite à « ${p.activityTitle} »` : `${p.inviterName} vous invite à rejoindre ${p.organization} sur Conclave`,
    blocks: [
      { p: 'Bonjour,' },
      {
        p: p.activityTitle
          ? `${p.inviterName} (${p.organization}) vous invite à participer à l'activité « ${p.activityTitle} » sur Conclave${p.guest ? ', en tant qu’invité : vous ne verrez que cette activité' : ''}.`
          : `${p.inviterName} vous invite à rejoindre ${p.organization} sur Conclave.`,
      },
      { link: p.link, label: 'Accepter l’invitation' },
      { small: `Ce lien ne sert qu’une fois et expire le ${date(p.expiresAt)}. Si vous n’attendiez pas cette invitation, ignorez ce message.` },
    ],
  }),
  'password-reset': (p) => ({
    subject: 'Choisir un nouveau mot de passe Conclave',
    blocks: [
      { p: `Bonjour ${p.name},` },
      { p: 'Quelqu’un (vous, sans doute) a demandé à changer le mot de passe de votre compte Conclave.' },
      { link: p.link, label: 'Choisir un nouveau mot de passe' },
      { small: `Ce lien ne sert qu’une fois et expire dans ${p.minutes} minutes. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.` },
    ],
  }),
  'email-change': (p) => ({
    subject: 'Confirmer votre nouvelle adresse e-mail',
    blocks: [
      { p: `Bonjour ${p.name},` },
      { p: `Confirmez que ${p.newEmail} est bien votre nouvelle adresse pour Conclave.` },
      { link: p.link, label: 'Confirmer cette adresse' },
      { small: 'Si vous n’avez rien demandé, ignorez ce message.' },
    ],
  }),
  'email-changed': (p) => ({
    subject: 'Votre adresse e-mail Conclave a changé',
    blocks: [
      { p: `Bonjour ${p.name},` },
      { p: `Votre compte Conclave utilise désormais l’adresse ${p.newEmail}. Si ce n’est pas vous, prévenez votre administrateur.` },
    ],
  }),
  notification: (p) => ({
    subject: p.title,
    blocks: [
      ...p.lines.map((line) => ({ p: line })),
      ...(p.link ? [{ link: p.link, label: p.linkLabel ?? 'Ouvrir dans Conclave' }] : []),
      ...(p.replyHint === 'ack' ? [{ small: 'Répondez « OK » à ce message pour en accuser réception, ou écrivez votre réponse : elle sera ajoutée à l’activité comme votre commentaire.' }] : []),
      ...(p.replyHint === 'comment' ? [{ small: 'Répondez à ce message pour ajouter un commentaire à l’activité.' }] : []),
      { small: 'Vous recevez ce message selon vos préférences de notification dans Conclave.' },
    ],
  }),
  digest: (p) => ({
    subject: `Conclave : ${p.items.length} nouveauté${p.items.length > 1 ? 's' : ''}`,
    blocks: [
      { p: `Bonjour ${p.name}, voici ce qui s’est passé depuis hier :` },
      ...p.items.flatMap((item): MailBlock[] => [{ p: `${item.title}\n${item.line}` }, ...(item.link ? [{ link: item.link, label: 'Ouvrir' }] : [])]),
    ],
  }),
  'signup-confirm': (p) => ({
    subject: `Confirmez votre adresse pour ${p.organization} sur Conclave`,
    blocks: [
      { p: `Bonjour ${p.name},` },
      { p: `Vous venez d’inscrire ${p.organization} sur Conclave. Confirmez votre adresse pour pouvoir inviter d’autres personnes.` },
      { link: p.link, label: 'Confirmer mon adresse' },
      { small: `Ce lien ne sert qu’une fois et expire dans ${p.hours} heures. Si vous n’avez rien demandé, ignorez ce message.` },
    ],
  }),
  'campaign-confirm': (p) => ({
    subject: `Confirmez votre inscription à « ${p.campaign} »`,
    blocks: [
      { p: `Bonjour ${p.name},` },
      { p: `Vous vous êtes inscrit pour participer à « ${p.campaign} ». Confirmez votre adresse : vous pourrez ensuite proposer des idées et voter. Rien n’est publié avant.` },
      { link: p.link, label: 'Confirmer mon adresse' },
      { small: `Ce lien ne sert qu’une fois et expire dans ${p.hours} heures. Si vous n’avez rien demandé, ignorez ce message : aucun compte n’est créé.` },
    ],
  }),
  'campaign-existing': (p) => ({
    subject: `Votre inscription à « ${p.campaign} »`,
    blocks: [
      { p: 'Bonjour,' },
      { p: `Quelqu’un (vous, sans doute) a demandé à s’inscrire à « ${p.campaign} » avec cette adresse, qui a déjà un compte. Connectez-vous avec votre mot de passe habituel ; si vous l’avez oublié, demandez-en un nouveau.` },
      { link: p.link, label: 'Ouvrir la campagne' },
      { small: 'Si vous n’avez rien demandé, ignorez ce message : rien ne change.' },
    ],
  }),
  test: (p) => ({
    subject: 'Conclave : e-mail de test',
    blocks: [{ p: `Cet e-mail de test confirme que Conclave peut écrire aux personnes de ${p.organization}.` }],
  }),
};

const en: Writers = {
  invitation: (p, date) => ({
    subject: p.activityTitle ? `${p.inviterName} invites you to "${p.activityTitle}"` : `${p.inviterName} invites you to join ${p.organization} on Conclave`,
    blocks: [
      { p: 'Hello,' },
      {
        p: p.activityTitle
          ? `${p.inviterName} (${p.organization}) invites you to take part in "${p.activityTitle}" on Conclave${p.guest ? ', as a guest: you will see this activity only' : ''}.`
          : `${p.inviterName} invites you to join ${p.organization} on Conclave.`,
      },
      { link: p.link, label: 'Accept the invitation' },
      { small: `This link works once and expires on ${date(p.expiresAt)}. If you did not expect this invitation, ignore this message.` },
    ],
  }),
  'password-reset': (p) => ({
    subject: 'Choose a new Conclave password',
    blocks: [
      { p: `Hello ${p.name},` },
      { p: 'Someone (probably you) asked to change the password of your Conclave account.' },
      { link: p.link, label: 'Choose a new password' },
      { small: `This link works once and expires in ${p.minutes} minutes. If you did not ask, ignore this message: your password stays as it is.` },
    ],
  }),
  'email-change': (p) => ({
    subject: 'Confirm your new e-mail address',
    blocks: [
      { p: `Hello ${p.name},` },
      { p: `Confirm that ${p.newEmail} is your new address for Conclave.` },
      { link: p.link, label: 'Confirm this address' },
      { small: 'If you did not ask for this, ignore this message.' },
    ],
  }),
  'email-changed': (p) => ({
    subject: 'Your Conclave e-mail address changed',
    blocks: [
      { p: `Hello ${p.name},` },
      { p: `Your Conclave account now uses ${p.newEmail}. If this was not you, tell your administrator.` },
    ],
  }),
  notification: (p) => ({
    subject: p.title,
    blocks: [
      ...p.lines.map((line) => ({ p: line })),
      ...(p.link ? [{ link: p.link, label: p.linkLabel ?? 'Open in Conclave' }] : []),
      ...(p.replyHint === 'ack' ? [{ small: 'Reply "OK" to this message to acknowledge it, or write your answer: it is added to the activity as your comment.' }] : []),
      ...(p.replyHint === 'comment' ? [{ small: 'Reply to this message to add a comment to the activity.' }] : []),
      { small: 'You get this message because of your notification preferences in Conclave.' },
    ],
  }),
  digest: (p) => ({
    subject: `Conclave: ${p.items.length} new item${p.items.length > 1 ? 's' : ''}`,
    blocks: [
      { p: `Hello ${p.name}, here is what happened since yesterday:` },
      ...p.items.flatMap((item): MailBlock[] => [{ p: `${item.title}\n${item.line}` }, ...(item.link ? [{ link: item.link, label: 'Open' }] : [])]),
    ],
  }),
  'signup-confirm': (p) => ({
    subject: `Confirm your address for ${p.organization} on Conclave`,
    blocks: [
      { p: `Hello ${p.name},` },
      { p: `You just signed ${p.organization} up on Conclave. Confirm your address to be able to invite other people.` },
      { link: p.link, label: 'Confirm my address' },
      { small: `This link works once and expires in ${p.hours} hours. If you did not ask for this, ignore this message.` },
    ],
  }),
  'campaign-confirm': (p) => ({
    subject: `Confirm your sign-up to "${p.campaign}"`,
    blocks: [
      { p: `Hello ${p.name},` },
      { p: `You signed up to take part in "${p.campaign}". Confirm your address: then you may propose ideas and vote. Nothing is published before.` },
      { link: p.link, label: 'Confirm my address' },
      { small: `This link works once and expires in ${p.hours} hours. If you did not ask for this, ignore this message: no account is made.` },
    ],
  }),
  'campaign-existing': (p) => ({
    subject: `Your sign-up to "${p.campaign}"`,
    blocks: [
      { p: 'Hello,' },
      { p: `Someone (you, most likely) asked to sign up to "${p.campaign}" with this address, which already has an account. Sign in with your usual password; if you forgot it, ask for a new one.` },
      { link: p.link, label: 'Open the campaign' },
      { small: 'If you did not ask for this, ignore this message: nothing changes.' },
    ],
  }),
  test: (p) => ({
    subject: 'Conclave: test e-mail',
    blocks: [{ p: `This test e-mail confirms that Conclave can write to the people of ${p.organization}.` }],
  }),
};

const writers: Record<MailLanguage, Writers> = { fr, en };

/** Writes an e-mail of `template` in `lang`, as escaped HTML and plain text. */
export function renderMail<K extends MailTemplate>(template: K, lang: MailLanguage, params: MailTemplates[K]): RenderedMail {
  const date = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  const write = writers[lang][template] as (p: MailTemplates[K], d: (iso: string) => string) => { subject: string; blocks: MailBlock[] };
  const { subject, blocks } = write(params, date);
  return layout(subject, lang, blocks);
}
