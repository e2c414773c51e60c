/**
 * A scenario in a URL: `#s=1.DATA`, DATA being the document's JSON, deflated
 * (raw deflate with link version 1's preset dictionary; encode.ts writes it with
 * fflate) and written in base64url. No server is involved, so a link works from
 * any static host. What comes from a link is untrusted: its length and what it
 * inflates to are capped before anything is parsed, and the document is read like
 * any file (read.ts).
 *
 * Reading uses the platform's own inflater (DecompressionStream, in every browser
 * and in Node), so opening a link loads no compression library. It takes no preset
 * dictionary; the dictionary is given as the stream's first, stored block instead:
 * inflating that block puts the dictionary in the window, exactly where a preset
 * dictionary goes, and the link's blocks, which start on a byte boundary, refer to
 * it alike (RFC 1951, 3.2.4).
 */
import { readScenario, type ReadError } from '../format/read.ts';
import type { ScenarioDoc } from '../format/types.ts';
import { fromBase64Url } from './base64url.ts';
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

/** A stored, not final, deflate block holding `bytes` (at most 65,535 of them): BFINAL 0, BTYPE 00, LEN, NLEN. */
function storedBlock(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const block = new Uint8Array(5 + bytes.length);
  const len = bytes.length;
  block.set([0, len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff]);
  block.set(bytes, 5);
  return block;
}

const PIECE = 1024;

/**
 * How the platform's inflaters say a stream ended before its last block: Chromium's
 * "Compressed input was truncated.", zlib's "unexpected end of file" (Node). Anything
 * else they report is data that is not deflate (corrupt).
 */
const CUT_SHORT = /truncated|unexpected end|end of (?:file|stream|input)/i;

/** Inflates in small pieces so that a deflate bomb is stopped at the cap, not after it. */
async function inflateCapped(bytes: Uint8Array<ArrayBuffer>, dictionary: Uint8Array): Promise<Uint8Array | LinkError> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Written while the output is read: a write waits for the reader when the stream's queue is full.
  const writing = (async () => {
    await writer.write(storedBlock(dictionary));
    for (let i = 0; i < bytes.length; i += PIECE) await writer.write(bytes.subarray(i, i + PIECE));
    await writer.close();
  })();
  writing.catch(() => undefined); // its failure is the reader's too, and is read there
  const chunks: Uint8Array[] = [];
  let size = -dictionary.length;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_INFLATED_BYTES) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'too-large' };
      }
      chunks.push(value);
    }
    await writing;
  } catch (error) {
    return CUT_SHORT.test(error instanceof Error ? error.message : String(error)) ? { kind: 'truncated' } : { kind: 'corrupt' };
  }
  const all = new Uint8Array(size + dictionary.length);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return all.subarray(dictionary.length);
}

/** Reads a link's data (`1.DATA`). Never rejects. */
export async function decodeScenario(token: string): Promise<LinkResult> {
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
  const inflated = await inflateCapped(bytes, DICTIONARY_V1);
  if (!(inflated instanceof Uint8Array)) return { ok: false, error: inflated };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, error: { kind: 'corrupt' } };
  }
  return readScenario(data);
}
