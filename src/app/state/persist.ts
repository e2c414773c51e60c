/**
 * The saved session (localStorage): the command lines run so far, node
 * positions, view settings and the undo history, with a version field. The loader is tolerant
 * (like excalidraw's): anything it cannot read gives a fresh world and a
 * reason to show, never an exception; bad optional parts are dropped alone.
 * Pure except for the functions that take a Storage.
 */
import { type GraphSnapshot, readGraphSnapshot } from '../graph/snapshot.ts';
import { type History, readHistory } from './history.ts';

export const STORAGE_KEY = 'vethlab.session';
/** Where an unreadable session is kept, so nothing the user typed is thrown away. */
export const BACKUP_KEY = 'vethlab.session.unreadable';
export const SESSION_VERSION = 1;

export interface XY {
  x: number;
  y: number;
}

export type ThemeSetting = 'system' | 'light' | 'dark';
export type SidePanel = 'trace' | 'rules';

export interface ViewSettings {
  theme: ThemeSetting;
  panel: SidePanel;
  /** Animation speed factor. */
  speed: number;
}

export const DEFAULT_VIEW: ViewSettings = { theme: 'system', panel: 'trace', speed: 1 };
/** The player's speeds; at 8× a long trace (twenty hops and more) walks in two or three seconds. */
export const SPEEDS = [0.5, 1, 2, 4, 8] as const;

export interface SavedSession {
  version: typeof SESSION_VERSION;
  seed: number;
  commands: string[];
  positions: Record<string, XY>;
  /** Bridges (node ids) whose containers the canvas draws as one group node (canvas/collapse.ts). */
  collapsed?: string[];
  view: ViewSettings;
  /** The world's derived graph when it was saved: the first screen draws it while the simulator loads. */
  graph?: GraphSnapshot;
  /** What the inspector showed (a node or veth id), and whether its tab was the side panel's. */
  inspector?: InspectorSelection;
  /** When each line ran, in ms after the world began (replay runs each at its time: `Up 5 minutes`). */
  times?: number[];
  /** The wall-clock time of the save (ms): the world's clock goes on from there while the page is closed. */
  savedAt?: number;
  /** What undo and redo can take back and do again (history.ts), so that they survive a reload. */
  history?: History;
}

export interface InspectorSelection {
  id: string;
  open: boolean;
}

export type LoadResult =
  | { kind: 'empty' }
  | { kind: 'loaded'; session: SavedSession; dropped: string[] }
  | { kind: 'unreadable'; reason: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function readPositions(v: unknown, dropped: string[]): Record<string, XY> {
  const out: Record<string, XY> = {};
  if (v === undefined) return out;
  if (!isRecord(v)) {
    dropped.push('positions');
    return out;
  }
  for (const [id, p] of Object.entries(v)) {
    if (isRecord(p) && finite(p.x) && finite(p.y)) out[id] = { x: p.x, y: p.y };
    else dropped.push(`positions.${id}`);
  }
  return out;
}

function readCollapsed(v: unknown, dropped: string[]): string[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v) && v.length <= 1000 && v.every((id) => typeof id === 'string' && id.startsWith('bridge:') && id.length <= 200)) return [...new Set(v as string[])];
  dropped.push('collapsed');
  return undefined;
}

function readView(v: unknown, dropped: string[]): ViewSettings {
  const view = { ...DEFAULT_VIEW };
  if (v === undefined) return view;
  if (!isRecord(v)) {
    dropped.push('view');
    return view;
  }
  if (v.theme === 'system' || v.theme === 'light' || v.theme === 'dark') view.theme = v.theme;
  else if (v.theme !== undefined) dropped.push('view.theme');
  if (v.panel === 'trace' || v.panel === 'rules') view.panel = v.panel;
  else if (v.panel !== undefined) dropped.push('view.panel');
  if (finite(v.speed) && (SPEEDS as readonly number[]).includes(v.speed)) view.speed = v.speed;
  else if (v.speed !== undefined) dropped.push('view.speed');
  return view;
}

function readInspector(v: unknown, dropped: string[]): InspectorSelection | undefined {
  if (v === undefined) return undefined;
  if (isRecord(v) && typeof v.id === 'string' && v.id !== '' && v.id.length <= 200 && typeof v.open === 'boolean') return { id: v.id, open: v.open };
  dropped.push('inspector');
  return undefined;
}

/** One time per line, never going back; anything else is dropped (the lines then replay at once). */
function readTimes(v: unknown, lines: number, dropped: string[]): number[] | undefined {
  if (v === undefined) return undefined;
  const ok = Array.isArray(v) && v.length === lines && v.every((t, i) => finite(t) && t >= 0 && (i === 0 || t >= (v[i - 1] as number)));
  if (ok) return v as number[];
  dropped.push('times');
  return undefined;
}

/** Reads a saved session's text (null when nothing is stored). Never throws. */
export function parseSession(text: string | null): LoadResult {
  if (text === null || text === '') return { kind: 'empty' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'not JSON' };
  }
  if (!isRecord(data)) return { kind: 'unreadable', reason: 'not an object' };
  if (data.version !== SESSION_VERSION) {
    return { kind: 'unreadable', reason: `unsupported version ${JSON.stringify(data.version ?? null)}` };
  }
  const { commands } = data;
  if (!Array.isArray(commands) || !commands.every((c) => typeof c === 'string')) {
    return { kind: 'unreadable', reason: 'commands is not a list of lines' };
  }
  const dropped: string[] = [];
  const seed = finite(data.seed) && Number.isInteger(data.seed) ? data.seed : 1;
  if (data.seed !== undefined && seed !== data.seed) dropped.push('seed');
  const session: SavedSession = {
    version: SESSION_VERSION,
    seed,
    commands: commands as string[],
    positions: readPositions(data.positions, dropped),
    view: readView(data.view, dropped),
  };
  const collapsed = readCollapsed(data.collapsed, dropped);
  if (collapsed && collapsed.length > 0) session.collapsed = collapsed;
  const inspector = readInspector(data.inspector, dropped);
  if (inspector) session.inspector = inspector;
  const times = readTimes(data.times, commands.length, dropped);
  if (times) session.times = times;
  if (finite(data.savedAt) && data.savedAt > 0) session.savedAt = data.savedAt;
  else if (data.savedAt !== undefined) dropped.push('savedAt');
  if (data.history !== undefined) {
    const history = readHistory(data.history);
    if (history) session.history = history;
    else dropped.push('history');
  }
  if (data.graph !== undefined) {
    const graph = readGraphSnapshot(data.graph);
    if (graph) session.graph = graph;
    else dropped.push('graph');
  }
  return { kind: 'loaded', session, dropped };
}

export function serializeSession(session: Omit<SavedSession, 'version'>): string {
  return JSON.stringify({ version: SESSION_VERSION, ...session });
}

/** The Storage methods used (window.localStorage fits; tests pass a Map-backed one). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The page's localStorage, or undefined where it cannot be used (privacy modes). */
export function browserStorage(): StorageLike | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Reads the session; storage that throws (privacy modes) counts as empty. */
export function loadSession(storage: StorageLike | undefined): LoadResult {
  if (!storage) return { kind: 'empty' };
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    return { kind: 'empty' };
  }
  const result = parseSession(text);
  if (result.kind === 'unreadable' && text !== null) {
    try {
      storage.setItem(BACKUP_KEY, text);
    } catch {
      // Nothing more can be done; the notice still tells the user.
    }
  }
  return result;
}

export function saveSession(storage: StorageLike | undefined, session: Omit<SavedSession, 'version'>): boolean {
  if (!storage) return false;
  try {
    storage.setItem(STORAGE_KEY, serializeSession(session));
    return true;
  } catch {
    return false;
  }
}
