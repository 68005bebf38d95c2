/**
 * A test seam in the store's file writes. Every step that changes the data folder — a temporary file written
 * and synced, a rename over the target, an append to a log — reports itself here after it is done. The crash
 * tests install a seam that throws at the k-th step of an act (and refuses every step after it), which is what
 * a process killed right after that step leaves on disk. Without a seam installed this costs one comparison.
 */
export type WriteStep = 'write' | 'rename' | 'append';

export interface WriteSeam {
  /** Called before a step starts; throwing stops it (a process that has "died" writes nothing more). */
  before?(step: WriteStep, file: string): void;
  /** Called after a step completed; throwing simulates the process dying right there. */
  after(step: WriteStep, file: string): void;
  /**
   * Called before an append: a string returned is written instead of `text` (a torn line) and then the process
   * "dies". Undefined lets the append go ahead.
   */
  tearAppend?(file: string, text: string): string | undefined;
}

let current: WriteSeam | null = null;

/** Install (or with null remove) the seam. Tests only. */
export function setWriteSeam(seam: WriteSeam | null): void {
  current = seam;
}

/**
 * Checks that must pass before anything is written under a folder: an open store registers its lock's check
 * (a deleted or replaced lock stops every write with a `locked` error).
 */
const guards = new Map<string, () => void>();

export function registerWriteGuard(folder: string, check: () => void): () => void {
  guards.set(folder, check);
  return () => {
    if (guards.get(folder) === check) guards.delete(folder);
  };
}

/** Before a step that writes `file`: the seam, then the guard of the folder the file is in. */
export function beforeWriteStep(step: WriteStep, file: string): void {
  current?.before?.(step, file);
  if (!guards.size) return;
  for (const [folder, check] of guards) {
    if (file.startsWith(folder + '/') || file.startsWith(folder + '\\')) check();
  }
}

export function afterWriteStep(step: WriteStep, file: string): void {
  if (current) current.after(step, file);
}

export function tornAppend(file: string, text: string): string | undefined {
  return current?.tearAppend?.(file, text);
}

/** What a seam throws: the simulated death of the process. */
export class SimulatedCrash extends Error {
  constructor(step: string, file: string) {
    super(`simulated crash after ${step} of ${file}`);
    this.name = 'SimulatedCrash';
  }
}
