/**
 * What an incoming SMS says, read the way operators and members expect. The STOP
 * words are those French and international operators honour; an answer keyword must
 * never be one of them (`isReservedKeyword` lets senders check their choices).
 */
export const stopWords = ['STOP', 'ARRET', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'] as const;
export const startWords = ['START', 'UNSTOP'] as const;
export const helpWords = ['HELP', 'AIDE', 'INFO'] as const;
const ackWords = ['OK', 'OKAY', 'OUI', 'D\'ACCORD', 'DACCORD', 'VU', 'LU', 'BIEN RECU', 'ACK'];

export type ReadReply =
  | { kind: 'stop' }
  | { kind: 'start' }
  | { kind: 'help' }
  | { kind: 'ack' }
  | { kind: 'choice'; letter: string }
  | { kind: 'text' };

/** Upper case, accents and punctuation around it removed, inner spaces collapsed. */
export function normalizeKeyword(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[\s.!?,;:)(\]["«»]+$/u, '')
    .replace(/^[\s.!?,;:)(\]["«»]+/u, '')
    .replace(/\s+/g, ' ');
}

export function readReply(text: string): ReadReply {
  const word = normalizeKeyword(text);
  if ((stopWords as readonly string[]).includes(word)) return { kind: 'stop' };
  if ((startWords as readonly string[]).includes(word)) return { kind: 'start' };
  if ((helpWords as readonly string[]).includes(word)) return { kind: 'help' };
  if (ackWords.includes(word)) return { kind: 'ack' };
  const choice = /^([A-Z])(?:\)|\.)?$/.exec(word);
  if (choice?.[1]) return { kind: 'choice', letter: choice[1] };
  return { kind: 'text' };
}

/** True for words that must not be offered as answers (they would unsubscribe people). */
export function isReservedKeyword(word: string): boolean {
  const w = normalizeKeyword(word);
  return [...stopWords, ...startWords, ...helpWords].some((k) => k === w);
}
