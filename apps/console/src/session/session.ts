/**
 * 会话: the access token lives in this module's memory only; the refresh token is an HttpOnly cookie the page cannot
 * read (set by the api at login, sent by the browser to /api/auth only). A reload restores the session by refreshing.
 */
export type Role = 'administrator' | 'unit_contact' | 'assessor' | 'jinhua_reviewer' | 'auditor';

export interface Person {
  readonly id: string;
  readonly role: Role;
  readonly unitId: string | null;
  readonly displayName: string;
  readonly username: string;
}

interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: string;
}

const NAME_KEY = 'qinglian.person';
/** The Web Locks name every tab of the console refreshes under. */
const REFRESH_LOCK = 'qinglian.refresh';
/** The 401 codes that mean the access token (or the session behind it) no longer holds. */
const SESSION_CODES = new Set(['UNAUTHENTICATED', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'SESSION_ENDED']);
type Listener = (person: Person | null, reason: 'login' | 'logout' | 'expired') => void;

class Session {
  private access: Tokens | null = null;
  private current: Person | null = null;
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<Listener>();

  get person(): Person | null {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(reason: 'login' | 'logout' | 'expired'): void {
    for (const listener of this.listeners) listener(this.current, reason);
  }

  /** Logs in; the refresh token stays in the cookie. Throws the api's answer when refused. */
  async login(username: string, password: string): Promise<Person> {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, refreshTokenIn: 'cookie' }),
    });
    const body = (await response.json()) as Tokens & { account: { id: string; role: Role; unitId: string | null; displayName: string; username: string } };
    if (!response.ok) throw Object.assign(new Error('login refused'), { status: response.status, body });
    this.access = body;
    const { id, role, unitId, displayName } = body.account;
    this.current = { id, role, unitId, displayName, username: body.account.username };
    sessionStorage.setItem(NAME_KEY, JSON.stringify({ displayName, username: body.account.username }));
    this.emit('login');
    return this.current;
  }

  /** After a reload: a new access token from the cookie, and who it belongs to; null when there is no session. */
  async restore(): Promise<Person | null> {
    if (!(await this.refresh())) return null;
    const response = await this.fetch(new Request('/api/auth/me'));
    if (!response.ok) return null;
    const me = (await response.json()) as { id: string; role: Role; unitId: string | null };
    const names = JSON.parse(sessionStorage.getItem(NAME_KEY) ?? '{}') as { displayName?: string; username?: string };
    this.current = { ...me, displayName: names.displayName ?? me.id, username: names.username ?? '' };
    return this.current;
  }

  async logout(): Promise<void> {
    await this.fetch(new Request('/api/auth/logout', { method: 'POST' })).catch(() => undefined);
    this.end('logout');
  }

  /** The session ended elsewhere (password changed, revoked, expired): back to the login page. */
  end(reason: 'logout' | 'expired'): void {
    this.access = null;
    this.current = null;
    sessionStorage.removeItem(NAME_KEY);
    this.emit(reason);
  }

  /**
   * One refresh at a time, however many requests found the access token expired, and across the person's tabs: each
   * refresh spends the cookie's token, and a spent token presented again (two tabs at once) would end the session.
   * Under the browser's lock, a tab that waited sends the cookie the first tab's refresh left.
   */
  private refresh(): Promise<boolean> {
    const renew = (): Promise<boolean> =>
      fetch('/api/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
        .then(async (response) => {
          if (!response.ok) return false;
          this.access = (await response.json()) as Tokens;
          return true;
        })
        .catch(() => false);
    this.refreshing ??= ('locks' in navigator ? navigator.locks.request(REFRESH_LOCK, renew) : renew()).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private authorised(request: Request): Request {
    const authorised = new Request(request);
    if (this.access) authorised.headers.set('authorization', `Bearer ${this.access.accessToken}`);
    return authorised;
  }

  /**
   * A request with the access token; when the token has expired, one refresh and one retry; else the session ends.
   * A 401 that is about something else (a wrong current password) is the answer itself, never retried.
   */
  async fetch(request: Request): Promise<Response> {
    const retry = request.clone();
    const response = await fetch(this.authorised(request));
    if (response.status !== 401 || request.url.includes('/api/auth/login')) return response;
    const { code } = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { code?: string };
    if (code !== undefined && !SESSION_CODES.has(code)) return response;
    if (await this.refresh()) return fetch(this.authorised(retry));
    if (this.current) this.end('expired');
    return response;
  }

  /** The header an upload sends (uploads go through XMLHttpRequest, for their progress). */
  authorization(): string | null {
    return this.access ? `Bearer ${this.access.accessToken}` : null;
  }
}

export const session = new Session();
