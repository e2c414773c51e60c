/**
 * What the Share dialog links to, as pure functions of the world on screen.
 * A scenario left as it opened, its steps run in order up to some step, is
 * linked as that scenario at that step (a gallery one by its id, `#g=ID&step=N`,
 * unless its layout goes too); anything else is the user's own world: all its
 * lines as the setup, with the open scenario's steps when there is one. The
 * layout option carries the diagram as the author sees it: node positions and
 * collapsed networks, by stable names.
 */
import type { ScenarioDoc } from '../../scenario/format/types.ts';
import { GALLERY } from '../../scenario/gallery/scenarios.ts';
import type { GalleryScenario } from '../../scenario/gallery/types.ts';
import { galleryFragment, scenarioFragment } from '../../scenario/link/fragment.ts';
import { DEFAULT_SEED } from '../../scenario/seed.ts';
import { collapsedNamesOf, layoutOf } from '../graph/layout-keys.ts';
import type { TopologyGraph } from '../graph/types.ts';
import type { XY } from '../state/persist.ts';
import { startsWith } from '../gallery/header-line.ts';

export interface ShareWorld {
  commands: readonly string[];
  seed: number;
  positions: Record<string, XY>;
  /** Bridges whose containers the canvas draws as one group (node ids). */
  collapsed: readonly string[];
  graph: TopologyGraph;
  /** The open scenario, if the world still starts with its setup. */
  scenario: GalleryScenario | undefined;
}

export type ShareModel =
  /** An open scenario as it opened, with steps 1..ran run in order: it can be linked at any step. */
  | { kind: 'scenario'; scenario: GalleryScenario; ran: number; gallery: boolean }
  /** The user's own world (their version of the open scenario, if any). */
  | { kind: 'world'; scenario: GalleryScenario | undefined };

export interface ShareOptions {
  /** The step to start at, from 1 (a `scenario` model only; steps before it run when the link opens). */
  step: number;
  /** Carry the node positions and the collapsed networks: the diagram as the author sees it. */
  layout: boolean;
  /** The title of a `world` (empty: none). */
  title: string;
}

export function shareModel(world: ShareWorld): ShareModel {
  const { scenario, commands } = world;
  if (scenario && startsWith(commands, scenario.commands)) {
    const after = commands.slice(scenario.commands.length);
    const inOrder = after.length <= scenario.steps.length && after.every((line, i) => scenario.steps[i]!.command === line);
    if (inOrder && world.seed === scenario.seed) {
      return { kind: 'scenario', scenario, ran: after.length, gallery: GALLERY.includes(scenario) };
    }
  }
  return { kind: 'world', scenario };
}

function layoutPart(world: ShareWorld, options: ShareOptions): Pick<ScenarioDoc, 'layout'> {
  if (!options.layout) return {};
  const layout = layoutOf(world.positions, world.graph);
  return Object.keys(layout).length > 0 ? { layout } : {};
}

/** The view a link opens with: its step, and (with the layout) the collapsed networks; nothing when both are defaults. */
function viewPart(world: ShareWorld, options: ShareOptions, step: number): Pick<ScenarioDoc, 'view'> {
  const collapsed = options.layout ? collapsedNamesOf(world.collapsed, world.graph) : [];
  const view = { ...(step > 1 ? { step } : {}), ...(collapsed.length > 0 ? { collapsed } : {}) };
  return Object.keys(view).length > 0 ? { view } : {};
}

/** The scenario document the link carries. */
export function shareDoc(world: ShareWorld, model: ShareModel, options: ShareOptions): ScenarioDoc {
  if (model.kind === 'scenario') {
    const { doc } = model.scenario;
    const { layout: _layout, view: _view, ...rest } = doc;
    return { ...rest, ...layoutPart(world, options), ...viewPart(world, options, options.step) };
  }
  const title = options.title.trim();
  const steps = model.scenario?.doc.steps;
  return {
    vethlab: 1,
    ...(title ? { title } : {}),
    ...(world.seed !== DEFAULT_SEED ? { seed: world.seed } : {}),
    setup: [...world.commands],
    ...(steps && steps.length > 0 ? { steps } : {}),
    ...layoutPart(world, options),
    ...viewPart(world, options, 1),
  };
}

/** The link's fragment (without `#`). */
export function shareFragment(world: ShareWorld, model: ShareModel, options: ShareOptions): string {
  if (model.kind === 'scenario' && model.gallery && !options.layout) return galleryFragment(model.scenario.id, options.step);
  return scenarioFragment(shareDoc(world, model, options));
}

/** The page's address without its fragment: where the link points. */
export function siteAddress(location: Pick<Location, 'origin' | 'pathname' | 'search'>): string {
  return `${location.origin}${location.pathname}`;
}
