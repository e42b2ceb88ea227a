import * as Y from 'yjs';
import { addComment } from '#core/doc/comments';
import { addSwotItem } from '#core/doc/swot';
import { quadrants } from '#core/methods/swot';
import type { Api } from '../../test/support/api.ts';
import { connectClient, waitFor } from '../../test/support/sync-client.ts';

const words = 'lease footfall margin staff parking tourists rent suppliers delivery competition students brand'.split(' ');
const sentence = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');

/** A comment body as the composer writes it: Lexical JSON with one paragraph. */
function lexicalBody(text: string) {
  const textNode = { detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 };
  const paragraph = { children: [textNode], direction: 'ltr', format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '' };
  return JSON.stringify({ root: { children: [paragraph], direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } });
}

/**
 * Writes `items` SWOT items and `comments` comments (half threads, half replies) into an
 * activity through a stock y-websocket client, in batches the relay accepts, and waits
 * until a fresh client reads them all back from the relay.
 */
export async function fillActivity(api: Api, activityId: string, author: { id: string; name: string }, items: number, comments: number) {
  const client = await connectClient(api, activityId);
  await waitFor(() => client.provider.synced, 20_000, 'sync');
  const { doc } = client;
  const at = new Date('2026-11-20T09:00:00Z');
  const batch = 50;
  for (let start = 0; start < items; start += batch) {
    doc.transact(() => {
      for (let i = start; i < Math.min(items, start + batch); i++) {
        addSwotItem(doc, { id: `bench-item-${String(i).padStart(6, '0')}`, quadrant: quadrants[i % 4]!, text: sentence(i, 8), author, at });
      }
    });
    await new Promise((r) => setTimeout(r, 20));
  }
  const threads = Math.ceil(comments / 2);
  for (let start = 0; start < comments; start += batch) {
    doc.transact(() => {
      for (let i = start; i < Math.min(comments, start + batch); i++) {
        const isReply = i % 2 === 1;
        const text = sentence(i, 20);
        addComment(doc, {
          id: `bench-comment-${String(i).padStart(6, '0')}`,
          author,
          at: new Date(at.getTime() + i * 1000),
          parentId: isReply ? `bench-comment-${String(i - 1).padStart(6, '0')}` : null,
          body: lexicalBody(text),
          text,
          mentions: [],
        });
      }
    });
    await new Promise((r) => setTimeout(r, 20));
  }
  client.destroy();
  const check = await connectClient(api, activityId, new Y.Doc());
  await waitFor(() => check.provider.synced && check.doc.getArray('comments').length === comments, 60_000, 'relay holds everything');
  const bytes = Y.encodeStateAsUpdate(check.doc).length;
  check.destroy();
  return { threads, bytes };
}
