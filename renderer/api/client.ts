import type { z } from 'zod';
import type { ApiErrorBody, ErrorCode, PlanLimitDetail, ValidationIssue } from '#core/api/errors';

/** A refusal from the relay (4xx/5xx), or `network` when it could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly issues: ValidationIssue[] = [],
    /** With a plan_limit refusal: which limit of which plan (worded by refusal-text.ts). */
    readonly planLimit: PlanLimitDetail | null = null,
  ) {
    super(message);
  }

  /** The message for one form field, if the relay named it. */
  issueFor(field: string): string | undefined {
    return this.issues.find((i) => i.path === field)?.message;
  }
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The relay's HTTP API, answers checked against core/api schemas. */
export class ApiClient {
  constructor(
    readonly base: string,
    private token: string | null,
    private readonly onUnauthenticated: () => void = () => undefined,
  ) {}

  get signedIn() {
    return this.token !== null;
  }

  async call<S extends z.ZodType>(method: Method, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', 'The relay cannot be reached.');
    }
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : {};
    if (!res.ok) {
      const err = (json as Partial<ApiErrorBody>).error;
      if (res.status === 401 && this.token) this.onUnauthenticated();
      throw new ApiError(res.status, err?.code ?? 'internal_error', err?.message ?? res.statusText, err?.issues ?? [], err?.planLimit ?? null);
    }
    return schema.parse(json);
  }

  /** A file the relay makes (an export), with the same credentials as `call`. */
  async blob(path: string): Promise<Blob> {
    return (await this.blobWithStatus(path)).blob;
  }

  /** The bytes at `path` with the status they came with (a 202 "not ready yet" among the successes). */
  async blobWithStatus(path: string): Promise<{ status: number; blob: Blob }> {
    let res: Response;
    try {
      res = await fetch(this.base + path, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
    } catch {
      throw new ApiError(0, 'network', 'The relay cannot be reached.');
    }
    if (!res.ok) {
      const err = ((await res.json().catch(() => ({}))) as Partial<ApiErrorBody>).error;
      throw new ApiError(res.status, err?.code ?? 'internal_error', err?.message ?? res.statusText);
    }
    return { status: res.status, blob: await res.blob() };
  }
}
