import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/**
 * electron/core/export/docx-attributes.ts replaces a docx internal (NextAttributeComponent.prepForXml) and
 * electron/core/export/xlsx-stream.ts reads exceljs's streaming writer's parts: both are written for one
 * version. They are pinned exactly, and a different installed version fails here, before any export does.
 */
describe('libraries whose internals the exports rely on', () => {
  it.each([
    ['docx', '9.15.2'],
    ['exceljs', '4.4.0'],
  ])('%s is pinned to %s and that version is installed', (name, version) => {
    expect(manifest.dependencies[name], `package.json pins ${name} exactly`).toBe(version);
    const installed = JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    expect(installed.version, `${name} changed: check docx-attributes.ts / xlsx-stream.ts against the new version, then move the pin`).toBe(version);
  });
});
