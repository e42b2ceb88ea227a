/** English wording of an idea box's moderation, funnel, merging, study and recognition; idea-funnel.fr.ts has the same keys. */
export const ideaFunnelEn = {
  'ideas.notice.approved': 'Your idea "{title}" was approved and is visible to everyone',
  'ideas.notice.offTopic': 'Your idea "{title}" was moved off topic: {reason}',
  'ideas.notice.merged': 'The idea "{title}" was merged with "{other}": its votes count together',
  'ideas.notice.reward': 'Your idea "{title}" earned a reward: {reward}',
};
