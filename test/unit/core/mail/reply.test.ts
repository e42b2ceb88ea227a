import { describe, expect, it } from 'vitest';
import { isAcknowledgement, replyText } from '#core/mail/reply';

describe('replies to notification e-mails', () => {
  it('keeps what the person wrote, not the quoted message nor the signature', () => {
    const body = [
      'Fine by me, but ask Lyon first.',
      '',
      'Chloe',
      '',
      'On Tue, 1 Dec 2026 at 15:00, Conclave <conclave@durand.example> wrote:',
      '> Decision: Lyon office',
      '> We move to the Part-Dieu tower.',
    ].join('\r\n');
    expect(replyText(body)).toBe('Fine by me, but ask Lyon first.\n\nChloe');
    expect(replyText('Oui.\n\nLe mar. 1 déc. 2026 à 15:00, Conclave <c@d.example> a écrit :\n> Décision')).toBe('Oui.');
    expect(replyText('Agreed\n-- \nChloe Martin\nDurand SA')).toBe('Agreed');
    expect(replyText('Agreed\n-----Original Message-----\nFrom: Conclave')).toBe('Agreed');
    expect(replyText('> only quoted\n> text')).toBe('');
    expect(replyText('a\u202Eb\u0000c')).toBe('abc');
    expect(replyText('x'.repeat(10_000), 100)).toHaveLength(100);
  });

  it('reads "OK" alone as an acknowledgement, and nothing else', () => {
    for (const yes of ['OK', 'ok', 'Ok.', 'okay!', "d'accord", ' OK ']) expect(isAcknowledgement(yes)).toBe(true);
    for (const no of ['OK but not the tower', 'not ok', 'K', '', 'OKAYYY', 'ok ok']) expect(isAcknowledgement(no)).toBe(false);
  });
});
