/** A small client for the relay's HTTP API, for scripts (demo seeding, benchmarks) and tests. */
export class Api {
  constructor(
    readonly base: string,
    public token: string | null = null,
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
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
