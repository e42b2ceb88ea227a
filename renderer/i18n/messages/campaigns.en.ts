/** English wording of publishing an idea box as a public campaign; campaigns.fr.ts has the same keys (ICU messages). */
export const campaignsEn = {
  'campaigns.open': 'Public campaign',
  'campaigns.title': 'Public campaign',
  'campaigns.hint': 'Published, this box can be read by anyone at its public address, without an account; strangers sign up there to propose ideas and vote. Their e-mail addresses are never shown; their names only if they agree.',
  'campaigns.slug': 'Public address',
  'campaigns.slugHint': 'Lower-case letters, digits and hyphens, e.g. si-j-etais-durand.',
  'campaigns.publish': 'Publish',
  'campaigns.published': 'Published at:',
  'campaigns.unpublish': 'Unpublish',
  'campaigns.unpublished': 'Not published: only the organisation sees this box.',
};
