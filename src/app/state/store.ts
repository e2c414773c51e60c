/**
 * The app's one store (zustand, vanilla so tests can drive it without React)
 * around ONE Simulator. Every action is a command line (ARCHITECTURE.md,
 * principle 2): the store records each line run, host lines as typed and
 * container-shell lines as `docker exec -t C sh -c '...'`, and on load rebuilds the
 * world by replaying them into a fresh seeded simulator. What the UI owns beside
 * the world (node positions, view settings) is saved with the lines, and so is
 * the undo history (history.ts): undoing a command replays the lines without
 * it, undoing a drag puts the nodes back.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Trace } from '../../sim/net/trace.ts';
import type { CommandOutput } from '../../sim/shell/types.ts';
import { lastShellSession, shellLineOf, type ShellSessionRef } from '../../sim/shell/console.ts';
import type { Simulator } from '../../sim/shell/simulator.ts';
import { attachExitLine, replLineOf } from '../../sim/shell/console.ts';
import { advanceTo, DEFAULT_SEED, replay, runLine, type Scenario } from '../../scenario/scenario.ts';
import { STARTER_SCENARIO } from '../../scenario/starter.ts';
import type { ScenarioLayout } from '../../scenario/format/types.ts';
import { graphOf } from '../graph/cache.ts';
import { bridgesAmong, collapsedIdsOf, positionsOf } from '../graph/layout-keys.ts';
import { snapshotOf } from '../graph/snapshot.ts';
import { takeReplay } from './replay-ahead.ts';
import { EMPTY_HISTORY, fitsCommands, type History, type HistoryEntry, record as recordEntry, redo as redoEntry, undo as undoEntry } from './history.ts';
import {
  DEFAULT_VIEW,
  loadSession,
  saveSession,
  type InspectorSelection,
  type StorageLike,
  type ViewSettings,
  type XY,
} from './persist.ts';

/** A message for the user, as an i18n key with its values. */
export interface Notice {
  key: string;
  values?: Record<string, string>;
}

/** What undo or redo just did, or why it could not (a status line, not an alert); `id` grows with each. */
export interface HistoryNote extends Notice {
  id: number;
}

export interface TraceState {
  /** Grows with every new trace (the animation restarts on a new one). */
  id: number;
  command: string;
  /** The line as typed in a container's shell tab (`command` is its recorded `docker exec -t C sh -c` form). */
  typed?: { container: string; line: string; /** The prompt it was typed at: a shell's (`/ #`, the default) or Python's `>>>`. */ prompt?: string };
  trace: Trace;
  /** How many traces the command made (the last is shown). */
  count: number;
}

export interface PlayerState {
  step: number;
  playing: boolean;
}

export interface AppState {
  sim: Simulator;
  seed: number;
  /** When each line ran, ms after the world began (parallel to `commands`). */
  times: number[];
  /** Grows with every command: the graph is derived again. */
  rev: number;
  commands: string[];
  positions: Record<string, XY>;
  /** Bridges (node ids) whose containers the canvas draws as one group node: view state, saved with the positions. */
  collapsed: string[];
  view: ViewSettings;
  notice: Notice | null;
  /** Where the world came from at load: the first-screen scenario, or the saved session. */
  origin: 'scenario' | 'restored';
  trace: TraceState | null;
  player: PlayerState;
  hover: { hop: number | null; node: string | null };
  /** A line a button asked the terminal to type and run (principle 2: clicks are commands too); `typeOnly` puts it on the prompt unrun. */
  pendingRun: { id: number; line: string; typeOnly?: boolean } | null;
  /** Grows each time the world is replaced (reset, a gallery scenario): the terminal starts afresh. */
  world: number;
  /** What the terminal says first after `replaceWorld` (null: the usual welcome). */
  intro: Notice | null;
  /** The node or veth edge the inspector shows (saved with the session). */
  inspected: string | null;
  /** The inspector's tab is the side panel's (saved; view.panel keeps trace or rules beneath it). */
  inspectorOpen: boolean;
  /** The last line run and what it printed (the Guide checks a step against its expectation; an embed tells its host page). Not saved. */
  lastRun: { id: number; line: string; exitCode: number; output: CommandOutput } | null;
  /** What undo and redo can take back and do again (saved with the session). */
  history: History;
  historyNote: HistoryNote | null;

  runHost(line: string): CommandOutput;
  /** A line typed into a container's shell tab (its main shell, or a `docker exec -it` session with what that was given: `-e`, `-w`, `-u`). */
  runInContainer(shell: ShellSessionRef, line: string): CommandOutput;
  /** A number for a new `docker exec -it` tab's shell, used by no line of this world yet. */
  newShellSession(): number;
  /**
   * A line typed into a container's Python REPL (`program`: how it was
   * started, `python3`); recorded as `replLineOf`, the main process's when `main`.
   */
  runInRepl(container: string, program: string, line: string, main: boolean): CommandOutput;
  /**
   * `exit` with this status in a container's shell tab. The main shell of a
   * `docker run -it` session (`main`) is the container's PID 1: the container
   * ends, recorded as `docker attach C # exit N`. An exec'd shell ends alone and
   * nothing is recorded. Undefined when no line ran.
   */
  exitContainerShell(container: string, status: number, main: boolean): CommandOutput | undefined;
  setPositions(update: Record<string, XY>, opts?: { save?: boolean }): void;
  /** Nodes moved by a drag under way (not saved yet; where they started is remembered for undo). */
  dragNodes(update: Record<string, XY>): void;
  /** The drag ended: saved, and one move for undo when a node is somewhere else. */
  endDrag(): void;
  /** The last move was not one (a container dropped on a bridge runs a command): back where it was, and out of the history. */
  discardMove(): void;
  /** Takes back the last command (the world is rebuilt from the lines without it) or move. */
  undo(): void;
  /** Does again what undo took back, unless something new was done since. */
  redo(): void;
  resetLayout(): void;
  /** Collapses a bridge's containers into one group node on the canvas, or expands them again. */
  setCollapsed(bridge: string, collapsed: boolean): void;
  setView(update: Partial<ViewSettings>): void;
  dismissNotice(): void;
  /** Starts over: the first screen's world, or (`empty`) a Docker host with nothing on it. */
  resetWorld(kind?: 'starter' | 'empty'): void;
  requestRun(line: string): void;
  /** Puts a line on the host terminal's prompt without running it. */
  requestType(line: string): void;
  /**
   * A fresh world built from these lines (a gallery scenario, a link, the
   * world before a link); the trace starts over, and the positions too unless
   * given (by node id, or as a scenario's layout by stable names).
   */
  replaceWorld(commands: readonly string[], intro?: Notice, options?: WorldOptions): void;
  /** Shows a message (an i18n key with its values) above the workspace. */
  setNotice(notice: Notice | null): void;
  takePendingRun(id: number): void;
  setStep(step: number): void;
  setPlaying(playing: boolean): void;
  setHover(update: Partial<AppState['hover']>): void;
  /** Shows a node or veth in the inspector; with `open`, switches the side panel to it. */
  inspect(id: string | null, open?: boolean): void;
  setInspectorOpen(open: boolean): void;
  /** Writes what the store held back (`holdSaves`) and saves at once from then on. */
  releaseSaves(): void;
}

export interface WorldOptions {
  seed?: number;
  /** When each line ran (the world before a link, brought back). */
  times?: readonly number[];
  positions?: Record<string, XY>;
  layout?: ScenarioLayout;
  /** Networks drawn collapsed, by the layout's stable names (a scenario's `view.collapsed`). */
  collapsed?: readonly string[];
  /** Networks drawn collapsed, by canvas id (the user's own world, brought back); those the world lacks are dropped. */
  collapsedIds?: readonly string[];
}

export interface AppStoreOptions {
  storage?: StorageLike;
  /** The wall clock (ms), for the time that passes between lines; tests give their own. */
  now?: () => number;
  /** The world for a visitor with nothing saved. */
  scenario?: Scenario;
  /**
   * A visitor with nothing saved starts from an empty world instead (`resetWorld` still brings
   * the scenario's): the live app asks for it when a link's world, built ahead, replaces it at
   * once, so the starter's is not replayed for nothing.
   */
  startEmpty?: boolean;
  /**
   * Saves wait for `releaseSaves` (the page's first draw comes first): the session's
   * snapshot and its write cost about as much as drawing a 300-container world's edges.
   */
  holdSaves?: boolean;
}

export type AppStore = StoreApi<AppState>;

function lastTrace(outputs: CommandOutput[], commands: readonly string[]): { command: string; traces: Trace[] } | undefined {
  for (let i = outputs.length - 1; i >= 0; i--) {
    const traces = outputs[i]!.traces;
    if (traces && traces.length > 0) return { command: commands[i]!, traces };
  }
  return undefined;
}

export function createAppStore(options: AppStoreOptions = {}): AppStore {
  const { storage } = options;
  const scenario = options.scenario ?? STARTER_SCENARIO;
  const loaded = loadSession(storage);

  let seed = DEFAULT_SEED;
  let commands: string[] = options.startEmpty ? [] : [...scenario.commands];
  let positions: Record<string, XY> = {};
  let collapsed: string[] = [];
  let view = { ...DEFAULT_VIEW };
  let notice: Notice | null = null;
  let inspector: InspectorSelection | undefined;
  let times: number[] = commands.map(() => 0);
  let savedAt: number | undefined;
  let history = EMPTY_HISTORY;
  if (loaded.kind === 'loaded') {
    ({ seed, commands, positions, view, inspector, savedAt } = loaded.session);
    times = loaded.session.times ?? commands.map(() => 0);
    // A history that does not end with the session's lines (edited by hand, another tab) cannot undo them: dropped.
    if (loaded.session.history && fitsCommands(loaded.session.history, commands)) history = loaded.session.history;
    collapsed = loaded.session.collapsed ?? [];
  } else if (loaded.kind === 'unreadable') {
    notice = { key: 'notice.unreadable', values: { reason: loaded.reason } };
  }
  const wallClock = options.now ?? Date.now;
  const { sim, start, outputs } = replay(commands, seed, times);
  // The world's clock follows the wall clock between lines (and while the page was closed), never backwards.
  const clock = { start, wall: savedAt ?? wallClock() };
  const restored = lastTrace(outputs, commands);
  let traceId = 0;
  let runId = 0;
  const initialTrace: TraceState | null = restored
    ? { id: ++traceId, command: restored.command, trace: restored.traces[restored.traces.length - 1]!, count: restored.traces.length }
    : null;

  let unsavedTold = false;
  /** While saves are held: whether one was asked for (the state is read when it is written). */
  let held = options.holdSaves === true;
  let owed = false;
  let noteId = 0;
  /** Where the nodes of the drag under way were before it (null: no saved position). */
  let dragStart: Record<string, XY | null> | null = null;
  const store = createStore<AppState>()((set, get) => {
    const write = () => {
      const s = get();
      const saved = saveSession(storage, {
        seed: s.seed,
        commands: s.commands,
        times: s.times,
        savedAt: clock.wall,
        positions: s.positions,
        ...(s.collapsed.length > 0 ? { collapsed: s.collapsed } : {}),
        view: s.view,
        graph: snapshotOf(graphOf(s.sim, s.rev)),
        ...(s.inspected ? { inspector: { id: s.inspected, open: s.inspectorOpen } } : {}),
        history: s.history,
      });
      // Storage full or refused: say once that a reload would lose what was built since.
      if (!saved && storage && !unsavedTold) {
        unsavedTold = true;
        set({ notice: { key: 'notice.unsaved' } });
      }
    };
    const save = () => {
      if (held) owed = true;
      else write();
    };

    /** Moves the world's clock by the wall time since the last line; the time the next line runs at. */
    const tick = (): number => {
      const { sim: world } = get();
      const wall = wallClock();
      const elapsed = world.engine.kernel.now - clock.start + Math.max(0, wall - clock.wall);
      advanceTo(world, clock.start, elapsed);
      clock.wall = wall;
      return elapsed;
    };
    const run = (line: string): { out: CommandOutput; at: number } => {
      const at = tick();
      return { out: runLine(get().sim, line), at };
    };

    const record = (line: string, { out, at }: { out: CommandOutput; at: number }, typed?: TraceState['typed']): CommandOutput => {
      const traces = out.traces ?? [];
      const last = traces[traces.length - 1];
      set((s) => ({
        commands: [...s.commands, line],
        times: [...s.times, at],
        history: recordEntry(s.history, { kind: 'command', line, at }),
        rev: s.rev + 1,
        lastRun: { id: (s.lastRun?.id ?? 0) + 1, line, exitCode: out.exitCode, output: out },
        ...(last
          ? {
              trace: { id: ++traceId, command: line, trace: last, count: traces.length, ...(typed ? { typed } : {}) },
              player: { step: 0, playing: true },
              hover: { hop: null, node: null },
            }
          : {}),
      }));
      save();
      return out;
    };

    /** The last session number handed to a tab (a tab may not have run a line yet). */
    let shellSessions = 0;

    const note = (key: string, values?: Record<string, string>) => ({ historyNote: { id: ++noteId, key, ...(values ? { values } : {}) } });

    /**
     * The world rebuilt from these lines (undo and redo of a command): replayed at their
     * times, then brought to the time the world had reached, so its clock never goes back.
     * The terminal stays (its scrollback is the user's); the trace is the new world's last.
     */
    const rebuild = (lines: string[], lineTimes: number[]): Partial<AppState> => {
      const elapsed = tick();
      const fresh = replay(lines, get().seed, lineTimes);
      advanceTo(fresh.sim, fresh.start, elapsed);
      clock.start = fresh.start;
      const last = lastTrace(fresh.outputs, lines);
      const trace = last ? { id: ++traceId, command: last.command, trace: last.traces[last.traces.length - 1]!, count: last.traces.length } : null;
      return {
        sim: fresh.sim,
        commands: lines,
        times: lineTimes,
        rev: get().rev + 1,
        trace,
        player: { step: trace ? trace.trace.hops.length - 1 : 0, playing: false },
        hover: { hop: null, node: null },
      };
    };

    /** The positions after a move's nodes go to `to` (null: no saved position, placed anew). */
    const movedTo = (to: Record<string, XY | null>): Record<string, XY> => {
      const next = { ...get().positions };
      for (const [id, p] of Object.entries(to)) {
        if (p) next[id] = p;
        else delete next[id];
      }
      return next;
    };

    /** Applies an entry backwards (undo) or forwards (redo); false when the world no longer fits it. */
    const apply = (entry: HistoryEntry, direction: 'undo' | 'redo'): Partial<AppState> | undefined => {
      const s = get();
      if (entry.kind === 'move') return { positions: movedTo(direction === 'undo' ? entry.before : entry.after) };
      if (direction === 'undo') {
        if (s.commands.at(-1) !== entry.line) return undefined;
        return rebuild(s.commands.slice(0, -1), s.times.slice(0, -1));
      }
      return rebuild([...s.commands, entry.line], [...s.times, Math.max(entry.at, s.times.at(-1) ?? 0)]);
    };

    const describe = (entry: HistoryEntry): Record<string, string> | undefined => (entry.kind === 'command' ? { line: entry.line } : undefined);

    return {
      sim,
      seed,
      times,
      rev: 0,
      commands,
      positions,
      collapsed,
      view,
      notice,
      origin: loaded.kind === 'loaded' ? 'restored' : 'scenario',
      trace: initialTrace,
      player: { step: initialTrace ? initialTrace.trace.hops.length - 1 : 0, playing: false },
      hover: { hop: null, node: null },
      pendingRun: null,
      world: 0,
      intro: null,
      inspected: inspector?.id ?? null,
      inspectorOpen: inspector?.open ?? false,
      lastRun: null,
      history,
      historyNote: null,

      runHost(line) {
        return record(line, run(line));
      },
      runInContainer(shell, line) {
        // The recorded form is what runs, so replay gives exactly this world.
        const recorded = shellLineOf(shell, line);
        return record(recorded, run(recorded), { container: shell.container, line });
      },
      newShellSession() {
        shellSessions = Math.max(shellSessions, lastShellSession(get().commands)) + 1;
        return shellSessions;
      },
      runInRepl(container, program, line, main) {
        const recorded = replLineOf(container, main, program, line);
        return record(recorded, run(recorded), { container, line, prompt: '>>>' });
      },
      exitContainerShell(container, status, main) {
        const { engine } = get().sim;
        const c = engine.findContainer(container);
        // A shell already gone with its container (docker stop, kill, rm -f) only closes its tab.
        if (!main || !c || !engine.hasConsoleShell(c)) return undefined;
        return get().runHost(attachExitLine(c.name, status));
      },
      setPositions(update, opts = {}) {
        set((s) => ({ positions: { ...s.positions, ...update } }));
        if (opts.save !== false) save();
      },
      dragNodes(update) {
        const start = (dragStart ??= {});
        const { positions: current } = get();
        for (const id of Object.keys(update)) if (!(id in start)) start[id] = current[id] ?? null;
        set((s) => ({ positions: { ...s.positions, ...update } }));
      },
      endDrag() {
        const before = dragStart;
        dragStart = null;
        if (before) {
          const { positions: current } = get();
          const after = Object.fromEntries(Object.keys(before).flatMap((id) => (current[id] ? [[id, current[id]]] : [])));
          const moved = Object.keys(before).some((id) => before[id]?.x !== after[id]?.x || before[id]?.y !== after[id]?.y);
          if (moved) set((s) => ({ history: recordEntry(s.history, { kind: 'move', before, after }) }));
        }
        save();
      },
      discardMove() {
        const { history } = get();
        const last = history.past.at(-1);
        if (last?.kind !== 'move') return;
        set({ positions: movedTo(last.before), history: { ...history, past: history.past.slice(0, -1) } });
        save();
      },
      undo() {
        const step = undoEntry(get().history);
        if (!step) {
          set(note('history.nothingToUndo'));
          return;
        }
        const change = apply(step.entry, 'undo');
        // Cannot happen while every line goes through `record`; should it, the history is what is wrong.
        if (!change) {
          set({ history: EMPTY_HISTORY, ...note('history.nothingToUndo') });
          return;
        }
        set({ ...change, history: step.history, ...note(step.entry.kind === 'command' ? 'history.undone' : 'history.undoneMove', describe(step.entry)) });
        save();
      },
      redo() {
        const { history } = get();
        const step = redoEntry(history);
        if (!step) {
          set(note(history.redoLost ? 'history.redoLost' : 'history.nothingToRedo'));
          return;
        }
        set({ ...apply(step.entry, 'redo'), history: step.history, ...note(step.entry.kind === 'command' ? 'history.redone' : 'history.redoneMove', describe(step.entry)) });
        save();
      },
      resetLayout() {
        set({ positions: {} });
        save();
      },
      setCollapsed(bridge, collapse) {
        const { collapsed: now } = get();
        if (now.includes(bridge) === collapse) return;
        set({ collapsed: collapse ? [...now, bridge] : now.filter((id) => id !== bridge) });
        save();
      },
      setView(update) {
        set((s) => ({ view: { ...s.view, ...update } }));
        save();
      },
      dismissNotice() {
        set({ notice: null });
      },
      setNotice(notice) {
        set({ notice });
      },
      resetWorld(kind = 'starter') {
        const lines = kind === 'empty' ? [] : scenario.commands;
        const fresh = replay(lines, DEFAULT_SEED);
        Object.assign(clock, { start: fresh.start, wall: wallClock() });
        set((s) => ({
          sim: fresh.sim,
          seed: DEFAULT_SEED,
          rev: s.rev + 1,
          commands: [...lines],
          times: lines.map(() => 0),
          positions: {},
          collapsed: [],
          trace: null,
          player: { step: 0, playing: false },
          hover: { hop: null, node: null },
          notice: null,
          origin: 'scenario',
          world: s.world + 1,
          intro: null,
          inspected: null,
          inspectorOpen: false,
          history: EMPTY_HISTORY,
          historyNote: null,
        }));
        save();
      },
      requestRun(line) {
        set({ pendingRun: { id: ++runId, line } });
      },
      requestType(line) {
        set({ pendingRun: { id: ++runId, line, typeOnly: true } });
      },
      replaceWorld(lines, intro, options = {}) {
        const seed = options.seed ?? DEFAULT_SEED;
        const times = options.times?.length === lines.length ? [...options.times] : lines.map(() => 0);
        const fresh = takeReplay(lines, seed, times);
        Object.assign(clock, { start: fresh.start, wall: wallClock() });
        const rev = get().rev + 1;
        const graph = () => graphOf(fresh.sim, rev);
        const positions = options.positions ?? (options.layout ? positionsOf(options.layout, graph()) : {});
        const collapsed = options.collapsed ? collapsedIdsOf(options.collapsed, graph()) : options.collapsedIds ? bridgesAmong(options.collapsedIds, graph()) : [];
        const last = lastTrace(fresh.outputs, lines);
        const trace = last ? { id: ++traceId, command: last.command, trace: last.traces[last.traces.length - 1]!, count: last.traces.length } : null;
        set((s) => ({
          sim: fresh.sim,
          seed,
          rev,
          commands: [...lines],
          times,
          positions: { ...positions },
          collapsed,
          trace,
          player: { step: trace ? trace.trace.hops.length - 1 : 0, playing: false },
          hover: { hop: null, node: null },
          notice: null,
          origin: 'scenario',
          world: s.world + 1,
          intro: intro ?? null,
          pendingRun: null,
          inspected: null,
          inspectorOpen: false,
          history: EMPTY_HISTORY,
          historyNote: null,
        }));
        save();
      },
      takePendingRun(id) {
        if (get().pendingRun?.id === id) set({ pendingRun: null });
      },
      setStep(step) {
        const t = get().trace;
        if (!t) return;
        const clamped = Math.max(0, Math.min(t.trace.hops.length - 1, step));
        set((s) => ({ player: { ...s.player, step: clamped } }));
      },
      setPlaying(playing) {
        const s = get();
        if (!s.trace) return;
        // Play at the end starts over.
        const atEnd = s.player.step >= s.trace.trace.hops.length - 1;
        set({ player: { step: playing && atEnd ? 0 : s.player.step, playing } });
      },
      setHover(update) {
        set((s) => ({ hover: { ...s.hover, ...update } }));
      },
      inspect(id, open = false) {
        const s = get();
        const inspectorOpen = open || s.inspectorOpen;
        if (s.inspected === id && s.inspectorOpen === inspectorOpen) return;
        set({ inspected: id, inspectorOpen });
        save();
      },
      setInspectorOpen(open) {
        if (get().inspectorOpen === open) return;
        set({ inspectorOpen: open });
        save();
      },
      releaseSaves() {
        if (!held) return;
        held = false;
        if (owed) write();
        owed = false;
      },
    };
  });
  // Saves what replaced an unreadable session only once the user acts; the backup keeps the old text.
  if (loaded.kind !== 'unreadable' && held) owed = true;
  else if (loaded.kind !== 'unreadable') {
    saveSession(storage, { seed, commands, times, savedAt: clock.wall, positions, ...(collapsed.length > 0 ? { collapsed } : {}), view, graph: snapshotOf(graphOf(sim, 0)), ...(inspector ? { inspector } : {}), history });
  }
  return store;
}
