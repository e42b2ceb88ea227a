import { describe, expect, it } from 'vitest';
import { gsmSafe } from '#core/sms/gsm-safe';
import { isReservedKeyword, readReply } from '#core/sms/keywords';
import { composeSms } from '#core/sms/compose';

describe('readReply', () => {
  it.each(['STOP', 'stop', ' Stop. ', 'ARRÊT', 'arret', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'])('"%s" opts out', (t) => {
    expect(readReply(t)).toEqual({ kind: 'stop' });
  });
  it('reads START, HELP, OK and one-letter choices', () => {
    expect(readReply('start')).toEqual({ kind: 'start' });
    expect(readReply('Aide')).toEqual({ kind: 'help' });
    expect(readReply('ok!')).toEqual({ kind: 'ack' });
    expect(readReply('Oui')).toEqual({ kind: 'ack' });
    expect(readReply('b')).toEqual({ kind: 'choice', letter: 'B' });
    expect(readReply('C)')).toEqual({ kind: 'choice', letter: 'C' });
  });
  it('leaves sentences alone', () => {
    expect(readReply('Je ne peux pas stop')).toEqual({ kind: 'text' });
    expect(readReply('AB')).toEqual({ kind: 'text' });
  });
  it('flags the words that must not be answer keywords', () => {
    expect(isReservedKeyword('end')).toBe(true);
    expect(isReservedKeyword('A')).toBe(false);
  });
});

describe('gsmSafe', () => {
  it('rewrites typographic look-alikes and keeps the accents GSM-7 has', () => {
    const r = gsmSafe('L’équipe “Nord” – 9h… à Évry');
    expect(r.text).toBe('L\'équipe "Nord" - 9h... à Évry');
    expect(r.replaced.map((x) => x.from)).toEqual(['’', '“', '”', '–', '…']);
    expect(composeSms(r.text).encoding).toBe('GSM-7');
  });
  it('does not drop accents GSM-7 lacks', () => {
    expect(gsmSafe('fête').text).toBe('fête');
  });
});
