/**
 * Shared pieces of the benchmark: timing statistics, the rows of docs/benchmarks.json, the I/O counters of
 * /proc/self/io, and running child processes (Node scripts under tsx, pandoc, python3).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(__dirname, '..', '..');
export const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** One row of docs/benchmarks.json (exactly these keys). */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** What the value is compared with (a floor or a peer measured in the same run), or "target" for an absolute limit. */
  baseline: string;
  baselineValue: number | null;
  /** value ÷ baselineValue (null without a baseline). */
  ratio: number | null;
  /** The target in words, e.g. "≤ 2× floor", "≤ 100 ms". */
  target: string;
  pass: boolean;
}

/** A row plus what the report says about it (not part of the JSON). */
export interface Measured extends BenchRow {
  group: string;
  /** How it was measured and anything a reader needs to judge the number. */
  note?: string;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export const median = (values: number[]) => quantile(values, 0.5);
export const p95 = (values: number[]) => quantile(values, 0.95);

/** A row compared with a baseline: passes when value ≤ limit × baseline. */
export function ratioRow(options: {
  group: string;
  name: string;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number;
  limit: number;
  /** The baseline's short name in the target ("≤ 2× floor"). */
  short?: string;
  note?: string;
  digits?: number;
}): Measured {
  const ratio = options.baselineValue > 0 ? options.value / options.baselineValue : Infinity;
  return {
    group: options.group,
    name: options.name,
    value: round(options.value, options.digits ?? 3),
    unit: options.unit,
    baseline: options.baseline,
    baselineValue: round(options.baselineValue, options.digits ?? 3),
    ratio: round(ratio, 2),
    target: `≤ ${options.limit}× ${options.short ?? options.baseline.split(' (')[0]}`,
    pass: ratio <= options.limit,
    note: options.note,
  };
}

/** A row with an absolute limit: passes when value ≤ limit. */
export function limitRow(options: { group: string; name: string; value: number; unit: string; limit: number; note?: string; digits?: number }): Measured {
  return {
    group: options.group,
    name: options.name,
    value: round(options.value, options.digits ?? 3),
    unit: options.unit,
    baseline: 'target',
    baselineValue: options.limit,
    ratio: round(options.value / options.limit, 2),
    target: `≤ ${options.limit} ${options.unit}`,
    pass: options.value <= options.limit,
    note: options.note,
  };
}

/** A figure reported for information (no target of its own). */
export function infoRow(options: { group: string; name: string; value: number; unit: string; baseline?: string; baselineValue?: number; note?: string; digits?: number }): Measured {
  const baselineValue = options.baselineValue ?? null;
  return {
    group: options.group,
    name: options.name,
    value: round(options.value, options.digits ?? 3),
    unit: options.unit,
    baseline: options.baseline ?? 'none',
    baselineValue: baselineValue === null ? null : round(baselineValue, options.digits ?? 3),
    ratio: baselineValue ? round(options.value / baselineValue, 2) : null,
    target: 'information only',
    pass: true,
    note: options.note,
  };
}

/** A row that could not be measured here (a missing tool): fails, with the reason in the report. */
export function skippedRow(options: { group: string; name: string; unit: string; target: string; reason: string }): Measured {
  return { group: options.group, name: options.name, value: NaN, unit: options.unit, baseline: 'not measured', baselineValue: null, ratio: null, target: options.target, pass: false, note: options.reason };
}

/** Bytes read from and written to storage by this process so far (Linux /proc/self/io; zeros elsewhere). */
export function ioCounters(): { writeBytes: number; writtenChars: number; available: boolean } {
  try {
    const text = readFileSync('/proc/self/io', 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { writeBytes: field('write_bytes'), writtenChars: field('wchar'), available: true };
  } catch {
    return { writeBytes: 0, writtenChars: 0, available: false };
  }
}

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Run a program; resolves with its output and wall time (never rejects on a non-zero exit). */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd ?? root, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Bundle a bench child into one CommonJS file (esbuild, which tsx and vite already bring), to run with plain
 * Node like the app's bundled main process: its memory is then the app code's and Node's, not the TypeScript
 * loader's.
 */
async function bundled(script: string): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(root, '.tmp', 'bench', 'children', script.replace(/\.ts$/, '.cjs'));
  await build({ entryPoints: [path.join(root, 'scripts', 'bench', script)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', sourcemap: false });
  return outfile;
}

/**
 * Run a TypeScript bench child that prints one JSON object as its last line of output: bundled and run with
 * plain Node (`bundle`), or under tsx.
 */
export async function runChild<T>(script: string, args: string[], options: { nodeOptions?: string; timeoutMs?: number; bundle?: boolean } = {}): Promise<T> {
  const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, options.nodeOptions].filter(Boolean).join(' ') };
  const result = options.bundle
    ? await run(process.execPath, [await bundled(script), ...args], { env, timeoutMs: options.timeoutMs })
    : await run(tsx, [path.join(root, 'scripts', 'bench', script), ...args], { env, timeoutMs: options.timeoutMs });
  const last = result.stdout.trim().split('\n').pop() ?? '';
  if (result.code !== 0) throw new Error(`${script} failed (exit ${result.code}):\n${result.stderr || result.stdout}`);
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`${script} printed no result:\n${result.stdout}\n${result.stderr}`);
  }
}

/** The machine, for the report. */
export function machine(): { cpu: string; cores: number; memoryGb: number; node: string; platform: string } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

/** Elapsed milliseconds of an async call. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export function log(text: string): void {
  process.stderr.write(`${text}\n`);
}
