/**
 * What a URL's fragment asks for: a whole scenario (`#s=1.DATA`), or a gallery
 * scenario by its id and step (`#g=three-ways&step=2`). The fragment never
 * reaches a server, which is what lets the site be hosted anywhere static.
 */
import { decodeScenario, encodeScenario, type LinkError } from './codec.ts';
import type { ScenarioDoc } from '../format/types.ts';

export type LinkTarget =
  | { kind: 'none' }
  | { kind: 'scenario'; doc: ScenarioDoc }
  /** `step` counts from 1, as the Guide numbers steps. */
  | { kind: 'gallery'; id: string; step?: number }
  | { kind: 'error'; error: LinkError };

/** Reads `location.hash` (with or without its `#`). Never throws. */
export function parseFragment(hash: string): LinkTarget {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { kind: 'none' };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { kind: 'error', error: { kind: 'corrupt' } };
  }
  const data = params.get('s');
  if (data !== null) {
    const result = decodeScenario(data);
    return result.ok ? { kind: 'scenario', doc: result.doc } : { kind: 'error', error: result.error };
  }
  const id = params.get('g');
  if (id !== null) {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) return { kind: 'error', error: { kind: 'unknown-scenario', id: id.slice(0, 64) } };
    const step = params.get('step');
    if (step === null) return { kind: 'gallery', id };
    const n = Number(step);
    return Number.isInteger(n) && n >= 1 && n <= 500 ? { kind: 'gallery', id, step: n } : { kind: 'error', error: { kind: 'invalid', detail: `step: ${step.slice(0, 20)} is not a step number` } };
  }
  // Any other fragment (an anchor) is not a link to a scenario.
  return { kind: 'none' };
}

/** The fragment (without `#`) of a whole scenario. */
export function scenarioFragment(doc: ScenarioDoc): string {
  return `s=${encodeScenario(doc)}`;
}

/** The fragment (without `#`) of a gallery scenario, optionally at a step (from 1). */
export function galleryFragment(id: string, step?: number): string {
  return step !== undefined && step > 1 ? `g=${id}&step=${step}` : `g=${id}`;
}
