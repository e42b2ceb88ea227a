import { describe, expect, it } from 'vitest';
import { intlFor } from '../../../../renderer/i18n/index.tsx';
import type { Translate } from '../../../../renderer/i18n/index.tsx';
import { ideaNoticeText, type IdeaNoticeFacts } from '../../../../renderer/notices/idea-notice-text.ts';
import { noticeText } from '../../../../renderer/notices/notice-text.ts';

const translate = (locale: 'en' | 'fr'): Translate => {
  const intl = intlFor(locale);
  return ((id: string, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as Record<string, string>)) as Translate;
};
const about = (over: Partial<IdeaNoticeFacts>): IdeaNoticeFacts => ({
  kind: 'hidden',
  title: 'Un coin goûter',
  status: null,
  reason: 'Restons courtois.',
  otherTitle: null,
  comment: null,
  ...over,
});

describe('an idea notice in words', () => {
  it('in the bell, about a hidden comment, speaks of the comment and gives the reason, not of the idea', () => {
    const common = { source: 'idea', id: 1, key: 'idea:1', href: '#/', at: '2026-12-06T20:00:00Z', read: false } as const;
    for (const locale of ['en', 'fr'] as const) {
      const t = translate(locale);
      const idea = noticeText(t, { ...common, ...about({}) });
      const comment = noticeText(t, { ...common, ...about({ comment: 'Idée nulle.' }) });
      expect(comment).not.toBe(idea);
      expect(comment).toMatch(locale === 'en' ? /^Your comment on “Un coin goûter” was hidden/ : /^Votre commentaire sur « Un coin goûter » a été masqué/);
      expect(comment).toContain('Restons courtois.');
      expect(idea).toMatch(locale === 'en' ? /^Your idea/ : /^Votre idée/);
    }
  });

  it('about a comment shown again or approved, speaks of the comment', () => {
    const t = translate('en');
    expect(ideaNoticeText(t, about({ kind: 'shown', reason: null, comment: 'x' }))).toBe('Your comment on “Un coin goûter” is visible again');
    expect(ideaNoticeText(t, about({ kind: 'approved', reason: null, comment: 'x' }))).toBe('Your comment on “Un coin goûter” was approved and is visible to everyone');
    expect(ideaNoticeText(t, about({ kind: 'approved', reason: null }))).toBe('Your idea "Un coin goûter" was approved and is visible to everyone');
  });
});
