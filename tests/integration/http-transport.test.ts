import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileHeader, sessionHeader, tokenCookieName, tokenHeader } from '../../electron/server/http-transport';
import { makeTempDir, office, openTempStore } from '../helpers/temp-store';
import { rawRequest, startTestServer, type RawResponse } from '../helpers/transports';

const indexHtml = '<!doctype html><title>报告台</title><div id="root"></div>';
const appScript = 'console.log("报告台");';
const secret = 'NOT FOR THE BROWSER';

/** A server on a seeded store, serving a small renderer folder that sits next to a file it must never serve. */
async function setUp(options: { bodyLimit?: number } = {}) {
  const { dispatcher } = await openTempStore({ seed: true });
  const site = await makeTempDir('reportdesk-site-');
  const rendererDir = path.join(site, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), indexHtml);
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), appScript);
  await writeFile(path.join(site, 'secret.txt'), secret);
  const transport = await startTestServer({ dispatcher, rendererDir, ...options });
  const host = `127.0.0.1:${transport.port}`;
  const auth = { [tokenHeader]: transport.token };
  const json = { 'content-type': 'application/json' };
  return { transport, host, auth, json, port: transport.port };
}

function expectRefusal(response: RawResponse, status: number, messagePart?: string | RegExp): void {
  expect(response.status, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json as { ok: boolean; error: { code: string; message: string } };
  expect(body.ok).toBe(false);
  expect(body.error.code).toEqual(expect.any(String));
  expect(body.error.message.length).toBeGreaterThan(4);
  if (messagePart) expect(body.error.message).toMatch(messagePart);
}

describe('HTTP transport: who may call', () => {
  it('refuses an API call without the token (401)', async () => {
    const { port, json } = await setUp();
    const response = await rawRequest({ port, method: 'POST', path: '/api/app:info', headers: json, body: '{}' });
    expectRefusal(response, 401, '令牌');
  });

  it('refuses a wrong token (401), including one of the right length', async () => {
    const { port, json, transport } = await setUp();
    const sameLength = transport.token.replace(/^./, (first) => (first === 'A' ? 'B' : 'A'));
    for (const token of ['wrong', sameLength]) {
      const response = await rawRequest({ port, method: 'POST', path: '/api/app:info', headers: { ...json, [tokenHeader]: token }, body: '{}' });
      expectRefusal(response, 401);
    }
  });

  it('refuses a page request without the token (401)', async () => {
    const { port } = await setUp();
    expectRefusal(await rawRequest({ port, path: '/' }), 401);
  });

  it('refuses a foreign Host header even with the token (421, DNS rebinding)', async () => {
    const { port, auth, json } = await setUp();
    const response = await rawRequest({
      port,
      method: 'POST',
      path: '/api/app:info',
      headers: { ...auth, ...json, host: `evil.example:${port}` },
      body: '{}',
    });
    expectRefusal(response, 421, 'evil.example');
  });

  it('accepts localhost as Host', async () => {
    const { port, auth, json } = await setUp();
    const response = await rawRequest({ port, method: 'POST', path: '/api/app:info', headers: { ...auth, ...json, host: `localhost:${port}` }, body: '{}' });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ok: true });
  });

  it('refuses a foreign Origin even with the token (403, cross-site request)', async () => {
    const { port, auth, json } = await setUp();
    for (const origin of ['https://evil.example', 'null', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`]) {
      const response = await rawRequest({ port, method: 'POST', path: '/api/app:info', headers: { ...auth, ...json, origin }, body: '{}' });
      expectRefusal(response, 403);
    }
  });

  it('accepts its own Origin', async () => {
    const { port, auth, json } = await setUp();
    const response = await rawRequest({
      port,
      method: 'POST',
      path: '/api/app:info',
      headers: { ...auth, ...json, origin: `http://127.0.0.1:${port}` },
      body: '{}',
    });
    expect(response.json).toMatchObject({ ok: true });
  });

  it('binds 127.0.0.1 only', async () => {
    const { transport, port } = await setUp();
    expect(transport.url).toBe(`http://127.0.0.1:${port}/`);
    // Other addresses of this machine: on Linux all of 127/8 is loopback, so 127.0.0.2 reaches this machine too.
    const elsewhere = process.platform === 'linux' ? ['127.0.0.2'] : [];
    for (const addresses of Object.values(os.networkInterfaces())) {
      for (const address of addresses ?? []) if (!address.internal && address.family === 'IPv4') elsewhere.push(address.address);
    }
    for (const host of elsewhere) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host, port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, `connection to ${host}:${port}`).not.toBe('connected');
    }
  });
});

describe('HTTP transport: what an API request must look like', () => {
  it('answers GET on /api with 405', async () => {
    const { port, auth } = await setUp();
    expectRefusal(await rawRequest({ port, path: '/api/app:info', headers: auth }), 405, 'POST');
  });

  it('refuses a body that is not declared as JSON (415)', async () => {
    const { port, auth } = await setUp();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await rawRequest({ port, method: 'POST', path: '/api/app:info', headers: { ...auth, 'content-type': type }, body: '{}' });
      expectRefusal(response, 415, 'application/json');
    }
    const none = await rawRequest({ port, method: 'POST', path: '/api/app:info', headers: auth, body: '{}' });
    expectRefusal(none, 415);
  });

  it('refuses a body over the limit (413), whether declared or streamed', async () => {
    const { port, auth, json } = await setUp({ bodyLimit: 1024 });
    const body = JSON.stringify({ name: 'x'.repeat(2000), role: 'manager', unit: '' });
    const declared = await rawRequest({ port, method: 'POST', path: '/api/profiles:create', headers: { ...auth, ...json }, body });
    expectRefusal(declared, 413, /1 KB|1024/);
    const streamed = await rawRequest({ port, method: 'POST', path: '/api/profiles:create', headers: { ...auth, ...json }, body, chunked: true });
    expectRefusal(streamed, 413);
    // Nothing was created.
    const profiles = await rawRequest({ port, method: 'POST', path: '/api/profiles:list', headers: { ...auth, ...json }, body: '{}' });
    expect((profiles.json as { value: unknown[] }).value).toHaveLength(3);
  });

  it('refuses a body that is not valid JSON (400)', async () => {
    const { port, auth, json } = await setUp();
    const response = await rawRequest({ port, method: 'POST', path: '/api/profiles:create', headers: { ...auth, ...json }, body: '{"name": "张' });
    expectRefusal(response, 400, 'JSON');
  });

  it('answers an unknown channel with not-found in the envelope', async () => {
    const { port, auth, json } = await setUp();
    const response = await rawRequest({ port, method: 'POST', path: '/api/reports:explode', headers: { ...auth, ...json }, body: '{}' });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a malformed escape in the channel name as a bad request, not an internal error', async () => {
    const { port, auth, json } = await setUp();
    const response = await rawRequest({ port, method: 'POST', path: '/api/%E0%A4%A', headers: { ...auth, ...json }, body: '{}' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('acts as the profile chosen in the session; a profile header naming another one is refused', async () => {
    const { port, auth, json } = await setUp();
    const call = (channel: string, headers: Record<string, string>, body = '{}') =>
      rawRequest({ port, method: 'POST', path: `/api/${channel}`, headers: { ...auth, ...json, ...headers }, body });
    const tab = { [sessionHeader]: 'tab-one-0123456789abcdef' };
    expect((await call('reports:list', tab)).json).toMatchObject({ ok: false, error: { code: 'no-profile' } });
    expect((await call('reports:list', { ...tab, [profileHeader]: office.manager })).json).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'session.noneActive' } });
    expect((await call('profiles:select', tab, JSON.stringify({ id: office.manager }))).json).toMatchObject({ ok: true });
    const listed = (await call('reports:list', { ...tab, [profileHeader]: office.manager })).json as { ok: true; value: { id: string }[] };
    expect(listed.value.map((item) => item.id)).toEqual([office.draft, office.submitted]);
    expect((await call('reports:list', { ...tab, [profileHeader]: 'nobody-here' })).json).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'session.notActive' } });
    expect((await call('profiles:select', tab, JSON.stringify({ id: 'nobody-here' }))).json).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A malformed session id is refused as a bad request.
    expect((await call('reports:list', { [sessionHeader]: 'bad id!' })).status).toBe(400);
  });
});

describe('HTTP transport: the browser entry and static files', () => {
  it('turns ?token= into an HttpOnly SameSite=Strict cookie and redirects to a clean URL', async () => {
    const { port, host, transport } = await setUp();
    const entry = await rawRequest({ port, path: `/?token=${transport.token}`, headers: { host } });
    expect(entry.status).toBe(303);
    expect(entry.headers.location).toBe('/');
    const cookie = entry.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toContain(`${tokenCookieName(port)}=${transport.token}`);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);

    const sent = { cookie: `${tokenCookieName(port)}=${transport.token}` };
    const page = await rawRequest({ port, path: '/', headers: sent });
    expect(page.status).toBe(200);
    expect(page.body).toBe(indexHtml);
    const api = await rawRequest({ port, method: 'POST', path: '/api/app:info', headers: { ...sent, 'content-type': 'application/json' }, body: '{}' });
    expect(api.json).toMatchObject({ ok: true });
  });

  it('does not set a cookie for a wrong ?token=', async () => {
    const { port } = await setUp();
    const entry = await rawRequest({ port, path: '/?token=guess' });
    expectRefusal(entry, 401);
    expect(entry.headers['set-cookie']).toBeUndefined();
  });

  it('serves the renderer files with their content types and safe headers', async () => {
    const { port, auth } = await setUp();
    const page = await rawRequest({ port, path: '/', headers: auth });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await rawRequest({ port, path: '/assets/app.js', headers: auth });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toBe(appScript);
    expectRefusal(await rawRequest({ port, path: '/assets/missing.js', headers: auth }), 404);
  });

  it('refuses paths that leave the renderer folder', async () => {
    const { port, auth } = await setUp();
    const attempts = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%E0%A4%A',
    ];
    for (const attempt of attempts) {
      const response = await rawRequest({ port, path: attempt, headers: auth });
      expect(response.status, attempt).toBe(404);
      expect(response.body, attempt).not.toContain(secret);
    }
  });

  it('refuses other methods on pages (405)', async () => {
    const { port, auth } = await setUp();
    expectRefusal(await rawRequest({ port, method: 'PUT', path: '/', headers: auth, body: 'x' }), 405);
  });
});
