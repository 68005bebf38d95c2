/**
 * Undo and redo of the grid's row edits, as pure values: each change keeps the rows before and after it, so
 * a step applies only while the rows are still the ones it left (another section or a reload ends the history).
 */
import type { TableRow } from '../../../../electron/core/common/schemas/report';

export interface Change {
  before: TableRow[];
  after: TableRow[];
}

export interface History {
  undo: Change[];
  redo: Change[];
}

/** Changes kept for undo. */
export const UNDO_LIMIT = 100;

export function emptyHistory(): History {
  return { undo: [], redo: [] };
}

/** The history after a new change: it goes on the undo stack (the oldest drops off past the limit); redo is cleared. */
export function recordChange(history: History, change: Change, limit = UNDO_LIMIT): History {
  const undo = [...history.undo, change];
  return { undo: undo.length > limit ? undo.slice(undo.length - limit) : undo, redo: [] };
}

export type HistoryStep = { ok: true; rows: TableRow[]; history: History } | { ok: false; history: History };

/**
 * Undo or redo one change from `current` rows. When there is nothing to step, or the rows changed some other
 * way since, the history no longer applies: it is emptied and the step fails.
 */
export function stepHistory(history: History, which: 'undo' | 'redo', current: TableRow[]): HistoryStep {
  const from = history[which];
  const change = from[from.length - 1];
  if (!change || (which === 'undo' ? change.after : change.before) !== current) return { ok: false, history: emptyHistory() };
  const rest = from.slice(0, -1);
  if (which === 'undo') return { ok: true, rows: change.before, history: { undo: rest, redo: [...history.redo, change] } };
  return { ok: true, rows: change.after, history: { undo: [...history.undo, change], redo: rest } };
}
