/**
 * A registry that answers: what `docker pull REF` gets in the playground.
 * Every well-formed reference resolves, deterministically: a repository of the
 * catalog gets its variant's config, anything else a small busybox userland;
 * IDs, digests and layer blobs are derived from the reference by hashing, so
 * the same pull gives the same bytes in every world. The one repository it
 * refuses is a bare hexadecimal name (`647197174783`, an image ID typed as a
 * name), with Docker Hub's own "pull access denied". Also here: the lines a
 * pull prints when stdout is not a terminal (cli jsonmessage: progress bars
 * are dropped, each status is its own `ID: Status` line).
 */
import { SeededRandom } from '../net/rng.ts';
import { catalogEntry, FALLBACK_VARIANT, starterVariant, variantFor, type Variant } from './catalog.ts';
import type { Image } from './images.ts';
import { DEFAULT_DOMAIN, canonicalName, canonicalString, familiarName, familiarString, type NamedReference } from './reference.ts';
import { USERLANDS } from './userland.ts';

/** What the registry serves for one reference: the image and its manifest's digest and layer blobs. */
export interface Manifest {
  /** The reference as pulled (a tag or a digest). */
  ref: NamedReference;
  image: Image;
  /** `sha256:...` of the manifest (`Digest:` line, RepoDigests). */
  digest: string;
}

/** 64 hex digits derived from a string (FNV-1a seeding the simulator's generator): stable across runs and worlds. */
export function derivedHex(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return new SeededRandom(h).hex(32);
}

/** Docker Hub's answer for a repository that does not exist (or is private). */
export function accessDenied(ref: NamedReference): string {
  return `pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
}

/** The registry's answer for a named reference: its manifest, or the daemon's error. */
export function resolveManifest(ref: NamedReference): { manifest: Manifest } | { error: string } {
  if (ref.domain === DEFAULT_DOMAIN && /^library\/[0-9a-f]+$/.test(ref.path)) return { error: accessDenied(ref) };
  // The images a world starts with resolve by their own tags without the rest of the catalog (a lazy part).
  const starter = ref.domain === DEFAULT_DOMAIN && ref.tag !== undefined ? starterVariant(ref.path, ref.tag) : undefined;
  const entry = ref.domain === DEFAULT_DOMAIN && !starter ? catalogEntry(ref.path) : undefined;
  const ownKey = (v: Variant) => `${canonicalName(ref)}:${v.tags[0]}`;
  const manifestOf = (key: string) => `sha256:${derivedHex(`${key}#manifest`)}`;
  // One image per variant's own tags (nginx:latest and nginx:mainline are the same image), also when pulled by its digest;
  // any other tag or digest is an image of its own, with its variant's config.
  let { variant, own } = starter ? { variant: starter, own: true } : entry ? variantFor(entry, ref.tag) : { variant: FALLBACK_VARIANT, own: false };
  if (entry && ref.tag === undefined && ref.digest !== undefined) {
    const byDigest = entry.variants.find((v) => manifestOf(ownKey(v)) === ref.digest);
    own = byDigest !== undefined;
    variant = byDigest ?? variant;
  }
  const key = own ? ownKey(variant) : canonicalString(ref);
  const digest = ref.digest ?? manifestOf(key);
  return { manifest: { ref, digest, image: imageOf(ref, variant, own, key, entry === undefined && starter === undefined) } };
}

/** The Image a variant gives, with its derived or known identity. */
function imageOf(ref: NamedReference, variant: Variant, own: boolean, key: string, fallback: boolean): Image {
  const userland = USERLANDS[variant.base];
  const seed = derivedHex(key);
  const blobs = Array.from({ length: variant.layers }, (_, i) => (i === 0 ? derivedHex(`base:${variant.base}`) : derivedHex(`${key}#layer${i}`)));
  const diffIds = own && variant.layer !== undefined ? [variant.layer] : blobs.map((b) => derivedHex(`${b}#diff`));
  // A repository the catalog does not know: dated within the last year before the catalog's snapshot, a few MB.
  const created = fallback ? Date.parse(variant.created) - (Number.parseInt(seed.slice(0, 6), 16) % 365) * 86_400_000 : Date.parse(variant.created);
  const size = fallback ? variant.size + (Number.parseInt(seed.slice(6, 12), 16) % 3_000_000) : variant.size;
  const image: Image = {
    name: familiarName(ref),
    tag: ref.tag ?? '<none>',
    id: own && variant.id !== undefined ? variant.id : `sha256:${derivedHex(`${key}#config`)}`,
    created,
    size,
    layer: diffIds[0]!,
    layers: diffIds,
    blobs,
    cmd: [...variant.cmd],
    exposed: [...(variant.exposed ?? [])],
    env: [...variant.env],
    listens: (variant.listens ?? []).map((l) => ({ ...l })),
    entrypoint: [...(variant.entrypoint ?? [])],
    distro: userland.distro,
    executables: new Set([...userland.executables, ...(variant.executables ?? [])]),
    base: variant.base,
    shells: variant.shells ?? userland.shells,
    fileSets: variant.fileSets ?? [],
    origin: 'pull',
  };
  if (variant.startupLog !== undefined) image.startupLog = variant.startupLog;
  if (fallback) image.standIn = true;
  if (variant.wrapperRuns !== undefined) image.wrapperRuns = { ...variant.wrapperRuns };
  if (variant.stopSignal !== undefined) image.stopSignal = variant.stopSignal;
  if (variant.workingDir !== undefined) image.workingDir = variant.workingDir;
  if (variant.volumes !== undefined) image.volumes = [...variant.volumes];
  if (variant.labels !== undefined) image.labels = { ...variant.labels };
  return image;
}

/**
 * One JSON message of the daemon's pull stream. `progressDetail` marks what the
 * daemon writes with progress.Update (each layer's `Pulling fs layer`, `Waiting`,
 * ..., sent with `"progressDetail":{}`), as against the plain statuses of
 * progress.Message (`Pulling from`, `Digest:`, `Status:`). Compose keeps only the
 * first kind (pkg/compose/pull.go toPullProgressEvent).
 */
export interface PullMessage {
  /** The layer's short ID, the tag for `Pulling from`, empty for `Digest:` and `Status:`. */
  id: string;
  status: string;
  progressDetail: boolean;
}

/**
 * The daemon's messages for a pull: the layers already on the host, then each new
 * layer's fetch (three downloads at a time: the others wait), verification and
 * extraction. The progress-bar messages (Downloading, Extracting) are not
 * modelled: their number depends on the download's speed.
 */
export function pullMessages(m: Manifest, present: (blob: string) => boolean): PullMessage[] {
  const ref = m.ref;
  const layer = (b: string, status: string): PullMessage => ({ id: b.slice(0, 12), status, progressDetail: true });
  const out: PullMessage[] = [{ id: ref.tag ?? ref.digest ?? '', status: `Pulling from ${ref.path}`, progressDetail: false }];
  const blobs = m.image.blobs ?? [];
  const fetched = blobs.filter((b) => !present(b));
  for (const b of blobs) out.push(layer(b, present(b) ? 'Already exists' : 'Pulling fs layer'));
  fetched.slice(3).forEach((b) => out.push(layer(b, 'Waiting')));
  for (const b of fetched) out.push(layer(b, 'Verifying Checksum'), layer(b, 'Download complete'));
  for (const b of fetched) out.push(layer(b, 'Pull complete'));
  out.push({ id: '', status: `Digest: ${m.digest}`, progressDetail: false }, { id: '', status: `Status: Downloaded newer image for ${familiarString(ref)}`, progressDetail: false });
  return out;
}

/** A pull of what the host already has: the registry's digest matches (`Status: Image is up to date`). */
export function upToDateMessages(ref: NamedReference, digest: string): PullMessage[] {
  return [
    { id: ref.tag ?? ref.digest ?? '', status: `Pulling from ${ref.path}`, progressDetail: false },
    { id: '', status: `Digest: ${digest}`, progressDetail: false },
    { id: '', status: `Status: Image is up to date for ${familiarString(ref)}`, progressDetail: false },
  ];
}

/**
 * What `docker pull` prints of the messages when stdout is not a terminal (cli
 * jsonmessage Display: progress bars are dropped, every other message is `ID: Status`).
 */
export function pullLines(messages: readonly PullMessage[]): string[] {
  return messages.map((m) => (m.id !== '' ? `${m.id}: ${m.status}` : m.status));
}
