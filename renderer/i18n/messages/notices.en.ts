/** English wording of the notices bell and its panel; notices.fr.ts has the same keys (ICU messages). */
export const noticesEn = {
  'notices.button': 'Notices, {count, plural, other {# unread}}',
  'notices.buttonNone': 'Notices, none unread',
  'notices.arrived': 'New notice: {count, plural, other {# unread}}',
  'notices.title': 'Notices',
  'notices.none': 'Nothing new.',
  'notices.unread': 'Unread',
  'notices.markAll': 'Mark all as read',
  'notices.close': 'Close',
  'notices.decision.published': 'Decision published: {title}',
  'notices.decision.review_due': 'Time to review the decision: {title}',
  'notices.decision.rate': 'How did it turn out? Rate the decision: {title}',
  'notices.decision.other': 'Decision: {title}',
  'notices.figure.alert': 'Daily figures: {text}',
  'notices.failed': 'The notices could not be loaded.',
};
