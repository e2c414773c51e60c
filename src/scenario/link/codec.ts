/**
 * A scenario in a URL: `#s=1.DATA`, DATA being the document's JSON, deflated
 * (fflate, raw deflate with link version 1's preset dictionary) and written in
 * base64url. No server is involved, so a link works from any static host. What
 * comes from a link is untrusted: its length and what it inflates to are capped
 * before anything is parsed, and the document is read like any file (read.ts).
 */
import { deflateSync, Inflate } from 'fflate';
import { readScenario, type ReadError } from '../format/read.ts';
import type { ScenarioDoc } from '../format/types.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { DICTIONARY_V1 } from './dictionary.ts';

/** The link version this build writes; it reads every version up to it. */
export const LINK_VERSION = 1;
/** What a link may inflate to. */
export const MAX_INFLATED_BYTES = 256 * 1024;
/** Characters of a link's data (a browser keeps URLs of about 2 MB; a scenario needs far less). */
export const MAX_LINK_CHARS = 128 * 1024;

export type LinkError =
  | ReadError
  /** Not a link this build wrote: other characters, or bytes that do not inflate. */
  | { kind: 'corrupt' }
  /** The data ends too soon (cut when copied). */
  | { kind: 'truncated' }
  /** Longer than MAX_LINK_CHARS, or inflates beyond MAX_INFLATED_BYTES. */
  | { kind: 'too-large' }
  /** A gallery scenario this build does not have. */
  | { kind: 'unknown-scenario'; id: string };

export type LinkResult = { ok: true; doc: ScenarioDoc } | { ok: false; error: LinkError };

/** `1.DATA`: the document as a link's data, with its version prefix. */
export function encodeScenario(doc: ScenarioDoc): string {
  const json = new TextEncoder().encode(JSON.stringify(doc));
  return `${LINK_VERSION}.${toBase64Url(deflateSync(json, { level: 9, mem: 8, dictionary: DICTIONARY_V1 }))}`;
}

/** Inflates in small pieces so that a deflate bomb is stopped at the cap, not after it. */
function inflateCapped(bytes: Uint8Array, dictionary: Uint8Array): Uint8Array | LinkError {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  let tooLarge = false;
  const inflate = new Inflate({ dictionary }, (chunk, final) => {
    size += chunk.length;
    if (size > MAX_INFLATED_BYTES) {
      tooLarge = true;
      throw new RangeError('inflates beyond the cap');
    }
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    const piece = 1024;
    for (let i = 0; i < bytes.length; i += piece) inflate.push(bytes.subarray(i, i + piece), i + piece >= bytes.length);
    if (bytes.length === 0) inflate.push(bytes, true);
  } catch (e) {
    if (tooLarge) return { kind: 'too-large' };
    // fflate's code 0: the stream ended before its last block.
    return (e as { code?: number }).code === 0 ? { kind: 'truncated' } : { kind: 'corrupt' };
  }
  if (!ended) return { kind: 'truncated' };
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Reads a link's data (`1.DATA`). Never throws. */
export function decodeScenario(token: string): LinkResult {
  if (token.length > MAX_LINK_CHARS) return { ok: false, error: { kind: 'too-large' } };
  const match = /^(\d{1,6})\.([A-Za-z0-9_-]*)$/.exec(token);
  if (!match) return { ok: false, error: { kind: 'corrupt' } };
  const version = Number(match[1]);
  if (version > LINK_VERSION) return { ok: false, error: { kind: 'newer', version } };
  if (version < 1) return { ok: false, error: { kind: 'corrupt' } };
  // A base64url text one character past a whole byte was cut short; what is left may still tell (truncated).
  const text = match[2]!.length % 4 === 1 ? match[2]!.slice(0, -1) : match[2]!;
  const bytes = fromBase64Url(text);
  if (!bytes || bytes.length === 0) return { ok: false, error: { kind: 'corrupt' } };
  const inflated = inflateCapped(bytes, DICTIONARY_V1);
  if (!(inflated instanceof Uint8Array)) return { ok: false, error: inflated };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, error: { kind: 'corrupt' } };
  }
  return readScenario(data);
}
