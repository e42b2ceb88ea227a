import type { Awareness } from 'y-protocols/awareness';
import { presentingKey } from '#core/files/presenting';

/**
 * A facilitator presents a file: their presence says which file and page everyone
 * following sees (the relay passes it on from facilitators only, SPEC A5).
 */
export function presentPage(awareness: Awareness, fileId: string, page: number) {
  awareness.setLocalStateField(presentingKey, { fileId, page });
}

/** Ends the presentation for everyone (leaving the activity ends it too). */
export function stopPresenting(awareness: Awareness) {
  awareness.setLocalStateField(presentingKey, null);
}
