import type { Awareness } from 'y-protocols/awareness';

/** Tells the others which item (or comment) we are editing; null when done. */
export function setEditing(awareness: Awareness, itemId: string | null) {
  awareness.setLocalStateField('editing', itemId);
}
