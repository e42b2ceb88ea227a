import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addComment } from '#core/doc/comments';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import type { Quadrant } from '#core/methods/swot';
import type { Api } from '../lib/http-client.ts';

const board: [Quadrant, string][] = [
  ['strengths', 'Clientèle fidèle déjà présente à Lyon (12 % des commandes en ligne)'],
  ['strengths', 'Équipe de Villeurbanne prête à encadrer le lancement'],
  ['weaknesses', 'Aucune expérience des centres commerciaux'],
  ['weaknesses', 'Stock régional limité : livraisons depuis Paris'],
  ['opportunities', 'Rénovation de Part-Dieu : +20 % de fréquentation attendue'],
  ['opportunities', 'Concurrent principal ferme son magasin de la Presqu’île'],
  ['threats', 'Loyer indexé sur neuf ans'],
  ['threats', 'Travaux du quartier jusqu’à l’automne 2027'],
];

/** A comment body as the client's editor stores it (Lexical's serialised state), from plain text. */
function plainBody(text: string): string {
  const textNode = { detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 };
  const paragraph = { children: [textNode], direction: 'ltr', format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '' };
  return JSON.stringify({ root: { children: [paragraph], direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } });
}

function open(api: Api, activityId: string, doc: Y.Doc) {
  return api
    .ok<{ url: string; room: string; ticket: string }>('POST', `/api/activities/${activityId}/sync-ticket`)
    .then(
      (t) =>
        new WebsocketProvider(t.url, t.room, doc, {
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          params: { ticket: t.ticket },
          disableBc: true,
        }),
    );
}

function until(check: () => boolean, what: string) {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() - started > 15_000) reject(new Error(`demo seeding: timed out waiting for ${what}`));
      else setTimeout(tick, 25);
    };
    tick();
  });
}

/** Fills the activity's SWOT board and comments over the relay, and waits until it holds them. */
export async function writeDocument(api: Api, activityId: string, author: { id: string; name: string }) {
  const doc = new Y.Doc();
  const provider = await open(api, activityId, doc);
  await until(() => provider.synced, 'sync');
  const start = Date.now() - 3 * 3_600_000;
  board.forEach(([quadrant, text], i) =>
    addSwotItem(doc, { id: `demo-swot-${i}`, quadrant, text, author, at: new Date(start + i * 60_000) }),
  );
  addComment(doc, {
    id: 'demo-comment-1',
    author,
    at: new Date(start + 30 * 60_000),
    body: plainBody('Merci de compléter le tableau avant jeudi : nous votons vendredi.'),
    text: 'Merci de compléter le tableau avant jeudi : nous votons vendredi.',
    mentions: [],
  });

  // A second reader proves the relay has committed everything before we return.
  const check = new Y.Doc();
  const reader = await open(api, activityId, check);
  await until(() => readSwotItems(check).length >= board.length, 'the board to be stored');
  reader.destroy();
  provider.destroy();
}
