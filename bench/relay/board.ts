import * as Y from 'yjs';

const words = 'open store Lyon spring margin footfall rent staff parking competitor forecast supplier delay risk team'.split(' ');

/** A deterministic pseudo-random sequence, so every run loads the same documents. */
function sequence(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

function phrase(next: () => number, n: number) {
  return Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ');
}

/**
 * The state of a plausible activity document, encoded: a SWOT board of 40 items with
 * votes, 40 comments, and notes typed and corrected in 2,000 keystrokes.
 */
export function boardTemplate(): Uint8Array {
  const next = sequence(42);
  const doc = new Y.Doc();
  const swot = new Y.Map<unknown>();
  doc.getMap('methods').set('swot', swot);
  for (const quadrant of ['strengths', 'weaknesses', 'opportunities', 'threats']) {
    const items = new Y.Array<Y.Map<unknown>>();
    swot.set(quadrant, items);
    for (let i = 0; i < 10; i++) {
      const item = new Y.Map<unknown>();
      items.push([item]);
      item.set('id', `${quadrant}-${i}`);
      item.set('text', phrase(next, 6));
      item.set('author', `person-${Math.floor(next() * 12)}`);
      item.set('votes', Math.floor(next() * 9));
    }
  }
  // Not under `comments`: the relay refuses a comment that does not name its sender (SPEC
  // W1), and this template is one update sent by every client alike.
  const comments = doc.getArray<Y.Map<unknown>>('discussion');
  for (let i = 0; i < 40; i++) {
    const c = new Y.Map<unknown>();
    comments.push([c]);
    c.set('author', `person-${Math.floor(next() * 12)}`);
    c.set('text', phrase(next, 12));
    c.set('at', 1_760_000_000_000 + i * 60_000);
  }
  const notes = doc.getText('notes');
  for (let i = 0; i < 2000; i++) {
    if (notes.length > 10 && next() < 0.15) notes.delete(Math.floor(next() * (notes.length - 1)), 1);
    else notes.insert(next() < 0.8 ? notes.length : Math.floor(next() * notes.length), String.fromCharCode(97 + Math.floor(next() * 26)));
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
