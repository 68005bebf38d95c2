import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheControl, tokenHeader } from '../../electron/server/http-transport';
import { makeTempDir, openTempStore } from '../helpers/temp-store';
import { rawRequest, startTestServer } from '../helpers/transports';

describe('HTTP transport: caching of the renderer build', () => {
  it('keeps hashed assets for a year (immutable), never caches the page, and other files for an hour', async () => {
    const { dispatcher } = await openTempStore({ seed: true });
    const rendererDir = path.join(await makeTempDir('reportdesk-site-'), 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>报告台</title><script type="module" src="./assets/index-C3ZryXUh.js"></script>');
    await writeFile(path.join(rendererDir, 'assets', 'index-C3ZryXUh.js'), 'console.log(1);');
    await writeFile(path.join(rendererDir, 'assets', 'ReportEditorPage-6z_qtqN3.css'), 'body{}');
    await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(2);');
    await writeFile(path.join(rendererDir, 'favicon.png'), 'png');
    const transport = await startTestServer({ dispatcher, rendererDir });
    const headers = { [tokenHeader]: transport.token };
    const get = (file: string) => rawRequest({ port: transport.port, path: file, headers });

    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    for (const file of ['/assets/index-C3ZryXUh.js', '/assets/ReportEditorPage-6z_qtqN3.css']) {
      const asset = await get(file);
      expect(asset.status, file).toBe(200);
      expect(asset.headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
    }
    // Without a content hash in its name a file may change under the same name: an hour only.
    expect((await get('/assets/app.js')).headers['cache-control']).toBe('max-age=3600');
    expect((await get('/favicon.png')).headers['cache-control']).toBe('max-age=3600');
  });

  it('names only build outputs with a hash as immutable', () => {
    expect(cacheControl('index.html')).toBe('no-store');
    expect(cacheControl('assets/session-hkLfSOCC.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControl('assets/app.js')).toBe('max-age=3600');
    expect(cacheControl('assets/nested/index-C3ZryXUh.js')).toBe('max-age=3600');
  });
});
