/**
 * Older scenario versions, brought up to the current one. Each migration takes
 * a document of version N to N + 1; a document of a version newer than this
 * build is refused, never guessed at. test/scenario/format.test.ts keeps frozen
 * documents and links of every version, which must keep opening.
 */
import { SCENARIO_VERSION } from './types.ts';
import type { ReadError } from './read.ts';

type Doc = Record<string, unknown>;

/** From version N (the key) to N + 1. Empty while version 1 is the only one. */
const MIGRATIONS: Readonly<Record<number, (doc: Doc) => Doc>> = {};

export function migrate(data: unknown): { ok: true; doc: Doc } | { ok: false; error: ReadError } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: { kind: 'invalid', detail: 'a scenario is a mapping of fields (vethlab, title, setup, steps...)' } };
  }
  let doc = data as Doc;
  const version = doc.vethlab;
  if (version === undefined) return { ok: false, error: { kind: 'invalid', detail: 'vethlab: missing (the format version, 1)' } };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: { kind: 'invalid', detail: `vethlab: ${JSON.stringify(version)} is not a format version` } };
  }
  if (version > SCENARIO_VERSION) return { ok: false, error: { kind: 'newer', version } };
  for (let n = version; n < SCENARIO_VERSION; n++) {
    const step = MIGRATIONS[n];
    if (!step) return { ok: false, error: { kind: 'invalid', detail: `vethlab: no migration from version ${n}` } };
    doc = { ...step(doc), vethlab: n + 1 };
  }
  return { ok: true, doc };
}
