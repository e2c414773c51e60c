/**
 * What the Engine API returns, typed the way the docker client's Go values are:
 * the client runs `--format` / `-f` templates on its typed structs, so a
 * template sees more than the JSON says. A plain object is a struct whose key
 * order is Go's field order; `goMap` marks a map (encoding/json sorts its keys);
 * `goStruct` names the struct and keeps the zero-valued fields its JSON omits
 * (`omitempty`); `goNil` is a nil slice or map (JSON `null`). A nil pointer is
 * `null`. The marks live outside the objects, so `JSON.stringify` of a value is
 * exactly the API's JSON.
 */

const MAPS = new WeakSet<object>();

/** Marks `value` as a Go map (sorted keys in JSON and `range`, "<no value>" for a missing key). */
export function goMap<T extends object>(value: T): T {
  MAPS.add(value);
  return value;
}

export function isGoMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && MAPS.has(value);
}

export interface GoStructInfo {
  /** Go type, for error messages (`network.IPAMConfig`). */
  type: string;
  /** Fields the struct has but its JSON leaves out (`omitempty` at their zero value), with that zero value. */
  zero: Record<string, unknown>;
}

const STRUCTS = new WeakMap<object, GoStructInfo>();

/**
 * Marks `value` as a Go struct of `type`; `omitempty` lists fields with their
 * zero values: those `value` lacks are still readable in a template
 * (`{{.Gateway}}` of an IPAM config without a gateway prints ""), and `json`
 * still leaves them out.
 */
export function goStruct<T extends object>(value: T, type: string, omitempty: Record<string, unknown> = {}): T {
  const zero: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(omitempty)) if (!Object.prototype.hasOwnProperty.call(value, k)) zero[k] = v;
  STRUCTS.set(value, { type, zero });
  return value;
}

export function goStructInfo(value: unknown): GoStructInfo | undefined {
  return typeof value === 'object' && value !== null ? STRUCTS.get(value) : undefined;
}

const NILS = new WeakMap<object, 'slice' | 'map'>();

function makeNil(kind: 'slice' | 'map'): object {
  const nil = {};
  Object.defineProperty(nil, 'toJSON', { value: () => null, enumerable: false });
  NILS.set(nil, kind);
  return Object.freeze(nil);
}

const NIL_SLICE = makeNil('slice');
const NIL_MAP = makeNil('map');

/** A nil slice or map: `null` in JSON, `[]` / `map[]` when a template prints it, empty to range/len/if. */
export function goNil(kind: 'slice' | 'map'): unknown {
  return kind === 'slice' ? NIL_SLICE : NIL_MAP;
}

export function goNilKind(value: unknown): 'slice' | 'map' | undefined {
  return typeof value === 'object' && value !== null ? NILS.get(value) : undefined;
}

/** A slice that is nil when empty (`omitempty`-less Go slices the daemon leaves unset). */
export function sliceOrNil<T>(items: T[]): T[] | unknown {
  return items.length > 0 ? items : goNil('slice');
}

/** The raw form: the JSON decoded into maps, as the client holds it when the typed value fails a template. */
export function goRaw(value: unknown): unknown {
  const asMaps = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(asMaps);
    if (v && typeof v === 'object') return goMap(Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, asMaps(x)])));
    return v;
  };
  return asMaps(JSON.parse(JSON.stringify(value ?? null)) as unknown);
}
