/**
 * What a URL's fragment asks for: a whole scenario (`#s=1.DATA`), or a gallery
 * scenario by its id and step (`#g=three-ways&step=2`). The fragment never
 * reaches a server, which is what lets the site be hosted anywhere static.
 * (target.ts reads one without decoding it.)
 */
import { decodeScenario, type LinkError } from './codec.ts';
import { encodeScenario } from './encode.ts';
import type { ScenarioDoc } from '../format/types.ts';
import { readFragment } from './target.ts';

export { galleryFragment } from './target.ts';

export type LinkTarget =
  | { kind: 'none' }
  | { kind: 'scenario'; doc: ScenarioDoc }
  /** `step` counts from 1, as the Guide numbers steps. */
  | { kind: 'gallery'; id: string; step?: number }
  | { kind: 'error'; error: LinkError };

/** Reads `location.hash` (with or without its `#`), decoding a scenario's data. Never rejects. */
export async function parseFragment(hash: string): Promise<LinkTarget> {
  const target = readFragment(hash);
  if (target.kind !== 'scenario-data') return target;
  const result = await decodeScenario(target.data);
  return result.ok ? { kind: 'scenario', doc: result.doc } : { kind: 'error', error: result.error };
}

/** The fragment (without `#`) of a whole scenario. */
export function scenarioFragment(doc: ScenarioDoc): string {
  return `s=${encodeScenario(doc)}`;
}
