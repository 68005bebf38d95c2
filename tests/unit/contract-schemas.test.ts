/**
 * One schema per shape (issue #16): a channel's output is the core's zod schema, the very object the core infers
 * its type from, never a copy written again in electron/api. The test walks every output schema of the contract
 * and fails on any object schema that no core module exports (directly or inside one of its schemas).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type ChannelName } from '../../electron/api/contract';
import * as inputs from '../../electron/api/inputs';
import { commentViewSchema } from '../../electron/core/common/schemas/review-view';
import { dashboardViewSchema } from '../../electron/core/insight/schema';
import { packagePreviewSchema } from '../../electron/core/exchange/schema';
import { reviewViewSchema } from '../../electron/core/review/schema';
import { syncStatusSchema } from '../../electron/core/sync/schema';
import { backupStatusSchema } from '../../electron/core/backup/schema';
import { exportJobStatusSchema } from '../../electron/core/export/schema';

const root = path.resolve(__dirname, '../..');

/**
 * Channels whose output the API itself makes, so contract.ts writes it: `app:info` joins the program's identity
 * and the store's health; the others are one-field acknowledgements (`{ deleted: true }`, `{ changed: true }`, a job
 * id, the desktop's `{ opened: true }`). A channel leaves this list when its output moves to the core; an entry
 * whose output is all the core's fails the test.
 */
const writtenInTheApi = new Set<ChannelName>([
  'app:info',
  'reports:delete',
  'export:start',
  'export:open-file',
  'profiles:sign-out',
  'profiles:change-passphrase',
]);

/** Every schema inside `schema` (itself included), following objects, arrays, unions, records, wrappers and pipes. */
function walk(schema: z.ZodType, seen = new Set<z.ZodType>()): Set<z.ZodType> {
  if (seen.has(schema)) return seen;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const children: unknown[] = [];
  if (def.type === 'object') children.push(...Object.values(def.shape as Record<string, unknown>), def.catchall);
  if (def.type === 'lazy') children.push((def.getter as () => unknown)());
  for (const key of ['element', 'innerType', 'keyType', 'valueType', 'left', 'right', 'in', 'out', 'rest']) children.push(def[key]);
  for (const key of ['options', 'items']) if (Array.isArray(def[key])) children.push(...(def[key] as unknown[]));
  for (const child of children) if (child instanceof z.ZodType) walk(child, seen);
  return seen;
}

const objects = (schema: z.ZodType) => [...walk(schema)].filter((node) => node instanceof z.ZodObject);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every schema the core's modules export, and every schema inside them. */
async function coreSchemas(): Promise<Set<z.ZodType>> {
  const found = new Set<z.ZodType>();
  const files = tsFiles(path.join(root, 'electron/core')).filter((file) => /from 'zod'/.test(readFileSync(file, 'utf8')));
  for (const file of files) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(module)) if (value instanceof z.ZodType) walk(value, found);
  }
  return found;
}

/** The output objects of each channel that no core module holds: schemas written in the API. */
async function apiWrittenOutputs(): Promise<Map<ChannelName, number>> {
  const core = await coreSchemas();
  const written = new Map<ChannelName, number>();
  for (const [name, spec] of Object.entries(contract) as [ChannelName, { output: z.ZodType }][]) {
    const own = objects(spec.output).filter((node) => !core.has(node));
    if (own.length) written.set(name, own.length);
  }
  return written;
}

describe('one schema per shape: channel outputs are the core schemas', () => {
  it('the view channels return the very schema objects the core exports', () => {
    expect(contract['review:comment'].output).toBe(commentViewSchema);
    expect(contract['review:get'].output).toBe(reviewViewSchema);
    expect(contract['insight:dashboard'].output).toBe(dashboardViewSchema);
    expect(contract['exchange:preview'].output).toBe(packagePreviewSchema);
    expect(contract['sync:status'].output).toBe(syncStatusSchema);
    expect(contract['backup:status'].output).toBe(backupStatusSchema);
    expect(contract['export:status'].output).toBe(exportJobStatusSchema);
  });

  it('no channel output outside the allow-list has an object schema written in electron/api', async () => {
    const written = await apiWrittenOutputs();
    const unexpected = [...written.keys()].filter((name) => !writtenInTheApi.has(name));
    expect(unexpected, 'move these outputs to the core capability that owns them and import them in the contract').toEqual([]);
    const stale = [...writtenInTheApi].filter((name) => !written.has(name));
    expect(stale, 'these outputs are the core schemas now: drop them from the allow-list').toEqual([]);
  }, 60_000);

  it('electron/api/inputs.ts holds channel inputs only', () => {
    const outputNodes = new Set(Object.values(contract).flatMap((spec) => [...walk(spec.output)]));
    const inputNodes = new Set(Object.values(contract).flatMap((spec) => [...walk(spec.input)]));
    for (const [name, value] of Object.entries(inputs)) {
      if (!(value instanceof z.ZodType)) continue;
      expect(outputNodes.has(value), `${name} is used as an output`).toBe(false);
      expect(inputNodes.has(value), `${name} is no channel's input`).toBe(true);
    }
  });

  it('no other file in electron/api writes a schema object', () => {
    const writers = readdirSync(path.join(root, 'electron/api'))
      .filter((name) => name.endsWith('.ts') && !['contract.ts', 'inputs.ts'].includes(name))
      .filter((name) => /\bz\s*\.\s*(object|strictObject|looseObject)\s*\(/.test(readFileSync(path.join(root, 'electron/api', name), 'utf8')));
    expect(writers).toEqual([]);
  });
});
