/**
 * What a URL's fragment asks for, read without decoding it: a whole scenario's
 * data (`#s=1.DATA`, which codec.ts decodes), or a gallery scenario by its id
 * and step (`#g=three-ways&step=2`). Apart from the codec so that a gallery link
 * opens without loading fflate and the format's schema.
 */
import type { LinkError } from './codec.ts';

export type FragmentTarget =
  | { kind: 'none' }
  /** A scenario's link data (`1.DATA`), still to decode. */
  | { kind: 'scenario-data'; data: string }
  /** `step` counts from 1, as the Guide numbers steps. */
  | { kind: 'gallery'; id: string; step?: number }
  | { kind: 'error'; error: LinkError };

/** Reads `location.hash` (with or without its `#`). Never throws. */
export function readFragment(hash: string): FragmentTarget {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { kind: 'none' };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { kind: 'error', error: { kind: 'corrupt' } };
  }
  const data = params.get('s');
  if (data !== null) return { kind: 'scenario-data', data };
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

/** The fragment (without `#`) of a gallery scenario, optionally at a step (from 1). */
export function galleryFragment(id: string, step?: number): string {
  return step !== undefined && step > 1 ? `g=${id}&step=${step}` : `g=${id}`;
}
