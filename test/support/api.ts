/** A small typed client for the relay's HTTP API, as tests use it. */
export class Api {
  constructor(
    readonly base: string,
    public token: string | null = null,
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Like call, but throws unless the status is 2xx. */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, body: out } = await this.call<T>(method, path, body);
    if (status < 200 || status >= 300) throw new Error(`${method} ${path} → ${status} ${JSON.stringify(out)}`);
    return out;
  }

  as(token: string) {
    return new Api(this.base, token);
  }
}

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
