import { describe, expect, it } from 'vitest';
import { renderMail } from '#core/mail/templates';

describe('e-mail templates', () => {
  const invitation = {
    inviterName: 'Fabien <script>alert(1)</script>',
    organization: 'Durand & fils',
    activityTitle: 'Move "Lyon"',
    link: 'http://relay.example/#/invite/abc',
    expiresAt: '2026-12-11T10:00:00Z',
    guest: true,
  };

  it('French and English, plain text as written and HTML escaped', () => {
    const fr = renderMail('invitation', 'fr', invitation);
    const en = renderMail('invitation', 'en', invitation);
    expect(fr.subject).toContain('vous invite');
    expect(en.subject).toContain('invites you');
    expect(fr.text).toContain('Fabien <script>alert(1)</script>');
    expect(fr.text).toContain('http://relay.example/#/invite/abc');
    expect(fr.text).toContain('11 décembre 2026');
    expect(en.text).toContain('11 December 2026');
    expect(fr.html).not.toContain('<script>');
    expect(fr.html).toContain('&lt;script&gt;');
    expect(en.html).toContain('Durand &amp; fils');
    expect(en.html).toContain('href="http://relay.example/#/invite/abc"');
  });

  it('a link that is not http(s) is left out; a subject never carries a line break', () => {
    const mail = renderMail('notification', 'en', { title: 'A\r\nBcc: x@y', lines: ['Hi'], link: 'javascript:alert(1)', linkLabel: 'Open', replyHint: 'ack' });
    expect(mail.subject).toBe('A Bcc: x@y');
    expect(mail.html).not.toContain('javascript:');
    expect(mail.text).toContain('Reply "OK"');
  });
});
