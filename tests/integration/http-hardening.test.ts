import net from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, isJsonContentType, tokenCookieName, tokenHeader } from '../../electron/server/http-transport';
import { makeTempDir, openTempStore } from '../helpers/temp-store';
import { rawRequest, startTestServer } from '../helpers/transports';

async function setUp() {
  const { dispatcher } = await openTempStore({ seed: true });
  const rendererDir = path.join(await makeTempDir('reportdesk-site-'), 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>报告台</title>');
  const transport = await startTestServer({ dispatcher, rendererDir });
  return { transport, dispatcher, port: transport.port, host: `127.0.0.1:${transport.port}`, auth: { [tokenHeader]: transport.token } };
}

const api = (port: number, headers: Record<string, string>, body = '{}') => rawRequest({ port, method: 'POST', path: '/api/app:info', headers, body });

describe('browser mode, hardened', () => {
  it('names its token cookie per instance: a second instance on another port does not log the first out', async () => {
    const first = await setUp();
    const second = await setUp();
    const entry = async (setup: Awaited<ReturnType<typeof setUp>>) => {
      const response = await rawRequest({ port: setup.port, path: `/?token=${setup.transport.token}`, headers: { host: setup.host } });
      return (response.headers['set-cookie']?.[0] ?? '').split(';')[0];
    };
    const one = await entry(first);
    const two = await entry(second);
    expect(one.split('=')[0]).toBe(tokenCookieName(first.port));
    expect(two.split('=')[0]).toBe(tokenCookieName(second.port));
    expect(one.split('=')[0]).not.toBe(two.split('=')[0]);
    // The browser keeps both cookies (one jar for every port of 127.0.0.1) and sends both to each instance.
    const jar = `${one}; ${two}`;
    for (const setup of [first, second]) {
      const answer = await api(setup.port, { host: setup.host, cookie: jar, 'content-type': 'application/json' });
      expect(answer.json).toMatchObject({ ok: true });
    }
  });

  it('parses Origin as a URL and compares it exactly; refuses Sec-Fetch-Site cross-site or same-site', async () => {
    const { port, host, auth } = await setUp();
    const json = { 'content-type': 'application/json' };
    for (const origin of [`127.0.0.1:${port}`, `http://127.0.0.1:${port}/`, `https://127.0.0.1:${port}`, `http://127.0.0.1:${port}.evil.example`, 'null', '', `http://user@127.0.0.1:${port}`, `HTTP://127.0.0.1:${port}`]) {
      const answer = await api(port, { host, ...auth, ...json, origin });
      expect(answer.status, `Origin ${origin}`).toBe(403);
      expect((answer.json as { error: { message: string } }).error.message).toContain('来源');
    }
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      expect((await api(port, { host, ...auth, ...json, origin })).status, origin).toBe(200);
    }
    for (const site of ['cross-site', 'same-site']) {
      const answer = await api(port, { host, ...auth, ...json, 'sec-fetch-site': site });
      expect(answer.status, site).toBe(403);
      expect((answer.json as { error: { message: string } }).error.message).toContain('其他网站');
    }
    for (const site of ['same-origin', 'none']) expect((await api(port, { host, ...auth, ...json, 'sec-fetch-site': site })).status, site).toBe(200);
  });

  it('accepts only application/json bodies (a charset parameter allowed)', async () => {
    const { port, host, auth } = await setUp();
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"']) {
      expect((await api(port, { host, ...auth, 'content-type': type })).status, type).toBe(200);
    }
    for (const type of ['application/jsonp', 'application/json-patch+json', 'application/json; charset=latin1', 'application/json; boundary=x', 'text/plain', 'text/json']) {
      expect((await api(port, { host, ...auth, 'content-type': type })).status, type).toBe(415);
    }
    expect(isJsonContentType(undefined)).toBe(false);
  });

  it('sends the CSP as a response header on pages and answers', async () => {
    const { port, host, auth, transport } = await setUp();
    const page = await rawRequest({ port, path: '/', headers: { host, cookie: `${tokenCookieName(port)}=${transport.token}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    const answer = await api(port, { host, ...auth, 'content-type': 'application/json' });
    expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it('logs one line, not a stack, when the client goes away in the middle of a request', async () => {
    const { port, host, transport } = await setUp();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const socket = net.connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      // A body announced at 1 MB, of which a few bytes arrive before the tab is closed.
      socket.write(
        `POST /api/app:info HTTP/1.1\r\nHost: ${host}\r\n${tokenHeader}: ${transport.token}\r\ncontent-type: application/json\r\ncontent-length: 1048576\r\n\r\n{"a":`,
      );
      await new Promise((resolve) => setImmediate(resolve));
      socket.destroy();
      await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1), { timeout: 10_000 });
      const line = String(warn.mock.calls[0][0]);
      expect(line).toContain('/api/app:info');
      expect(line).not.toContain('\n');
      expect(warn.mock.calls[0]).toHaveLength(1);
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});
