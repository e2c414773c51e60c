/**
 * A build through the daemon's own BuildKit, as Compose v2.40 runs one when buildx is
 * not installed (goldens compose-build, compose-build-progress): the legacy builder's
 * steps (build-steps.ts) committed BuildKit's way, the image tagged, and BuildKit's plain
 * progress (`#N` vertices, as to a non-terminal). What differs from `docker build`:
 * the history (`RUN |1 MSG=x /bin/sh -c ... # buildkit`, `COPY a /b # buildkit`, `ARG
 * MSG=x`, `EXPOSE [80/tcp]`, comment `buildkit.dockerfile.v0`, only the top line with
 * an image ID), no Parent, no DockerVersion, no intermediate images or containers, and
 * an ID that is the digest of the image's content, so a rebuild from the cache is the
 * same image. The builder's labels (Compose's) join the config's without a history line.
 */
import { configOf } from '../../docker/build/commit.ts';
import { instructionFlags, jsonArgs, parseDockerfile, type Instruction } from '../../docker/build/dockerfile.ts';
import type { Engine } from '../../docker/engine.ts';
import type { HistoryEntry, Image } from '../../docker/images.ts';
import { canonicalString, withDefaultTag, type NamedReference } from '../../docker/reference.ts';
import { sha256Hex } from '../../docker/sha256.ts';
import { resolvePath, type FileSystem } from '../fs.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { readContext, type BuildContext } from './build-context.ts';
import { BuildError, Builder, BUILDKIT_COMMENT, type BuildHost, type BuildKitRun, type KitVertex } from './build-steps.ts';
import { withSuggestion } from './build-cmd.ts';

/** The daemon's BuildKit state: its cache of steps and what each context last sent (fsutil sends unchanged files' metadata only). */
interface KitState {
  steps: Map<string, Image>;
  contexts: Map<string, Map<string, string>>;
  /**
   * The base images the cache holds a record of: all of them until `docker builder prune
   * -a` empties it (the rig's cache had seen its images), then those built on since.
   */
  bases: Set<string> | 'all';
}

const states = new WeakMap<Engine, KitState>();

function kitState(engine: Engine): KitState {
  let state = states.get(engine);
  if (!state) {
    state = { steps: new Map(), contexts: new Map(), bases: 'all' };
    states.set(engine, state);
  }
  return state;
}

export interface KitBuildRequest {
  host: BuildHost;
  /** The client machine's files. */
  fs: FileSystem;
  /** The context directory and the Dockerfile (absolute paths). */
  context: string;
  dockerfile: string;
  buildArgs: ReadonlyMap<string, string>;
  /** The image's name as Compose gives it (`cb-web`: `naming to docker.io/library/cb-web`). */
  tag: NamedReference;
  /** The service the build is for: Compose prefixes every vertex with it (`[web 1/3]`). */
  service: string;
  noCache: boolean;
  /** Labels the builder gives the image besides its LABEL instructions (Compose's project, service and version). */
  labels?: Readonly<Record<string, string>>;
}

/** A failed build: the progress up to the failure (possibly none) and the line the client ends with. */
export type KitBuildResult = { ok: true; progress: string; image: Image } | { ok: false; progress: string; error: string };

const DRIVER_LINE = '#0 building with "default" instance using docker driver\n\n';

/** Builds, tags the image, and returns BuildKit's progress (without the caller's `Built` line). */
export function buildWithBuildKit(req: KitBuildRequest): KitBuildResult {
  const engine = req.host.engine;
  const refuse = (why: string): KitBuildResult => ({ ok: false, progress: '', error: `vethlab: ${why}` });
  // The client's own check, before BuildKit is asked (golden compose-build-errors).
  if (req.fs.stat(req.context) !== 'dir') return { ok: false, progress: '', error: `unable to prepare context: path ${JSON.stringify(req.context)} not found` };
  const name = req.dockerfile.slice(req.dockerfile.lastIndexOf('/') + 1);
  const dockerfileText = req.fs.stat(req.dockerfile) === 'file' ? String(req.fs.read(req.dockerfile)) : undefined;
  // The Dockerfile's vertex comes first, also when there is none to send (then only FIN: 2B).
  const definition = `${DRIVER_LINE}#1 [${req.service} internal] load build definition from ${name}\n#1 transferring dockerfile: ${transferSize(transferBytes(dockerfileText === undefined ? [] : [{ path: name, content: dockerfileText, send: true }]))} done\n#1 DONE 0.0s\n`;
  if (dockerfileText === undefined) return { ok: false, progress: definition, error: `failed to solve: failed to read dockerfile: open ${name}: no such file or directory` };
  const parsed = parseDockerfile(dockerfileText);
  if (!parsed.ok) return { ok: false, progress: definition, error: `failed to solve: ${withSuggestion(parsed.error)}` };
  const { stages, globalArgs } = parsed.dockerfile;
  if (stages.length > 1) return refuse(`service ${JSON.stringify(req.service)} has a multi-stage Dockerfile: BuildKit builds only the stages its target needs, which is not modelled yet (docker build is, with the legacy builder)`);
  const context = readContext(req.fs, req.context);
  const state = kitState(engine);
  const kit: BuildKitRun = { cache: state.steps, vertices: [] };
  const builder = new Builder(req.host, context, req.buildArgs, req.noCache, kit);
  let last: Image;
  try {
    for (const ins of globalArgs) builder.declareGlobal(ins);
    last = builder.runStage(stages[0]!.instructions, stages[0]!.name, () => '');
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    if (!e.kit) return refuse(`the build of service ${JSON.stringify(req.service)} failed: ${e.message} (BuildKit's error output is not modelled here)`);
    return { ok: false, progress: progressText(req, context, dockerfileText, stages[0]!.instructions, kit.vertices, state, builder.bases[0], { failed: e.kit.cause }), error: `failed to solve: ${e.kit.solve}` };
  }
  const base = builder.bases[0];
  const image = finalImage(last, base ? historyLength(base) : 0, req.labels ?? {});
  const store = engine.imageService.store;
  const stored = store.add(image, []);
  store.tag(stored, withDefaultTag(req.tag), engine.kernel.now);
  const progress = progressText(req, context, dockerfileText, stages[0]!.instructions, kit.vertices, state, base, { image: stored });
  return { ok: true, progress, image: stored };
}

function historyLength(image: Image): number {
  return image.built ? image.built.history.length : 1;
}

/**
 * The exported image (moby's builder-next exporter): history times filled as
 * normalizeLayersAndHistory fills them (a step without a layer takes the time of the
 * first new layer after it, else of the last one before), created = the last line's time,
 * no parent, and an ID that is the digest of config, history and layers.
 */
function finalImage(last: Image, baseEntries: number, labels: Readonly<Record<string, string>>): Image {
  const newest = last.built?.history ?? [];
  const oldestFirst = [...newest].reverse().map((e, i) => ({ ...e, known: i < baseEntries || !e.emptyLayer }));
  let created: number | undefined;
  let gap = false;
  for (const e of oldestFirst) {
    if (e.known) {
      created = e.created;
      if (gap) break;
    } else gap = true;
  }
  gap = false;
  for (const e of oldestFirst) {
    if (e.known) {
      if (gap) created = e.created;
    } else {
      gap = true;
      e.created = created ?? e.created;
    }
  }
  const history: HistoryEntry[] = oldestFirst.reverse().map(({ known: _known, id: _id, ...e }) => e);
  const config = configOf(last);
  config.labels = { ...config.labels, ...labels };
  const layers = last.layers ?? [last.layer];
  const time = history[0]?.created ?? last.created;
  const id = `sha256:${sha256Hex(JSON.stringify({ config, history, layers }))}`;
  if (!last.built) return last;
  history[0] = { ...history[0]!, id };
  // Its steps are BuildKit's cache, not the legacy builder's: cacheKey '' matches no legacy step.
  return { ...last, id, name: '<none>', tag: '<none>', created: time, labels: config.labels, built: { ...last.built, parent: '', history, comment: BUILDKIT_COMMENT, cacheKey: '' } };
}

/** protobuf's varint length. */
function varintLength(n: number): number {
  let len = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    len++;
  }
  return len;
}

const utf8 = (s: string): number => new TextEncoder().encode(s).length;
/** A field of a message: its tag, its length, its bytes. */
const bytesField = (n: number): number => 1 + varintLength(n) + n;
/** A regular file's mode as fsutil sends it (Go's os.FileMode 0644), and a directory's (ModeDir|0755). */
const FILE_MODE = 0o644;
const DIR_MODE = 0x80000000 + 0o755;
/** A modification time in nanoseconds since 1970 takes 9 bytes as a varint, plus its tag. */
const MTIME_FIELD = 10;
/** fsutil's send buffer: data packets carry at most 32 KiB. */
const CHUNK = 32 * 1024;

/**
 * The bytes of fsutil's packets the receiver counts (`transferring context: 60B`):
 * a STAT packet per entry (path, mode, size, mtime), for each file whose data is asked
 * for its DATA packets and an empty one closing it, then an empty STAT and FIN.
 * Checked against the rig: a 35-byte Dockerfile is 72B, index.html (23 bytes) 60B
 * the first time and 31B when unchanged, a missing .dockerignore 2B.
 */
function transferBytes(entries: readonly { path: string; content?: string; send: boolean }[]): number {
  let total = 0;
  entries.forEach((e, id) => {
    const size = e.content === undefined ? 4096 : utf8(e.content);
    const stat = bytesField(utf8(e.path)) + 1 + varintLength(e.content === undefined ? DIR_MODE : FILE_MODE) + (size > 0 ? 1 + varintLength(size) : 0) + MTIME_FIELD;
    total += bytesField(stat);
    if (e.content === undefined || !e.send) return;
    const idField = id > 0 ? 1 + varintLength(id) : 0;
    for (let at = 0; at < size; at += CHUNK) total += 2 + idField + bytesField(Math.min(CHUNK, size - at));
    total += 2 + idField;
  });
  // The empty STAT that ends the walk counts nothing; FIN is two bytes.
  return total + 2;
}

/** The context entries a build's COPY/ADD sources name (fsutil's include patterns), with the directories above them, in walk order. */
function contextEntries(context: BuildContext, sources: readonly string[]): { path: string; content?: string }[] {
  const wanted = new Set<string>();
  const all = [...context.dirs, ...context.files.keys()];
  for (const source of sources) {
    const rel = resolvePath('/', source).slice(1);
    const re = new RegExp(`^${rel.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}(/.*)?$`);
    for (const p of all) if (rel === '' || re.test(p)) wanted.add(p);
  }
  for (const p of [...wanted]) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) wanted.add(parts.slice(0, i).join('/'));
  }
  return [...wanted].sort().map((p) => (context.dirs.has(p) ? { path: p } : { path: p, content: context.files.get(p)! }));
}

/** Go's units.Bytes as the progress prints a transfer's size (`139B`, `4.10kB`). */
function transferSize(n: number): string {
  if (n < 1000) return `${n}B`;
  const units = ['kB', 'MB', 'GB'];
  let v = n / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(2)}${units[u]}`;
}

/**
 * BuildKit's plain progress for Compose (progressui's printer, as to a non-terminal):
 * the Dockerfile, the bases' metadata, .dockerignore, the steps (FROM, the context when
 * a COPY takes from it, each COPY/ADD/RUN/WORKDIR, `[web 2/3]`), the export, provenance.
 */
/** The instructions dockerfile2llb makes a step of (`[web 2/6]`): FROM's own is counted apart. */
const STEP_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/**
 * What the stage's COPY and ADD steps take from the context, the ones a failure left unrun
 * included: BuildKit loads the context as soon as the solve starts (recorded on the rig: a
 * RUN failing before two COPYs still shows `load build context`, `[web 3/6]`).
 */
function contextSources(instructions: readonly Instruction[], ran: readonly KitVertex[]): string[] {
  const copies = instructions.filter((ins) => ins.keyword === 'COPY' || ins.keyword === 'ADD');
  const ranCopies = ran.filter((v) => v.keyword === 'COPY' || v.keyword === 'ADD');
  const unrun = copies.slice(ranCopies.length).flatMap((ins) => {
    const { flags, rest } = instructionFlags(ins.rest);
    if (flags.has('from')) return [];
    const words = jsonArgs(rest) ?? rest.trim().split(/\s+/);
    return words.slice(0, -1);
  });
  return [...ran.flatMap((v) => v.fromContext ?? []), ...unrun];
}

function progressText(
  req: KitBuildRequest,
  context: BuildContext,
  dockerfileText: string,
  instructions: readonly Instruction[],
  vertices: readonly KitVertex[],
  state: KitState,
  base: Image | undefined,
  end: { image: Image } | { failed: string },
): string {
  const blocks: string[] = [];
  const prefix = (inner: string) => `[${req.service}${inner === '' ? '' : ` ${inner}`}]`;
  const add = (name: string, lines: string[], end: string) => blocks.push([name, ...lines, end].map((l) => `#${blocks.length + 1} ${l}`).join('\n'));
  const name = req.dockerfile.slice(req.dockerfile.lastIndexOf('/') + 1);
  add(`${prefix('internal')} load build definition from ${name}`, [`transferring dockerfile: ${transferSize(transferBytes([{ path: name, content: dockerfileText, send: true }]))} done`], 'DONE 0.0s');
  const from = vertices.find((v) => v.keyword === 'FROM');
  if (from) add(`${prefix('internal')} load metadata for ${from.name.slice('FROM '.length)}`, [], 'DONE 0.0s');
  const ignore = context.root + '/.dockerignore';
  const ignoreText = req.fs.stat(ignore) === 'file' ? String(req.fs.read(ignore)) : undefined;
  add(`${prefix('internal')} load .dockerignore`, [`transferring context: ${transferSize(transferBytes(ignoreText === undefined ? [] : [{ path: '.dockerignore', content: ignoreText, send: true }]))} done`], 'DONE 0.0s');
  // The stage's whole count, steps a failure left unrun included.
  const steps = 1 + instructions.filter((ins) => STEP_KEYWORDS.has(ins.keyword)).length;
  const width = String(steps).length;
  const sources = contextSources(instructions, vertices);
  vertices.forEach((v, i) => {
    const label = prefix(`${String(i + 1).padStart(width)}/${steps}`);
    if (v.keyword === 'FROM') {
      // As recorded: DONE when the cache holds no record of the base (after a prune) or when
      // every later step is CACHED (the result is loaded from the base up), else CACHED.
      const later = vertices.slice(i + 1);
      const known = state.bases === 'all' || (base !== undefined && state.bases.has(base.id));
      const done = !known || (later.length > 0 && later.every((l) => l.cached));
      add(`${label} ${v.name}`, [], done ? 'DONE 0.0s' : 'CACHED');
      if (base && state.bases !== 'all') state.bases.add(base.id);
      if (sources.length > 0) {
        const entries = contextEntries(context, sources);
        const sent = state.contexts.get(context.root) ?? new Map<string, string>();
        const bytes = transferBytes(entries.map((e) => ({ ...e, send: e.content !== undefined && sent.get(e.path) !== e.content })));
        for (const e of entries) if (e.content !== undefined) sent.set(e.path, e.content);
        state.contexts.set(context.root, sent);
        add(`${prefix('internal')} load build context`, [`transferring context: ${transferSize(bytes)} done`], 'DONE 0.0s');
      }
      return;
    }
    const output = v.output === '' ? [] : v.output.replace(/\n$/, '').split('\n').map((l) => `0.100 ${l}`);
    // The failing step is the last vertex: its ERROR line, then the step and its output again between dashes.
    if ('failed' in end && i === vertices.length - 1) {
      add(`${label} ${v.name}`, output, `ERROR: ${end.failed}`);
      blocks[blocks.length - 1] += `\n------\n > ${label} ${v.name}:\n${output.map((l) => `${l}\n`).join('')}------`;
      return;
    }
    add(`${label} ${v.name}`, output, v.cached ? 'CACHED' : 'DONE 0.1s');
  });
  if ('failed' in end) return `${DRIVER_LINE}${blocks.join('\n\n')}\n`;
  const image = end.image;
  const exported = vertices.some((v) => v.keyword !== 'FROM' && !v.cached);
  add(`${prefix('')} exporting to image`, [exported ? 'exporting layers 0.0s done' : 'exporting layers done', `writing image ${image.id} done`, `naming to ${canonicalString(req.tag)} done`], 'DONE 0.0s');
  add(`${prefix('')} resolving provenance for metadata file`, [], 'DONE 0.0s');
  return `${DRIVER_LINE}${blocks.join('\n\n')}\n`;
}

const LEGACY_NOTICE = 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\n';

/**
 * `docker builder prune -f` (the legacy client without buildx prints the legacy
 * builder's notice first, golden compose-build-progress): of an empty build cache,
 * `Total reclaimed space: 0B`. A cache with records lists their random IDs and sizes,
 * which are not modelled; neither are the other `builder` commands nor the question
 * without -f.
 */
export function builderCommand(engine: Engine, argv: readonly string[]): CommandOutput {
  const [sub, ...rest] = argv;
  const withNotice = (out: CommandOutput): CommandOutput => ({ ...out, stderr: LEGACY_NOTICE + out.stderr, stderrFirst: true });
  if (sub !== 'prune') return fail(`vethlab: docker builder${sub === undefined ? '' : ` ${sub}`} is a real command, but only docker builder prune -f is modelled here\n`, 1);
  const f = parseCommandFlags('builder prune', [...rest], [
    { long: 'force', short: 'f', kind: 'bool' },
    { long: 'all', short: 'a', kind: 'bool' },
  ]);
  if (!isParsed(f)) return withNotice(f);
  if (!f.bools.has('force')) return withNotice(fail('vethlab: docker builder prune asks to confirm first, which is not modelled here: use -f\n', 1));
  const state = kitState(engine);
  if (state.steps.size > 0) return withNotice(fail('vethlab: docker builder prune of a build cache with records is real, but their IDs and sizes are not modelled here\n', 1));
  // -a takes the records of the base images too: the next build on one loads it anew (its FROM is DONE).
  if (f.bools.has('all')) state.bases = new Set();
  return withNotice(ok('Total reclaimed space: 0B\n'));
}
