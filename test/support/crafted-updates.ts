import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * The update's structs without its deleted ranges, as a crafted update may send them: a
 * value set under a map key still deletes the key's current value when Yjs integrates it.
 */
export function withoutDeletions(update: Uint8Array): Uint8Array {
  const groups = new Map<number, Y.Item[]>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = groups.get(struct.id.client) ?? [];
    groups.set(struct.id.client, [...list, struct]);
  }
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, groups.size);
  for (const [client, structs] of groups) {
    encoding.writeVarUint(encoder.restEncoder, structs.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, structs[0]!.id.clock);
    for (const struct of structs) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}
