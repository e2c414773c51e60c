/**
 * What the first screen draws before the simulator has loaded, read from
 * localStorage without it: the saved session's graph snapshot and positions
 * (a returning visitor), else the starter world's generated snapshot; the view
 * settings, the gallery's scenario and step, the lines run, the header's line.
 */
import { STARTER_SCENARIO } from '../../scenario/starter.ts';
import { collapseGraph } from '../canvas/collapse.ts';
import { isNarrow } from '../canvas/fit.ts';
import { type HeaderLine, starterHeaderLine } from '../gallery/header-line.ts';
import { loadGallery, type SavedGallery } from '../gallery/saved.ts';
import type { GraphSnapshot } from '../graph/snapshot.ts';
import { STARTER_SNAPSHOT } from '../graph/starter-snapshot.ts';
import { loadGalleryText } from '../i18n/index.ts';
import { DEFAULT_VIEW, loadSession, type StorageLike, type ViewSettings, type XY } from '../state/persist.ts';

export interface BootState {
  /** Undefined for a session saved before snapshots were (the canvas waits for the simulator). */
  graph: GraphSnapshot | undefined;
  positions: Record<string, XY>;
  view: ViewSettings;
  commands: readonly string[];
  gallery: SavedGallery;
  /** The starter's title and hint; a restored scenario's once `withScenarioHeader` has loaded the gallery. */
  header: HeaderLine;
}

const STARTER: Pick<BootState, 'graph' | 'positions' | 'commands'> = {
  graph: STARTER_SNAPSHOT,
  // An upright phone gets the layout with the bridges stacked, which fits its width.
  get positions() {
    return isNarrow() ? STARTER_SNAPSHOT.narrowPositions : STARTER_SNAPSHOT.positions;
  },
  commands: STARTER_SCENARIO.commands,
};

export function bootState(storage: StorageLike | undefined): BootState {
  const gallery = loadGallery(storage);
  const loaded = loadSession(storage);
  // Nothing saved, or unreadable (the store starts the starter world and says why).
  if (loaded.kind !== 'loaded') return { ...STARTER, view: { ...DEFAULT_VIEW }, gallery, header: starterHeaderLine() };
  const { session } = loaded;
  const isStarter =
    session.commands.length === STARTER.commands.length && session.commands.every((line, i) => line === STARTER.commands[i]);
  const saved = session.graph ?? (isStarter ? STARTER_SNAPSHOT : undefined);
  // Collapsed networks drawn as the live canvas will draw them, so the swap shows no change.
  const drawn = saved && session.collapsed ? collapseGraph({ ...saved, netnsNode: {}, vethEdge: {}, ifaceNode: {} }, session.collapsed) : undefined;
  const graph = saved && drawn ? { ...saved, nodes: drawn.nodes, edges: drawn.edges } : saved;
  const positions = Object.keys(session.positions).length > 0 || !isStarter ? session.positions : STARTER.positions;
  return { graph, positions, view: session.view, commands: session.commands, gallery, header: starterHeaderLine(session.commands) };
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
    const [{ headerLine }, { restoreLinkedText }] = await Promise.all([import('../gallery/model.ts'), import('../gallery/registry.ts'), loadGalleryText()]);
    restoreLinkedText(linked);
    return { ...state, header: headerLine(state.commands, id, step) };
  } catch {
    return state;
  }
}
