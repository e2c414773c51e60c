/**
 * Share links: each gallery scenario's whole document (all its text) as a
 * link's data, ours (`1.DATA`: deflate with a preset dictionary, base64url)
 * beside lz-string's compressToEncodedURIComponent of the same JSON. Ours must
 * be shorter for every one, also with every bridge network collapsed (a view
 * the Share dialog carries with the layout).
 */
import LZString from 'lz-string';
import { encodeScenario, GALLERY, replay, type ScenarioDoc } from '../../src/scenario/index.ts';

export interface LinkSize {
  id: string;
  ours: number;
  lz: number;
  /** A variant of a gallery scenario, not counted in the total. */
  variant?: boolean;
}

function sizes(id: string, doc: ScenarioDoc, variant = false): LinkSize {
  return { id, ours: encodeScenario(doc).length, lz: LZString.compressToEncodedURIComponent(JSON.stringify(doc)).length, ...(variant ? { variant } : {}) };
}

/** The document with each bridge network of its world collapsed (`view.collapsed`, by stable names). */
function allCollapsed(doc: ScenarioDoc): ScenarioDoc {
  const networks = [...replay(doc.setup, doc.seed).sim.engine.networks.values()].filter((n) => n.driver === 'bridge');
  return { ...doc, view: { ...doc.view, collapsed: networks.map((n) => `network:${n.name}`) } };
}

/** Characters of each gallery scenario's link data, ours and lz-string's; then the collapsed variants. */
export function linkSizes(): LinkSize[] {
  return [...GALLERY.map(({ id, doc }) => sizes(id, doc)), ...GALLERY.map(({ id, doc }) => sizes(`${id}.collapsed`, allCollapsed(doc), true))];
}
