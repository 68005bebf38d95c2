import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const require = createRequire(__filename);
const config = require(path.join(root, 'electron-builder.config.cjs'));
const afterPack = require(path.join(root, 'scripts', 'after-pack.cjs'));
const { makeIcons } = require(path.join(root, 'scripts', 'icons.cjs'));

describe('the packaging configuration (electron-builder)', () => {
  it('passes electron-builder’s own schema check', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util/out/DebugLogger');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check is real: an unknown option is refused.
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perUserOnly: true } }, new DebugLogger(false))).rejects.toThrow();
  }, 60_000);

  it('builds a per-user NSIS installer in Chinese with 报告台 shortcuts and a choice of folder, a portable zip and an AppImage', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'zip', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      shortcutName: '报告台',
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
    });
    expect(config.linux.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts['dist:win']).toContain('--win');
    expect(pkg.scripts['dist:linux']).toContain('--linux');
    expect(pkg.devDependencies['electron-builder']).toBeTruthy();
  });

  it('unpacks resvg’s native module, ships seeds and templates as extra resources, and associates .rdpkg', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/@resvg/**');
    // The pattern matches the native package that is really installed.
    const natives = readdirSync(path.join(root, 'node_modules', '@resvg')).filter((name) => name.startsWith('resvg-js-'));
    expect(natives.length).toBeGreaterThan(0);
    const matcher = require('minimatch');
    const minimatch = typeof matcher === 'function' ? matcher : matcher.minimatch;
    for (const name of natives) expect(minimatch(`node_modules/@resvg/${name}/resvgjs.node`, config.asarUnpack[0], { dot: true })).toBe(true);
    expect(config.extraResources).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: 'seeds/templates', to: 'seeds/templates' }), expect.objectContaining({ from: 'seeds/demo', to: 'seeds/demo' })]),
    );
    expect(readdirSync(path.join(root, 'seeds', 'templates')).some((name) => name.endsWith('.json'))).toBe(true);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'rdpkg', icon: 'icons/icon.ico' })]);
    expect(config.files).toContain('out/**/*');
    for (const icon of [config.win.icon, config.nsis.installerIcon, config.mac.icon]) expect(readFileSync(path.join(root, icon)).length).toBeGreaterThan(1000);
  });

  it("gives the installer its own images: 24-bit BMPs of the sizes NSIS shows (sidebar 164 × 314, header 150 × 57)", () => {
    const sizes: [string, number, number][] = [
      [config.nsis.installerSidebar, 164, 314],
      [config.nsis.uninstallerSidebar, 164, 314],
      [config.nsis.installerHeader, 150, 57],
    ];
    for (const [file, width, height] of sizes) {
      expect(file, 'an installer image is configured').toMatch(/^resources\/installer\/.+\.bmp$/);
      const bmp = readFileSync(path.join(root, file));
      expect(bmp.subarray(0, 2).toString('latin1')).toBe('BM');
      expect(bmp.readUInt32LE(2)).toBe(bmp.length);
      expect([bmp.readInt32LE(18), bmp.readInt32LE(22), bmp.readUInt16LE(28)]).toEqual([width, height, 24]);
      // Not blank: the icon's blue and white are both drawn on the light band.
      const pixels = bmp.subarray(bmp.readUInt32LE(10));
      const colours = new Set<string>();
      for (let at = 0; at + 3 <= pixels.length; at += 3 * 7) colours.add(pixels.subarray(at, at + 3).toString('hex'));
      expect(colours.size).toBeGreaterThan(20);
    }
  });

  it('flips the fuses in the after-pack hook', async () => {
    expect(config.afterPack).toBe('./scripts/after-pack.cjs');
    const { getCurrentFuseWire, FuseV1Options, FuseState } = await import('@electron/fuses');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-pack-'));
    try {
      // A stand-in for the packed Electron binary: bytes around the fuse sentinel and a 9-fuse V1 wire, all at
      // the state Electron ships (RunAsNode etc. on, integrity checks off).
      const wire = [1, 1, 1, 1, 0, 0, 1, 0, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
      const binary = Buffer.concat([Buffer.alloc(4096, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length, ...wire]), Buffer.alloc(4096, 9)]);
      const appOutDir = path.join(dir, 'win-unpacked');
      await mkdir(appOutDir);
      const exe = path.join(appOutDir, 'ReportDesk 报告台.exe');
      await writeFile(exe, binary);
      await afterPack({ appOutDir, electronPlatformName: 'win32', arch: 1, packager: { appInfo: { productFilename: 'ReportDesk 报告台' }, executableName: 'reportdesk' } });
      const fuses = await getCurrentFuseWire(exe);
      expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
      expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
      // Fuses not named keep Electron's defaults.
      expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
      // Linux: the executable is the configured executableName.
      expect(afterPack.electronBinary({ appOutDir: '/x', electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'P' }, executableName: 'reportdesk' } })).toBe(path.join('/x', 'reportdesk'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run icons', () => {
  it('regenerates resources/icons byte for byte (reproducible), with every size', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-icons-'));
    try {
      const first = await makeIcons(path.join(dir, 'a'));
      const second = await makeIcons(path.join(dir, 'b'));
      expect(first).toEqual(second);
      for (const relative of first) {
        const made = await readFile(path.join(dir, 'a', relative));
        expect(made.equals(await readFile(path.join(dir, 'b', relative))), relative).toBe(true);
        // The committed icons are what the script makes.
        expect(made.equals(await readFile(path.join(root, 'resources', relative))), `resources/${relative} is stale: run npm run icons`).toBe(true);
      }
      const ico = await readFile(path.join(dir, 'a', 'icons', 'icon.ico'));
      expect(ico.readUInt16LE(2)).toBe(1);
      expect(ico.readUInt16LE(4)).toBe(6);
      const icns = await readFile(path.join(dir, 'a', 'icons', 'icon.icns'));
      expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
      expect(icns.readUInt32BE(4)).toBe(icns.length);
      const png = await readFile(path.join(dir, 'a', 'icons', 'png', '256x256.png'));
      expect(png.readUInt32BE(16)).toBe(256);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
