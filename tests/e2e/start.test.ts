import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

/** Start the app the way `npm start` does (the build already exists), and wait for the printed URL. */
async function start(dataDir: string, args: string[] = []): Promise<{ child: ChildProcess; output: () => string; url: string }> {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.cjs'), ...args], {
    cwd: root,
    env: { ...process.env, REPORTDESK_DATA_DIR: dataDir, REPORTDESK_NO_OPEN: '1', REPORTDESK_SEEDS_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${text}`)), 20000);
    const check = setInterval(() => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        clearInterval(check);
        resolve(match[1]);
      }
    }, 50);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(check);
      reject(new Error(`exited with ${code}:\n${text}`));
    });
  });
  return { child, output: () => text, url };
}

async function callApi(url: string, channel: string, profileId: string | null, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  // The server holds the active profile: chosen once, as the page does, before calls that name it.
  if (profileId) await callApi(url, 'profiles:select', null, { id: profileId });
  const { origin, searchParams } = new URL(url);
  const response = await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-reportdesk-token': searchParams.get('token')!,
      ...(profileId ? { 'x-reportdesk-profile': profileId } : {}),
    },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
}

describe('npm start on a machine without the Electron binary', () => {
  const children: ChildProcess[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });

  test('falls back to browser mode with one clear line, serves the UI and the shipped seeds, and stops cleanly', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-start-'));
    folders.push(dataDir);
    const app = await start(dataDir);
    children.push(app.child);
    const fallback = app.output().split('\n').filter((line) => line.includes('Electron binary not installed'));
    expect(fallback).toHaveLength(1);
    expect(fallback[0]).toContain('browser mode');

    const page = await fetch(app.url, { redirect: 'manual' });
    expect(page.status).toBe(303);
    const cookie = page.headers.get('set-cookie')!.split(';')[0];
    const html = await (await fetch(new URL('/', app.url), { headers: { cookie } })).text();
    expect(html).toContain('<div id="root">');

    const demo = await callApi(app.url, 'demo:load', null, {});
    expect(demo.ok).toBe(true);
    const templates = await callApi(app.url, 'templates:list', 'demo-zhangwei', {});
    expect((templates.value as { id: string }[]).map((template) => template.id).sort()).toEqual([
      'builtin-guidance-booklet',
      'builtin-market-analysis',
      'builtin-research',
      'builtin-work-log',
    ]);

    // A second start on the same folder is refused with a clear message while the first runs.
    const second = spawn(process.execPath, [path.join(root, 'out', 'main', 'server.js')], {
      env: { ...process.env, REPORTDESK_DATA_DIR: dataDir, REPORTDESK_NO_OPEN: '1' },
    });
    let refusal = '';
    second.stderr.on('data', (chunk: Buffer) => (refusal += chunk.toString()));
    const secondCode = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(secondCode).toBe(1);
    expect(refusal).toContain('正被另一个报告台程序使用');

    app.child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => app.child.once('exit', resolve));
    expect(code).toBe(0);
    // An orderly stop releases the lock and marks the index clean.
    await expect(stat(path.join(dataDir, '.lock'))).rejects.toThrow();
    await stat(path.join(dataDir, 'index', 'clean'));
  });
});
