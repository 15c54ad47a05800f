import { expect, it } from '@jest/globals';
import { TEST_ADMIN } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';

/** The cookie a response sets, by name, as its attributes (lower-cased names). */
function cookieOf(response: Response, name: string): Record<string, string> | undefined {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  const value = pair.slice(name.length + 1);
  return Object.fromEntries([
    ['value', value],
    ...attributes.map((attribute): [string, string] => [attribute.split('=')[0]?.toLowerCase() ?? '', attribute.split('=')[1] ?? 'true']),
  ]);
}

describeOnEachDatabase('the console and its browser sessions', (suite) => {
  const origin = () => suite.stack.url.replace(/\/api$/, '');
  const login = (body: Record<string, unknown>) =>
    fetch(`${suite.stack.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const refresh = (headers: Record<string, string>, body: Record<string, unknown> = {}) =>
    fetch(`${suite.stack.url}/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('serves the console at / and its page for every path outside /api, under a CSP that allows only its own scripts', async () => {
    const page = await fetch(`${origin()}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const deep = await fetch(`${origin()}/cases/case%3Aany%3Aone`);
    expect([deep.status, await deep.text()]).toEqual([200, html]);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    const asset = await fetch(`${origin()}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${origin()}/assets/missing.js`)).status).toBe(404);
    const api = await fetch(`${suite.stack.url}/no-such-route`);
    expect([api.status, api.headers.get('content-type')]).toEqual([404, expect.stringContaining('application/json')]);
  });

  it('keeps a browser refresh token in an HttpOnly, SameSite=Strict cookie on /api/auth only, out of the JSON', async () => {
    const answer = await login({ ...TEST_ADMIN, refreshTokenIn: 'cookie' });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { accessToken: string; refreshToken?: string };
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.refreshToken).toBeUndefined();
    const cookie = cookieOf(answer, 'qinglian_refresh');
    expect(cookie).toMatchObject({ httponly: 'true', samesite: 'Strict', path: '/api/auth' });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.value).toMatch(/^qlr_/);

    // The cookie alone refreshes, and is replaced; the spent one is refused (rotation).
    const renewed = await refresh({ cookie: `qinglian_refresh=${cookie?.value ?? ''}` });
    expect(renewed.status).toBe(200);
    expect(((await renewed.json()) as { refreshToken?: string }).refreshToken).toBeUndefined();
    const next = cookieOf(renewed, 'qinglian_refresh');
    expect(next?.value).not.toBe(cookie?.value);
    const spent = await refresh({ cookie: `qinglian_refresh=${cookie?.value ?? ''}` });
    expect(spent.status).toBe(401);
    expect(cookieOf(spent, 'qinglian_refresh')?.expires).toContain('1970');
    expect((await refresh({})).status).toBe(400);

    // A spent token presented again ends the session: its replacement is refused too.
    expect((await refresh({ cookie: `qinglian_refresh=${next?.value ?? ''}` })).status).toBe(401);

    // Logging out clears the cookie.
    const access = ((await (await login({ ...TEST_ADMIN, refreshTokenIn: 'cookie' })).json()) as { accessToken: string }).accessToken;
    const out = await fetch(`${suite.stack.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${access}` } });
    expect(out.status).toBe(200);
    expect(cookieOf(out, 'qinglian_refresh')?.expires).toContain('1970');
  });

  it('keeps the JSON refresh for api clients, as before', async () => {
    const answer = await login({ ...TEST_ADMIN });
    const body = (await answer.json()) as { refreshToken: string };
    expect(body.refreshToken).toMatch(/^qlr_/);
    expect(cookieOf(answer, 'qinglian_refresh')).toBeUndefined();
    const renewed = await refresh({}, { refreshToken: body.refreshToken });
    expect(renewed.status).toBe(200);
    expect(((await renewed.json()) as { refreshToken: string }).refreshToken).toMatch(/^qlr_/);
    const refused = await login({ ...TEST_ADMIN, refreshTokenIn: 'header' });
    expect(refused.status).toBe(400);
  });
});
