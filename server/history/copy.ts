import * as Y from 'yjs';

/**
 * Deep copies of shared values, for putting what a past document held into the live one:
 * a Yjs type belongs to one document, so its content is rebuilt as new, unintegrated
 * types (maps, arrays, texts with their formatting and embedded elements).
 */
export function copyValue(value: unknown): unknown {
  if (value instanceof Y.Map) return copyMap(value as Y.Map<unknown>);
  if (value instanceof Y.Array) return Y.Array.from((value as Y.Array<unknown>).toArray().map(copyValue) as never[]);
  if (value instanceof Y.XmlText) return copyXmlText(value);
  if (value instanceof Y.Text) {
    const text = new Y.Text();
    text.applyDelta(copyDelta(value.toDelta() as DeltaOp[]));
    return text;
  }
  return value;
}

function copyMap(map: Y.Map<unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  for (const [key, value] of map.entries()) copy.set(key, copyValue(value));
  return copy;
}

export function copyXmlText(text: Y.XmlText): Y.XmlText {
  const copy = new Y.XmlText();
  for (const [key, value] of Object.entries(text.getAttributes())) copy.setAttribute(key, value as string);
  copy.applyDelta(copyDelta(text.toDelta() as DeltaOp[]));
  return copy;
}

export interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

export function copyDelta(delta: DeltaOp[]): DeltaOp[] {
  return delta.map((op) => ({ ...op, insert: typeof op.insert === 'string' ? op.insert : copyValue(op.insert) }));
}

/** Whether two stored values hold the same content. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(asJson(a)) === JSON.stringify(asJson(b));
}

function asJson(value: unknown): unknown {
  if (value instanceof Y.XmlText) return { xml: value.toString(), attributes: value.getAttributes() };
  if (value instanceof Y.AbstractType) return (value as Y.AbstractType<unknown>).toJSON();
  return value;
}
