/**
 * What the first screen draws before the simulator has loaded, read from
 * localStorage without it: the saved session's graph snapshot and positions
 * (a returning visitor), else the starter world's generated snapshot (a chunk
 * of its own, loaded only when it is drawn: a link or a saved world of one's
 * own does not need it); the view settings, the gallery's scenario and step,
 * the lines run, the header's line.
 */
import { STARTER_SCENARIO } from '../../scenario/starter.ts';
import { collapseGraph } from '../canvas/collapse.ts';
import { isNarrow } from '../canvas/fit.ts';
import { type HeaderLine, starterHeaderLine } from '../gallery/header-line.ts';
import { loadGallery, type SavedGallery } from '../gallery/saved.ts';
import type { GraphSnapshot } from '../graph/snapshot.ts';
import type { STARTER_SNAPSHOT } from '../graph/starter-snapshot.ts';
import { loadGalleryText } from '../i18n/index.ts';
import { DEFAULT_VIEW, loadSession, type LoadResult, type StorageLike, type ViewSettings, type XY } from '../state/persist.ts';

export type StarterSnapshot = typeof STARTER_SNAPSHOT;

export interface BootState {
  /** Undefined for a session saved before snapshots were (the canvas waits for the simulator). */
  graph: GraphSnapshot | undefined;
  positions: Record<string, XY>;
  view: ViewSettings;
  commands: readonly string[];
  gallery: SavedGallery;
  /** The starter's title and hint; a restored scenario's once `withScenarioHeader` has loaded the gallery. */
  header: HeaderLine;
  /**
   * The positions are the starter's automatic layout, for an upright phone (true) or a wider
   * screen (false); undefined: the user's own. Turning the phone lays the first ones out anew.
   */
  autoNarrow?: boolean;
}

/** What localStorage holds, read once: the theme is set from it before the starter's chunk has arrived. */
export interface SavedBoot {
  loaded: LoadResult;
  gallery: SavedGallery;
  view: ViewSettings;
}

export function readSavedBoot(storage: StorageLike | undefined): SavedBoot {
  const loaded = loadSession(storage);
  return { loaded, gallery: loadGallery(storage), view: loaded.kind === 'loaded' ? loaded.session.view : { ...DEFAULT_VIEW } };
}

function isStarterSession(commands: readonly string[]): boolean {
  const starter = STARTER_SCENARIO.commands;
  return commands.length === starter.length && commands.every((line, i) => line === starter[i]);
}

/** Whether the first screen draws the starter's snapshot (nothing saved, or the starter's lines without a snapshot of their own). */
export function drawsStarter(saved: SavedBoot): boolean {
  if (saved.loaded.kind !== 'loaded') return true;
  const { session } = saved.loaded;
  return isStarterSession(session.commands) && (session.graph === undefined || Object.keys(session.positions).length === 0);
}

/** An upright phone gets the layout with the bridges stacked, which fits its width. */
function starterPositions(starter: StarterSnapshot): Pick<BootState, 'positions' | 'autoNarrow'> {
  const narrow = isNarrow();
  return { positions: narrow ? starter.narrowPositions : starter.positions, autoNarrow: narrow };
}

/**
 * The first screen's state; `starter` is the starter's snapshot where `drawsStarter` says it is
 * drawn (without it, that canvas waits for the simulator).
 */
export function bootStateOf(saved: SavedBoot, starter: StarterSnapshot | undefined): BootState {
  const { loaded, gallery } = saved;
  // Nothing saved, or unreadable (the store starts the starter world and says why).
  if (loaded.kind !== 'loaded') {
    const commands = STARTER_SCENARIO.commands;
    const header = starterHeaderLine();
    if (!starter) return { graph: undefined, positions: {}, commands, view: { ...DEFAULT_VIEW }, gallery, header };
    return { graph: starter, ...starterPositions(starter), commands, view: { ...DEFAULT_VIEW }, gallery, header };
  }
  const { session } = loaded;
  const isStarter = isStarterSession(session.commands);
  const snapshot = session.graph ?? (isStarter ? starter : undefined);
  // Collapsed networks drawn as the live canvas will draw them, so the swap shows no change.
  const drawn = snapshot && session.collapsed ? collapseGraph({ ...snapshot, netnsNode: {}, vethEdge: {}, ifaceNode: {} }, session.collapsed) : undefined;
  const graph = snapshot && drawn ? { ...snapshot, nodes: drawn.nodes, edges: drawn.edges } : snapshot;
  const ownPositions = Object.keys(session.positions).length > 0 || !isStarter;
  const placed = ownPositions || !starter ? { positions: session.positions } : starterPositions(starter);
  return { graph, ...placed, view: session.view, commands: session.commands, gallery, header: starterHeaderLine(session.commands) };
}

/** The first screen's state from what `storage` holds, with the starter's snapshot at hand (tests, tools). */
export function bootState(storage: StorageLike | undefined, starter: StarterSnapshot | undefined): BootState {
  return bootStateOf(readSavedBoot(storage), starter);
}

/**
 * With a gallery scenario saved as open, the header shows its title and next
 * step: the gallery's scenarios and English text (chunks of their own, not in
 * the first load) come first. Without one, the state as it is, at once. Should
 * they fail to load, the starter's line stays (the live app, which needs the
 * same chunks, then fails and the first screen says so).
 */
export async function withScenarioHeader(state: BootState): Promise<BootState> {
  const { id, step, linked } = state.gallery;
  if (id === null) return state;
  try {
    const [{ headerLine }, { restoreLinkedText, loadGalleryScenarios, loadDocReader }] = await Promise.all([import('../gallery/model.ts'), import('../gallery/registry.ts'), loadGalleryText()]);
    await Promise.all([loadGalleryScenarios(), linked !== undefined ? loadDocReader() : undefined]);
    restoreLinkedText(linked);
    return { ...state, header: headerLine(state.commands, id, step) };
  } catch {
    return state;
  }
}
