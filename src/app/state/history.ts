/**
 * The undo history (pure data and functions, no store): what the user did, as
 * entries to take back and do again. A command is undone by replaying the
 * session's lines without it (the store does that), so an entry only says which
 * line it was and when it ran; a layout move keeps where the nodes were before
 * and after. Linear, like every editor's: undo moves the newest entry of `past`
 * to `future`, redo moves it back, and a new action drops `future` (and
 * remembers that it did, so a redo can say why nothing is left to redo).
 */
import type { XY } from './persist.ts';

export type HistoryEntry =
  /** A line appended to the session's commands, run `at` ms after the world began. */
  | { kind: 'command'; line: string; at: number }
  /** Nodes dragged: their positions before (null: none saved yet) and after. */
  | { kind: 'move'; before: Record<string, XY | null>; after: Record<string, XY> };

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** A new action dropped entries that could have been redone (cleared by the next undo). */
  redoLost: boolean;
}

/** Entries kept: older ones fall off (the lines stay in the session; only undoing them goes). */
export const HISTORY_LIMIT = 100;

export const EMPTY_HISTORY: History = { past: [], future: [], redoLost: false };

/** A new action: the entry joins `past`; whatever could be redone is gone. */
export function record(history: History, entry: HistoryEntry): History {
  const past = [...history.past, entry];
  return {
    past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past,
    future: [],
    redoLost: history.redoLost || history.future.length > 0,
  };
}

/** The entry to undo and the history after it; undefined when there is none. */
export function undo(history: History): { entry: HistoryEntry; history: History } | undefined {
  const entry = history.past.at(-1);
  if (!entry) return undefined;
  return { entry, history: { past: history.past.slice(0, -1), future: [...history.future, entry], redoLost: false } };
}

/** The entry to redo and the history after it; undefined when there is none. */
export function redo(history: History): { entry: HistoryEntry; history: History } | undefined {
  const entry = history.future.at(-1);
  if (!entry) return undefined;
  return { entry, history: { past: [...history.past, entry], future: history.future.slice(0, -1), redoLost: history.redoLost } };
}

/**
 * Whether the history fits the session's lines: the command entries of `past`,
 * newest first, are the last lines of `commands` in order (each undo removes the
 * last line), and those of `future` are not in it. A history saved beside other
 * lines (edited, or from another tab) is not used.
 */
export function fitsCommands(history: History, commands: readonly string[]): boolean {
  let last = commands.length - 1;
  for (let i = history.past.length - 1; i >= 0; i--) {
    const entry = history.past[i]!;
    if (entry.kind !== 'command') continue;
    if (last < 0 || commands[last] !== entry.line) return false;
    last--;
  }
  return true;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isXY(v: unknown): v is XY {
  return isRecord(v) && Number.isFinite(v.x) && Number.isFinite(v.y);
}

function readEntry(v: unknown): HistoryEntry | undefined {
  if (!isRecord(v)) return undefined;
  if (v.kind === 'command' && typeof v.line === 'string' && typeof v.at === 'number' && Number.isFinite(v.at) && v.at >= 0) {
    return { kind: 'command', line: v.line, at: v.at };
  }
  if (v.kind === 'move' && isRecord(v.before) && isRecord(v.after)) {
    const before: Record<string, XY | null> = {};
    const after: Record<string, XY> = {};
    for (const [id, p] of Object.entries(v.before)) {
      if (p !== null && !isXY(p)) return undefined;
      before[id] = p === null ? null : { x: p.x, y: p.y };
    }
    for (const [id, p] of Object.entries(v.after)) {
      if (!isXY(p)) return undefined;
      after[id] = { x: p.x, y: p.y };
    }
    return { kind: 'move', before, after };
  }
  return undefined;
}

function readEntries(v: unknown): HistoryEntry[] | undefined {
  if (!Array.isArray(v) || v.length > HISTORY_LIMIT) return undefined;
  const entries = v.map(readEntry);
  return entries.every((e) => e !== undefined) ? (entries as HistoryEntry[]) : undefined;
}

/** A saved history, or undefined when any part of it is not one (it is then dropped whole). */
export function readHistory(v: unknown): History | undefined {
  if (!isRecord(v)) return undefined;
  const past = readEntries(v.past);
  const future = readEntries(v.future);
  if (!past || !future) return undefined;
  return { past, future, redoLost: v.redoLost === true };
}
