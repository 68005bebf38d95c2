import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { appRoot } from './app-root';
import { demoDataSchema, type DemoData } from '../core/seeds/demo-schema';
import type { StoreProblem } from '../core/services';
import { templateSchema, type Template } from '../core/common/schemas/template';
import { CorruptFileError, parseValidated } from './validated-file';

/** Where the shipped seeds live: `seeds/` in the app folder (REPORTDESK_SEEDS_DIR overrides). */
export function defaultSeedsDir(): string {
  return process.env.REPORTDESK_SEEDS_DIR || path.join(appRoot(), 'seeds');
}

/**
 * Built-in templates from `seeds/templates/*.json`, parsed by the core schema. Seeds are read-only: a bad
 * one is reported, never moved or rewritten.
 */
export async function loadBuiltInTemplates(seedsDir: string): Promise<{ templates: Template[]; problems: StoreProblem[] }> {
  const folder = path.join(seedsDir, 'templates');
  const templates: Template[] = [];
  const problems: StoreProblem[] = [];
  let names: string[] = [];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return { templates, problems };
  }
  for (const name of names) {
    const file = path.join(folder, name);
    try {
      const template = parseValidated(file, await readFile(file, 'utf8'), templateSchema);
      templates.push({ ...template, builtIn: true });
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      problems.push({ file: `seeds/templates/${name}`, movedTo: '', reason: error.message, at: new Date().toISOString() });
    }
  }
  return { templates, problems };
}

/** The demo office from `seeds/demo/demo.json`; null when not shipped. */
export async function loadDemoSeed(seedsDir: string): Promise<DemoData | null> {
  const file = path.join(seedsDir, 'demo', 'demo.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  return parseValidated(file, text, demoDataSchema);
}
