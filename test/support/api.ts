import { Api } from '../../scripts/lib/http-client.ts';

export { Api };

export const password = 'correct horse battery staple';

/** Sets up an organisation with an admin, and returns the admin's API. */
export async function setUpOrganisation(base: string) {
  const anon = new Api(base);
  const { token } = await anon.ok<{ token: string }>('POST', '/api/setup', {
    organization: 'Maison Durand',
    name: 'Alice Durand',
    email: 'alice@durand.example',
    password,
  });
  return anon.as(token);
}

export async function addPerson(admin: Api, name: string, role: 'admin' | 'member' = 'member') {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@durand.example`;
  const { id } = await admin.ok<{ id: string }>('POST', '/api/users', { name, email, password, role });
  const { token } = await new Api(admin.base).ok<{ token: string }>('POST', '/api/session', { email, password });
  return { id, api: admin.as(token) };
}
