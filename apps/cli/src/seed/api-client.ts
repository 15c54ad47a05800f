/** An answer of the api that is not a success: its status and body, so a caller can tell a refusal from a fault. */
export class ApiRefusal extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path}: ${status} ${body}`);
    this.name = 'ApiRefusal';
  }
}

/** A bearer token: an access token of a logged-in account, or an api token. */
export type Bearer = string;

/** A small JSON client of the running api for the CLI and the demo: each call names who makes it. */
export class ApiClient {
  /** The api's base URL ending in /api. */
  readonly base: string;

  constructor(api: string) {
    this.base = `${api.replace(/\/+$/, '').replace(/\/api$/, '')}/api`;
  }

  get<T>(path: string, as: Bearer): Promise<T> {
    return this.call<T>('GET', path, as);
  }

  post<T>(path: string, body: unknown, as: Bearer | null): Promise<T> {
    return this.call<T>('POST', path, as, body);
  }

  /** Logs in; the session's access token. */
  async login(username: string, password: string): Promise<{ accessToken: Bearer; accountId: string }> {
    const session = await this.post<{ accessToken: string; account: { id: string } }>('/auth/login', { username, password }, null);
    return { accessToken: session.accessToken, accountId: session.account.id };
  }

  /** Uploads a file to a case; the document's id (for a step's `documentIds`). */
  async upload(caseId: string, file: { readonly name: string; readonly type: string; readonly content: string }, as: Bearer): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([file.content], { type: file.type }), file.name);
    const path = `/cases/${caseId}/documents`;
    const response = await fetch(`${this.base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${as}` }, body: form });
    const text = await response.text();
    if (!response.ok) throw new ApiRefusal('POST', path, response.status, text);
    return (JSON.parse(text) as { id: string }).id;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, as: Bearer | null, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(as === null ? {} : { authorization: `Bearer ${as}` }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new ApiRefusal(method, path, response.status, text);
    return JSON.parse(text) as T;
  }
}
