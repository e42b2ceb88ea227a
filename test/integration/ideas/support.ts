import type { Api } from '../../support/api.ts';

/** Posts an idea as multipart/form-data, with a photo when given. */
export async function postIdeaForm(
  api: Api,
  activityId: string,
  fields: Record<string, string>,
  photo?: { bytes: Buffer; name: string; type: string },
): Promise<{ status: number; body: { id?: string; error?: { code: string; message: string } } }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (photo) form.append('photo', new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name);
  const res = await fetch(`${api.base}/api/activities/${activityId}/ideas`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string; message: string } } };
}

export async function getBytes(api: Api, urlPath: string) {
  const res = await fetch(api.base + urlPath, { headers: { authorization: `Bearer ${api.token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

