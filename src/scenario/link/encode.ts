/**
 * Writes a scenario as a link's data (`1.DATA`, codec.ts reads it): the document's JSON,
 * deflated by fflate at its best level with link version 1's preset dictionary, in
 * base64url. Only what shares a world loads it (the Share dialog, the CLI).
 */
import { deflateSync } from 'fflate';
import type { ScenarioDoc } from '../format/types.ts';
import { toBase64Url } from './base64url.ts';
import { LINK_VERSION } from './codec.ts';
import { DICTIONARY_V1 } from './dictionary.ts';

/** `1.DATA`: the document as a link's data, with its version prefix. */
export function encodeScenario(doc: ScenarioDoc): string {
  const json = new TextEncoder().encode(JSON.stringify(doc));
  return `${LINK_VERSION}.${toBase64Url(deflateSync(json, { level: 9, mem: 8, dictionary: DICTIONARY_V1 }))}`;
}
