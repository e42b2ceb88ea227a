import type { PageLanguage } from './page-texts.ts';

/**
 * The words of comments on a published box's public page (renderer/campaign/comments.ts),
 * in English and French: reading an idea's comments, writing one, reporting one, and what
 * became of one's own (waiting for approval, hidden with the facilitators' reason).
 */
export interface CommentTexts {
  comment: string;
  signUpToComment: string;
  yourComment: string;
  yourCommentHint: string;
  send: string;
  cancel: string;
  you: string;
  published: string;
  pending: string;
  pendingMark: string;
  hiddenMark: (reason: string) => string;
  report: string;
  reportReason: string;
  reasons: Record<'spam' | 'offensive' | 'off_topic' | 'duplicate' | 'personal_data' | 'other', string>;
  sendReport: string;
  reported: string;
  loading: string;
  newsTitle: string;
  news: {
    commentHidden: (title: string, reason: string) => string;
    commentShown: (title: string) => string;
    commentApproved: (title: string) => string;
    ideaHidden: (title: string, reason: string) => string;
    ideaShown: (title: string) => string;
    ideaApproved: (title: string) => string;
    ideaStatus: (title: string, status: string) => string;
    ideaOther: (title: string) => string;
    reason: (reason: string) => string;
  };
  quote: (text: string) => string;
  errors: {
    empty: string;
    rate_limited: string;
    conflict: string;
    forbidden: string;
    reportConflict: string;
    reportLimited: string;
    reportOwn: string;
  };
}

const en: CommentTexts = {
  comment: 'Comment',
  signUpToComment: 'Sign up to comment',
  yourComment: 'Your comment',
  yourCommentHint: 'Up to 1,000 characters. Be courteous: the team may hide a comment, and tells its author why.',
  send: 'Send',
  cancel: 'Cancel',
  you: 'You',
  published: 'Thank you: your comment is published.',
  pending: 'Thank you: your comment waits for the team’s approval before it is shown to everyone.',
  pendingMark: 'Waiting for approval: only you and the team see it.',
  hiddenMark: (reason) => `Hidden by the team: the public no longer sees it. Their reason: ${reason}`,
  report: 'Report',
  reportReason: 'Why report this comment?',
  reasons: { spam: 'Spam', offensive: 'Offensive', off_topic: 'Off topic', duplicate: 'Duplicate', personal_data: 'Personal data', other: 'Other' },
  sendReport: 'Send the report',
  reported: 'Reported: the team will look at it.',
  loading: 'Loading…',
  newsTitle: 'What became of your contributions',
  news: {
    commentHidden: (title, reason) => `Your comment on “${title}” was hidden by the team. Their reason: ${reason}`,
    commentShown: (title) => `Your comment on “${title}” is visible again.`,
    commentApproved: (title) => `Your comment on “${title}” was approved: everyone sees it.`,
    ideaHidden: (title, reason) => `Your idea “${title}” was hidden by the team. Their reason: ${reason}`,
    ideaShown: (title) => `Your idea “${title}” is visible again.`,
    ideaApproved: (title) => `Your idea “${title}” was approved: everyone sees it.`,
    ideaStatus: (title, status) => `Your idea “${title}”: ${status}.`,
    ideaOther: (title) => `News of your idea “${title}”.`,
    reason: (reason) => `Reason: ${reason}`,
  },
  quote: (text) => `“${text}”`,
  errors: {
    empty: 'Write your comment first (up to 1,000 characters).',
    rate_limited: 'You have sent many comments in a short time: wait a while before the next one. Nothing was sent.',
    conflict: 'This idea takes no comments now (the campaign is closed, the idea was merged into another, or it holds as many comments as it can). Nothing was sent.',
    forbidden: 'You may not comment here.',
    reportConflict: 'You already reported this comment.',
    reportLimited: 'You have sent as many reports as a day allows: try again tomorrow.',
    reportOwn: 'You cannot report your own comment.',
  },
};

const fr: CommentTexts = {
  comment: 'Commenter',
  signUpToComment: 'Inscrivez-vous pour commenter',
  yourComment: 'Votre commentaire',
  yourCommentHint: 'Jusqu’à 1 000 caractères. Restez courtois : l’équipe peut masquer un commentaire, et en dit la raison à son auteur.',
  send: 'Envoyer',
  cancel: 'Annuler',
  you: 'Vous',
  published: 'Merci : votre commentaire est publié.',
  pending: 'Merci : votre commentaire attend l’accord de l’équipe avant d’être visible de tous.',
  pendingMark: 'En attente d’accord : seuls vous et l’équipe le voyez.',
  hiddenMark: (reason) => `Masqué par l’équipe : le public ne le voit plus. Sa raison : ${reason}`,
  report: 'Signaler',
  reportReason: 'Pourquoi signaler ce commentaire ?',
  reasons: { spam: 'Spam', offensive: 'Injurieux', off_topic: 'Hors sujet', duplicate: 'Doublon', personal_data: 'Données personnelles', other: 'Autre' },
  sendReport: 'Envoyer le signalement',
  reported: 'Signalé : l’équipe va le regarder.',
  loading: 'Chargement…',
  newsTitle: 'Ce que sont devenues vos contributions',
  news: {
    commentHidden: (title, reason) => `Votre commentaire sur « ${title} » a été masqué par l’équipe. Sa raison : ${reason}`,
    commentShown: (title) => `Votre commentaire sur « ${title} » est de nouveau visible.`,
    commentApproved: (title) => `Votre commentaire sur « ${title} » a été approuvé : tout le monde le voit.`,
    ideaHidden: (title, reason) => `Votre idée « ${title} » a été masquée par l’équipe. Sa raison : ${reason}`,
    ideaShown: (title) => `Votre idée « ${title} » est de nouveau visible.`,
    ideaApproved: (title) => `Votre idée « ${title} » a été approuvée : tout le monde la voit.`,
    ideaStatus: (title, status) => `Votre idée « ${title} » : ${status}.`,
    ideaOther: (title) => `Du nouveau pour votre idée « ${title} ».`,
    reason: (reason) => `Raison : ${reason}`,
  },
  quote: (text) => `« ${text} »`,
  errors: {
    empty: 'Écrivez d’abord votre commentaire (jusqu’à 1 000 caractères).',
    rate_limited: 'Vous avez envoyé beaucoup de commentaires en peu de temps : attendez un moment avant le suivant. Rien n’a été envoyé.',
    conflict: 'Cette idée ne prend pas de commentaire pour l’instant (la campagne est close, l’idée a été fusionnée avec une autre, ou elle en tient autant qu’elle peut). Rien n’a été envoyé.',
    forbidden: 'Vous ne pouvez pas commenter ici.',
    reportConflict: 'Vous avez déjà signalé ce commentaire.',
    reportLimited: 'Vous avez envoyé autant de signalements qu’une journée en permet : réessayez demain.',
    reportOwn: 'Vous ne pouvez pas signaler votre propre commentaire.',
  },
};

export const commentTexts: Record<PageLanguage, CommentTexts> = { en, fr };
