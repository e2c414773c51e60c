/**
 * The classic builder's steps (moby builder/dockerfile, dispatchers.go), one
 * Dockerfile instruction at a time on the simulated engine: FROM finds (or
 * pulls) its base, RUN runs in a build container through the shell and keeps
 * what it wrote, COPY and ADD take files from the context or an earlier
 * stage, and the metadata instructions change the config. Every step commits
 * an image (build/commit.ts), found in the cache the next time the same step
 * runs on the same parent. What it prints is the legacy builder's stream.
 *
 * With a `BuildKitRun` (Compose's builds go through the daemon's BuildKit) the same
 * steps run but commit the way BuildKit does (buildkit.ts): BuildKit's history lines,
 * no intermediate images or containers in the engine (its own cache keeps the steps),
 * and instead of the legacy stream, one record per LLB step for its `#N` progress.
 */
import { configOf, commitStep, layerDigest, treeOf, type RunConfig } from '../../docker/build/commit.ts';
import { instructionFlags, jsonArgs, type Instruction } from '../../docker/build/dockerfile.ts';
import { dirSourceHash, fileSourceHash, multiSourceHash } from '../../docker/build/source-hash.ts';
import { namedValues, processWord, processWords, type Vars } from '../../docker/build/words.ts';
import { DockerError, mainProgram, type Engine } from '../../docker/engine.ts';
import type { Image, InstalledPackage, TreeEntry } from '../../docker/images.ts';
import { canonicalString, parseNormalizedNamed, withDefaultTag } from '../../docker/reference.ts';
import type { Container } from '../../docker/model.ts';
import { resolvePath } from '../fs.ts';
import type { CommandOutput } from '../types.ts';
import type { BuildContext } from './build-context.ts';
import type { ContainerFiles } from './copy.ts';
import type { ContainerLayers } from './housekeeping.ts';

/** What the builder needs of the shell: processes in containers, their files, the images' own trees. */
export interface BuildHost {
  engine: Engine;
  runProcess: (container: Container, argv: string[], opts: { interactive: boolean; main: boolean }) => CommandOutput;
  files: ContainerFiles & ContainerLayers;
  /** The rootfs of an image that was not built here (rootfs.ts). */
  baseTree: (image: Image) => ReadonlyMap<string, TreeEntry>;
  /** The packages installed in a container (apk, apt), to keep in the image. */
  packagesOf?: (container: Container) => ReadonlyMap<string, InstalledPackage>;
}

/** A step failed: the text the client prints on stderr and its exit status. */
export class BuildError extends Error {
  readonly exitCode: number;
  /** How BuildKit reports the failure: its vertex's `ERROR:` line and the client's `failed to solve:` line. */
  readonly kit: { cause: string; solve: string } | undefined;
  constructor(message: string, exitCode = 1, kit?: { cause: string; solve: string }) {
    super(message);
    this.exitCode = exitCode;
    this.kit = kit;
  }
}

/** One LLB step of a BuildKit build (FROM, COPY, ADD, RUN, WORKDIR): its progress vertex. */
export interface KitVertex {
  /** The instruction as BuildKit names the vertex (`RUN echo from-compose > /www/msg.txt`). */
  name: string;
  keyword: string;
  /** From BuildKit's cache: nothing ran. */
  cached: boolean;
  /** What a RUN printed. */
  output: string;
  /** A COPY or ADD from the build context (the context is transferred for it). */
  fromContext?: string[];
}

/** A BuildKit build's state: the daemon's build cache (kept between builds) and the vertices of this build. */
export interface BuildKitRun {
  /** Step images by their cache key (parent and step); never in the image store. */
  cache: Map<string, Image>;
  vertices: KitVertex[];
}

/** The comment BuildKit's Dockerfile frontend writes in every history line (dockerfile2llb's historyComment). */
export const BUILDKIT_COMMENT = 'buildkit.dockerfile.v0';

interface StageState {
  image: Image;
  config: RunConfig;
  /** ARGs declared in the stage, with their values (undefined: no value). */
  args: Map<string, string | undefined>;
  /** CMD was set in this stage (an ENTRYPOINT then keeps it). */
  cmdSet: boolean;
  packages: ReadonlyMap<string, InstalledPackage>;
  /** ARGs in declaration order (BuildKit's RUN history lists them so, with empty values too). */
  argOrder: string[];
}

const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
/** Go's %q of a []string: `["httpd" "-f"]`. */
const goQuoted = (items: readonly string[]): string => `[${items.map((s) => JSON.stringify(s)).join(' ')}]`;

export class Builder {
  private readonly host: BuildHost;
  private readonly context: BuildContext;
  private readonly buildArgs: ReadonlyMap<string, string>;
  private readonly noCache: boolean;
  /** Build args some ARG declared (the others are "not consumed"). */
  readonly consumed = new Set<string>();
  /** The printed stream. */
  out = '';
  private readonly stages: { name?: string; image: Image }[] = [];
  /** Each stage's base image, in order. */
  readonly bases: Image[] = [];
  private readonly globalArgs = new Map<string, string | undefined>();
  private readonly kit: BuildKitRun | undefined;

  constructor(host: BuildHost, context: BuildContext, buildArgs: ReadonlyMap<string, string>, noCache: boolean, kit?: BuildKitRun) {
    this.host = host;
    this.context = context;
    this.buildArgs = buildArgs;
    this.noCache = noCache;
    this.kit = kit;
  }

  /** The legacy stream's text (BuildKit prints its own progress from the vertices). */
  private emit(text: string): void {
    if (!this.kit) this.out += text;
  }

  /** ARGs before the first FROM: they count for FROM lines only. */
  declareGlobal(ins: Instruction): void {
    for (const [name, value] of this.argDeclarations(ins, new Map())) {
      this.consumed.add(name);
      this.globalArgs.set(name, this.buildArgs.get(name) ?? value);
    }
  }

  /** Runs one stage's instructions (its FROM first); returns the stage's image. */
  runStage(instructions: readonly Instruction[], name: string | undefined, step: () => string): Image {
    let state: StageState | undefined;
    for (const ins of instructions) {
      this.emit(`${step()}${ins.original}\n`);
      if (ins.keyword === 'FROM') {
        const image = this.from(ins);
        this.bases.push(image);
        state = { image, config: configOf(image), args: new Map(), cmdSet: false, packages: image.built?.packages ?? new Map(), argOrder: [] };
        this.emit(` ---> ${short(image.id)}\n`);
        this.kit?.vertices.push({ name: `FROM ${this.baseName(ins, image)}`, keyword: 'FROM', cached: false, output: '' });
        continue;
      }
      this.dispatch(state!, ins);
    }
    this.stages.push({ ...(name !== undefined ? { name } : {}), image: state!.image });
    return state!.image;
  }

  private vars(state: StageState): Vars {
    const vars = new Map<string, string>();
    for (const [k, v] of state.args) if (v !== undefined) vars.set(k, v);
    for (const e of state.config.env) {
      const eq = e.indexOf('=');
      vars.set(e.slice(0, eq), e.slice(eq + 1));
    }
    return vars;
  }

  private from(ins: Instruction): Image {
    const { rest } = instructionFlags(ins.rest);
    const vars = new Map([...this.globalArgs].filter((e): e is [string, string] => e[1] !== undefined));
    const words = processWords(rest, vars);
    const ref = words[0] ?? '';
    const stage = this.stages.find((s) => s.name === ref.toLowerCase());
    if (stage) return stage.image;
    const store = this.host.engine.imageService.store;
    const found = store.lookup(ref);
    if ('image' in found) return found.image;
    const parsed = parseNormalizedNamed(ref);
    if (!parsed.ok) throw new BuildError(parsed.error);
    try {
      const pulled = this.host.engine.imageService.pull(withDefaultTag(parsed.value));
      this.emit(pulled.lines.map((l) => `${l}\n`).join(''));
      return pulled.image;
    } catch (e) {
      if (e instanceof DockerError) throw new BuildError(e.message);
      throw e;
    }
  }

  private dispatch(state: StageState, ins: Instruction): void {
    const c = state.config;
    const vars = this.vars(state);
    switch (ins.keyword) {
      case 'RUN':
        return this.run(state, ins);
      case 'COPY':
      case 'ADD':
        return this.copy(state, ins);
      case 'WORKDIR': {
        const dir = resolvePath(c.workingDir || '/', processWord(ins.rest.trim(), vars));
        const next = { ...c, workingDir: dir };
        const tree = treeOf(state.image, this.host.baseTree);
        // The directory is made in a container and committed: a new one is a layer of its own.
        const layer = tree.get(dir)?.kind === 'dir' ? undefined : this.withEntries(tree, new Map(parentsOf(`${dir}/x`, tree).map((d) => [d, { kind: 'dir' } as TreeEntry])));
        this.kitVertex(ins, state);
        // BuildKit makes the directory in every case: a layer of its own, empty when it was there.
        const kitLayer = layer ?? { tree, size: 0, digest: layerDigest(new Map([[dir, { kind: 'dir' }]])) };
        return this.commit(state, `/bin/sh -c #(nop) WORKDIR ${dir}`, next, { container: true, ...(this.kit ? { layer: kitLayer } : layer ? { layer } : {}) }, `WORKDIR ${dir}`);
      }
      case 'ENV': {
        const pairs = namedValues(ins.rest, vars);
        if ('error' in pairs) throw new BuildError(`ENV ${pairs.error}`);
        const env = [...c.env];
        for (const [k, v] of pairs.pairs) {
          const at = env.findIndex((e) => e.startsWith(`${k}=`));
          if (at >= 0) env[at] = `${k}=${v}`;
          else env.push(`${k}=${v}`);
        }
        const text = `ENV ${pairs.pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`;
        return this.commit(state, `/bin/sh -c #(nop)  ${text}`, { ...c, env }, { container: true }, text);
      }
      case 'LABEL': {
        const pairs = namedValues(ins.rest, vars);
        if ('error' in pairs) throw new BuildError(`LABEL ${pairs.error}`);
        const labels = { ...c.labels };
        for (const [k, v] of pairs.pairs) labels[k] = v;
        const text = `LABEL ${pairs.pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`;
        return this.commit(state, `/bin/sh -c #(nop)  ${text}`, { ...c, labels }, { container: true }, text);
      }
      case 'MAINTAINER':
        return this.commit(state, `/bin/sh -c #(nop)  MAINTAINER ${ins.rest.trim()}`, c, { container: true }, `MAINTAINER ${ins.rest.trim()}`);
      case 'ARG': {
        const declared = this.argDeclarations(ins, vars);
        for (const [name, value] of declared) {
          this.consumed.add(name);
          const global = this.globalArgs.get(name);
          state.args.set(name, this.buildArgs.get(name) ?? value ?? global);
          if (!state.argOrder.includes(name)) state.argOrder.push(name);
        }
        // BuildKit's history line has the values the ARGs got (dispatchArg's commitStr).
        const text = `ARG ${declared.map(([name]) => (state.args.get(name) === undefined ? name : `${name}=${state.args.get(name)}`)).join(' ')}`;
        return this.commit(state, `/bin/sh -c #(nop)  ARG ${ins.rest.trim()}`, c, { container: true }, text);
      }
      case 'EXPOSE': {
        const ports = processWords(ins.rest, vars).map((p) => (p.includes('/') ? p.toLowerCase() : `${p}/tcp`));
        const bad = ports.find((p) => !/^\d+(-\d+)?\/(tcp|udp|sctp)$/.test(p));
        if (bad !== undefined) throw new BuildError(`invalid containerPort: ${bad.replace(/\/tcp$/, '')}`);
        const exposed = [...c.exposed];
        for (const p of ports) if (!exposed.includes(p)) exposed.push(p);
        return this.commit(state, `/bin/sh -c #(nop)  EXPOSE ${processWords(ins.rest, vars).join(' ')}`, { ...c, exposed }, { container: true }, `EXPOSE [${ports.join(' ')}]`);
      }
      case 'USER': {
        const user = processWord(ins.rest.trim(), vars);
        return this.commit(state, `/bin/sh -c #(nop)  USER ${user}`, { ...c, user }, { container: true }, `USER ${user}`);
      }
      case 'VOLUME': {
        const list = jsonArgs(ins.rest) ?? processWords(ins.rest, vars);
        const volumes = [...c.volumes];
        for (const v of list) if (!volumes.includes(v)) volumes.push(v);
        return this.commit(state, `/bin/sh -c #(nop)  VOLUME ${goQuoted(list)}`, { ...c, volumes }, { container: true }, `VOLUME [${list.join(' ')}]`);
      }
      case 'STOPSIGNAL': {
        const signal = processWord(ins.rest.trim(), vars);
        return this.commit(state, `/bin/sh -c #(nop)  STOPSIGNAL ${signal}`, { ...c, stopSignal: signal }, { container: true }, `STOPSIGNAL ${signal}`);
      }
      case 'CMD': {
        const cmd = this.commandForm(c, ins.rest);
        state.cmdSet = true;
        return this.commit(state, `/bin/sh -c #(nop)  CMD ${goQuoted(cmd)}`, { ...c, cmd }, { container: true }, `CMD ${goQuoted(cmd)}`);
      }
      case 'ENTRYPOINT': {
        const entrypoint = this.commandForm(c, ins.rest);
        // An ENTRYPOINT drops a CMD the base image set (not one this stage set).
        const cmd = state.cmdSet ? c.cmd : [];
        return this.commit(state, `/bin/sh -c #(nop)  ENTRYPOINT ${goQuoted(entrypoint)}`, { ...c, entrypoint, cmd }, { container: true }, `ENTRYPOINT ${goQuoted(entrypoint)}`);
      }
      case 'SHELL': {
        const shell = jsonArgs(ins.rest);
        if (!shell) throw new BuildError('SHELL requires the arguments to be in JSON form');
        return this.commit(state, `/bin/sh -c #(nop)  SHELL ${goQuoted(shell)}`, { ...c, shell }, { container: true }, `SHELL [${shell.join(' ')}]`);
      }
      case 'HEALTHCHECK':
        return this.healthcheck(state, ins);
      default:
        throw new BuildError(`vethlab: ${ins.keyword} is a real Dockerfile instruction, but it is not modelled here`);
    }
  }

  /** A command's JSON form as given, or its shell form through the SHELL (`/bin/sh -c`). */
  private commandForm(c: RunConfig, rest: string): string[] {
    return jsonArgs(rest) ?? [...(c.shell ?? ['/bin/sh', '-c']), rest.trim()];
  }

  private argDeclarations(ins: Instruction, vars: Vars): [string, string | undefined][] {
    return processWords(ins.rest, vars).map((w) => {
      const eq = w.indexOf('=');
      return eq < 0 ? [w, undefined] : [w.slice(0, eq), w.slice(eq + 1)];
    });
  }

  private healthcheck(state: StageState, ins: Instruction): void {
    const { flags, rest } = instructionFlags(ins.rest);
    const c = state.config;
    const words = rest.split(/\s+/);
    const kind = (words[0] ?? '').toUpperCase();
    let healthcheck: Record<string, unknown>;
    if (kind === 'NONE') {
      healthcheck = { Test: ['NONE'] };
    } else if (kind === 'CMD') {
      const command = rest.slice(words[0]!.length).trim();
      const json = jsonArgs(command);
      healthcheck = { Test: json ? ['CMD', ...json] : ['CMD-SHELL', command] };
      for (const [flag, key] of [['interval', 'Interval'], ['timeout', 'Timeout'], ['start-period', 'StartPeriod'], ['start-interval', 'StartInterval']] as const) {
        const value = flags.get(flag);
        if (value === undefined) continue;
        const ns = goDurationNs(value);
        if (ns === undefined) throw new BuildError(`time: invalid duration "${value}"`);
        healthcheck[key] = ns;
      }
      if (flags.has('retries')) healthcheck.Retries = Number(flags.get('retries'));
    } else {
      throw new BuildError('Unknown type "' + (words[0] ?? '') + '" in HEALTHCHECK (try CMD)');
    }
    const duration = (key: string): string => JSON.stringify(formatDuration(Number(healthcheck[key] ?? 0)));
    const retries = Number(healthcheck.Retries ?? 0);
    const createdBy = `/bin/sh -c #(nop)  HEALTHCHECK &{${goQuoted(healthcheck.Test as string[])} ${duration('Interval')} ${duration('Timeout')} ${duration('StartPeriod')} ${duration('StartInterval')} '${retries === 0 ? '\\x00' : String.fromCharCode(retries)}'}`;
    // BuildKit's line is Go's %+v of the HealthcheckConfig (durations as time.Duration prints them).
    const test = `[${(healthcheck.Test as string[]).join(' ')}]`;
    const kitText = `HEALTHCHECK {Test:${test} Interval:${formatDuration(Number(healthcheck.Interval ?? 0))} Timeout:${formatDuration(Number(healthcheck.Timeout ?? 0))} StartPeriod:${formatDuration(Number(healthcheck.StartPeriod ?? 0))} StartInterval:${formatDuration(Number(healthcheck.StartInterval ?? 0))} Retries:${retries}}`;
    this.commit(state, createdBy, { ...c, healthcheck }, { container: true }, kitText);
  }

  /** RUN: the command in a build container; what it wrote becomes the step's layer. */
  private run(state: StageState, ins: Instruction): void {
    const c = state.config;
    const argv = this.commandForm(c, ins.rest);
    // The build args with a value go to the command's environment and into the history line.
    const args = [...state.args].filter((e): e is [string, string] => e[1] !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const prefix = args.length > 0 ? `|${args.length} ${args.map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
    const createdBy = `${prefix}${argv.join(' ')}`;
    const vertex = this.kitVertex(ins, state);
    if (this.cached(state, createdBy)) return;
    const engine = this.host.engine;
    const container = this.createContainer(state.image, { cmd: argv, entrypoint: '', env: args.map(([k, v]) => `${k}=${v}`), workingDir: c.workingDir, user: c.user });
    this.emit(` ---> Running in ${short(container.id)}\n`);
    let result: CommandOutput;
    try {
      engine.start(container.id);
      result = this.host.runProcess(container, mainProgram(container, state.image), { interactive: false, main: true });
    } catch (e) {
      this.removeContainer(container);
      if (e instanceof DockerError) throw new BuildError(e.message);
      throw e;
    }
    if (vertex) vertex.output = result.stdout + result.stderr;
    else this.out += result.stdout + result.stderr;
    if (result.running) {
      this.removeContainer(container);
      throw new BuildError(`vethlab: RUN ${argv.join(' ')} keeps running (${result.running.argv[0] ?? 'a server'} waits for clients); a build step here must end`);
    }
    engine.mainProcessExited(container.id, result.exitCode);
    if (result.exitCode !== 0) {
      // The legacy builder keeps the failed step's container (Exited) and the image it ran on; BuildKit runs no container of the engine.
      if (this.kit) {
        this.removeContainer(container);
        const cause = `process ${JSON.stringify(argv.join(' '))} did not complete successfully: exit code: ${result.exitCode}`;
        throw new BuildError(cause, 1, { cause, solve: cause });
      }
      throw new BuildError(`The command '${argv.join(' ')}' returned a non-zero code: ${result.exitCode}`, result.exitCode);
    }
    const installed = [...(this.host.packagesOf?.(container) ?? [])].filter(([name]) => !state.packages.has(name));
    // The packages' files are not in the container's file tree here; their installed size is the layer's.
    const changes = this.containerChanges(container, state.image, installed.map(([, p]) => p));
    state.packages = new Map([...state.packages, ...installed]);
    this.removeContainer(container);
    this.emit(` ---> Removed intermediate container ${short(container.id)}\n`);
    this.commit(state, createdBy, c, { container: false, nonce: container.id, ...(changes ? { layer: changes } : {}) }, `RUN ${this.kitRunText(state, argv)} # buildkit`);
  }

  /**
   * runCommandString: every ARG the stage declared, in order, as `|N K=V ...` before
   * the command (the ENV of the same name wins; an ARG without a value is `K=`).
   */
  private kitRunText(state: StageState, argv: readonly string[]): string {
    const env = new Map(state.config.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)] as const));
    const pairs = state.argOrder.map((k) => `${k}=${env.get(k) ?? state.args.get(k) ?? ''}`);
    return [...(pairs.length > 0 ? [`|${pairs.length}`, ...pairs] : []), ...argv].join(' ');
  }

  /** A BuildKit build's vertex for an LLB step (none for the legacy builder). */
  private kitVertex(ins: Instruction, state: StageState, fromContext?: string[]): KitVertex | undefined {
    if (!this.kit) return undefined;
    // uppercaseCmd(processCmdEnv(...)): the instruction with the build's variables expanded.
    const vertex: KitVertex = { name: kitName(ins, this.vars(state)), keyword: ins.keyword, cached: false, output: '', ...(fromContext ? { fromContext } : {}) };
    this.kit.vertices.push(vertex);
    return vertex;
  }

  /** How BuildKit names a FROM's base: the stage's name, or the image's full reference (`docker.io/library/httpd:latest`). */
  private baseName(ins: Instruction, image: Image): string {
    const ref = processWords(instructionFlags(ins.rest).rest, new Map([...this.globalArgs].filter((e): e is [string, string] => e[1] !== undefined)))[0] ?? '';
    if (this.stages.some((s) => s.name === ref.toLowerCase())) return ref;
    const parsed = parseNormalizedNamed(ref);
    return parsed.ok ? canonicalString(withDefaultTag(parsed.value)) : image.id;
  }

  /** What a build container wrote, applied to its image's tree: the new tree, the layer's size and digest. */
  private containerChanges(container: Container, image: Image, packages: readonly InstalledPackage[]): { tree: ReadonlyMap<string, TreeEntry>; size: number; digest: string } | undefined {
    const fs = this.host.files.fs(container);
    const base = treeOf(image, this.host.baseTree);
    const changed = new Map<string, TreeEntry | { kind: 'whiteout' }>();
    for (const change of this.host.files.changes(container)) {
      if (change.kind === 'D') {
        changed.set(change.path, { kind: 'whiteout' });
        continue;
      }
      const kind = fs.stat(change.path);
      // A directory whose entries changed is not a change of its own here.
      if (kind === 'dir' && base.get(change.path)?.kind === 'dir') continue;
      if (kind === 'dir') changed.set(change.path, { kind: 'dir' });
      else if (kind === 'file') changed.set(change.path, { kind: 'file', content: String(fs.read(change.path)) });
    }
    if (changed.size === 0 && packages.length === 0) return undefined;
    const layer = this.withEntries(base, changed);
    if (packages.length === 0) return layer;
    const packageBytes = packages.reduce((sum, p) => sum + p.installed, 0);
    return { ...layer, size: layer.size + packageBytes, digest: layerDigest(changed, packages.map((p) => `${p.name} ${p.version}`)) };
  }

  /** A tree with entries set (or removed by whiteouts), and its layer's size and digest. */
  private withEntries(base: ReadonlyMap<string, TreeEntry>, changed: ReadonlyMap<string, TreeEntry | { kind: 'whiteout' }>): { tree: ReadonlyMap<string, TreeEntry>; size: number; digest: string } {
    const tree = new Map(base);
    let size = 0;
    for (const [path, entry] of changed) {
      if (entry.kind === 'whiteout') {
        for (const p of [...tree.keys()]) if (p === path || p.startsWith(`${path}/`)) tree.delete(p);
        continue;
      }
      tree.set(path, entry);
      if (entry.kind === 'file') size += new TextEncoder().encode(entry.content).length;
    }
    return { tree, size, digest: layerDigest(changed) };
  }

  /** COPY / ADD: files of the context (or of a stage's image with --from) into the image. */
  private copy(state: StageState, ins: Instruction): void {
    const { flags, rest } = instructionFlags(ins.rest);
    for (const flag of flags.keys()) {
      if (flag !== 'from') throw new BuildError(`vethlab: ${ins.keyword} --${flag} is real, but it is not modelled here (files here have no owners or modes)`);
    }
    const c = state.config;
    const words = jsonArgs(rest) ?? processWords(rest, this.vars(state));
    if (words.length < 2) throw new BuildError(`${ins.keyword} requires at least two arguments, but only one was provided. Destination could not be determined`);
    const dest = words[words.length - 1]!;
    const sources = words.slice(0, -1);
    if (ins.keyword === 'ADD' && sources.some((s) => /^https?:\/\//.test(s) || /\.(tar|tgz|tar\.gz|tar\.xz|tar\.bz2)$/.test(s))) {
      throw new BuildError('vethlab: ADD of a URL or an archive is real, but it is not modelled here; COPY files from the context');
    }
    const from = flags.get('from');
    this.kitVertex(ins, state, from === undefined ? sources : undefined);
    const read = from === undefined ? this.contextReader() : this.imageReader(from);
    const picked: { rel: string; entry: TreeEntry; top: boolean }[] = [];
    const hashes: string[] = [];
    for (const source of sources) {
      const matches = read.match(source);
      if (matches.length === 0 && this.kit && from === undefined) {
        // BuildKit checksums the transferred context: a missing source names the context's session and shared key.
        const cause = `failed to calculate checksum of ref ${this.contextRef()}: ${JSON.stringify(resolvePath('/', source))}: not found`;
        throw new BuildError(cause, 1, { cause, solve: `failed to compute cache key: ${cause}` });
      }
      if (matches.length === 0) throw new BuildError(read.missing(source));
      for (const m of matches) {
        const entries = read.expand(m);
        picked.push(...entries);
        const named = (rel: string) => (m.dir ? `${m.rel}/${rel}`.replace(/^\/+/, '') : m.rel.replace(/^\/+/, ''));
        const fileHashes = entries.filter((e) => e.entry.kind === 'file').map((e) => fileSourceHash(named(e.rel), (e.entry as { content: string }).content));
        hashes.push(m.dir ? dirSourceHash(fileHashes) : fileHashes[0]!);
      }
    }
    const manyOrDir = sources.length > 1 || picked.some((p) => !p.top) || dest.endsWith('/') || picked.length > 1;
    const base = treeOf(state.image, this.host.baseTree);
    const target = resolvePath(c.workingDir || '/', dest);
    const intoDir = manyOrDir || dest.endsWith('/') || dest === '.' || base.get(target)?.kind === 'dir';
    const changed = new Map<string, TreeEntry>();
    for (const p of picked) {
      const path = intoDir ? resolvePath(target, p.rel) : target;
      for (const d of parentsOf(path, base)) if (!changed.has(d)) changed.set(d, { kind: 'dir' });
      changed.set(path, p.entry);
    }
    if (intoDir && base.get(target)?.kind !== 'dir') for (const d of [...parentsOf(`${target}/x`, base)]) if (!changed.has(d)) changed.set(d, { kind: 'dir' });
    const layer = this.withEntries(base, changed);
    const createdBy = `/bin/sh -c #(nop) ${ins.keyword} ${multiSourceHash(hashes)} in ${dest} `;
    if (this.cached(state, createdBy)) return;
    const kitText = `${ins.keyword} ${[...sources, dest].join(' ')} # buildkit`;
    if (this.kit) return this.commit(state, createdBy, c, { container: false, layer }, kitText);
    // The builder copies into a container it never starts (no "Running in" line).
    const container = this.createContainer(state.image, {});
    this.host.engine.remove(container.id, true);
    this.commit(state, createdBy, c, { container: false, nonce: container.id, layer }, kitText);
  }

  /** The context's ref as BuildKit names it: the session's UUID and the local source's shared key (random, from the engine's generator). */
  private contextRef(): string {
    const hex = this.host.engine.randomId();
    const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    // 25 base-36 characters, as BuildKit's identity.NewID: one per byte of another random ID.
    const bytes = this.host.engine.randomId();
    const key = Array.from({ length: 25 }, (_, i) => '0123456789abcdefghijklmnopqrstuvwxyz'[parseInt(bytes.slice(2 * i, 2 * i + 2), 16) % 36]).join('');
    return `${uuid}::${key}`;
  }

  /** Files of the build context for COPY: `.`, names, wildcards, directories (their contents). */
  private contextReader(): SourceReader {
    const ctx = this.context;
    return {
      match: (source) => {
        const rel = resolvePath('/', source).slice(1);
        if (rel === '') return [{ rel: '', dir: true }];
        if (/[*?[]/.test(rel)) {
          const re = globRegExp(rel);
          return [...ctx.files.keys(), ...ctx.dirs].filter((p) => re.test(p)).sort().map((p) => ({ rel: p, dir: ctx.dirs.has(p) }));
        }
        if (ctx.files.has(rel)) return [{ rel, dir: false }];
        if (ctx.dirs.has(rel)) return [{ rel, dir: true }];
        return [];
      },
      expand: (m) => {
        if (!m.dir) return [{ rel: m.rel.slice(m.rel.lastIndexOf('/') + 1), entry: { kind: 'file', content: ctx.files.get(m.rel)! }, top: true }];
        const prefix = m.rel === '' ? '' : `${m.rel}/`;
        const out: { rel: string; entry: TreeEntry; top: boolean }[] = [];
        for (const d of [...ctx.dirs].sort()) if (d.startsWith(prefix)) out.push({ rel: d.slice(prefix.length), entry: { kind: 'dir' }, top: false });
        for (const [f, content] of [...ctx.files].sort(([a], [b]) => (a < b ? -1 : 1))) if (f.startsWith(prefix)) out.push({ rel: f.slice(prefix.length), entry: { kind: 'file', content }, top: false });
        return out;
      },
      missing: (source) => `COPY failed: file not found in build context or excluded by .dockerignore: stat ${source}: file does not exist`,
    };
  }

  /** Files of an earlier stage (by name or index) or of an image, for COPY --from. */
  private imageReader(from: string): SourceReader {
    const stage = /^\d+$/.test(from) ? this.stages[Number(from)] : this.stages.find((s) => s.name === from.toLowerCase());
    let image = stage?.image;
    if (!image) {
      const found = this.host.engine.imageService.store.lookup(from);
      if (!('image' in found)) throw new BuildError(`invalid from flag value ${from}: ${found.error}`);
      image = found.image;
    }
    const tree = treeOf(image, this.host.baseTree);
    return {
      match: (source) => {
        const path = resolvePath('/', source);
        const entry = tree.get(path);
        return entry ? [{ rel: path, dir: entry.kind === 'dir' }] : [];
      },
      expand: (m) => {
        if (!m.dir) return [{ rel: m.rel.slice(m.rel.lastIndexOf('/') + 1), entry: tree.get(m.rel)!, top: true }];
        const prefix = m.rel === '/' ? '/' : `${m.rel}/`;
        return [...tree].filter(([p]) => p.startsWith(prefix) && p !== m.rel).sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, entry]) => ({ rel: p.slice(prefix.length), entry, top: false }));
      },
      missing: (source) => `COPY failed: stat ${resolvePath('/', source)}: file does not exist`,
    };
  }

  /** A step found in the cache: the image a previous build committed for it on this parent. */
  private cached(state: StageState, createdBy: string): boolean {
    if (this.noCache) return false;
    const key = `${state.image.id}\n${createdBy}`;
    if (this.kit) {
      const step = this.kit.cache.get(key);
      if (!step) return false;
      const vertex = this.kit.vertices[this.kit.vertices.length - 1];
      if (vertex && vertex.keyword !== 'FROM') vertex.cached = true;
      this.advance(state, step);
      return true;
    }
    // The newest image committed for this step wins (the image cache's most recent match).
    const hit = [...this.host.engine.images].reverse().find((i) => i.built?.cacheKey === key);
    if (!hit) return false;
    this.emit(' ---> Using cache\n');
    this.advance(state, hit);
    return true;
  }

  private advance(state: StageState, image: Image): void {
    state.image = image;
    state.config = configOf(image);
    this.emit(` ---> ${short(image.id)}\n`);
  }

  private createContainer(image: Image, opts: { cmd?: string[]; entrypoint?: string; env?: string[]; workingDir?: string; user?: string }): Container {
    const store = this.host.engine.imageService.store;
    // BuildKit's steps are no images of the engine: the step's image is there only while its RUN runs.
    if (this.kit && !store.get(image.id)) {
      store.add(image, []);
      this.transient.add(image.id);
    }
    try {
      return this.host.engine.createContainer({ image: image.id, ...opts, ...(opts.user === '' ? { user: '' } : {}) }, []);
    } catch (e) {
      this.dropTransient();
      if (e instanceof DockerError) throw new BuildError(e.message);
      throw e;
    }
  }

  /** Step images put in the store for a RUN of a BuildKit build. */
  private readonly transient = new Set<string>();

  private removeContainer(container: Container): void {
    this.host.engine.remove(container.id, true);
    this.dropTransient();
  }

  private dropTransient(): void {
    for (const id of this.transient) this.host.engine.imageService.store.remove(id);
    this.transient.clear();
  }

  /**
   * Commits a step: from the cache when the same step ran on this parent before,
   * else a new image (metadata steps in a container the builder creates and removes).
   */
  private commit(state: StageState, createdBy: string, config: RunConfig, how: { container: boolean; nonce?: string; layer?: { tree: ReadonlyMap<string, TreeEntry>; size: number; digest: string } }, kitText: string): void {
    if (how.container && this.cached(state, createdBy)) return;
    if (this.kit) {
      // A step of BuildKit's cache: its history line and comment, no container, no image in the store.
      const step = commitStep(state.image, { createdBy: kitText, config, packages: state.packages, comment: BUILDKIT_COMMENT, cacheKey: `${state.image.id}\n${createdBy}`, ...(how.layer ? { layer: how.layer } : {}) }, this.host.engine.kernel.now, this.host.baseTree, '');
      this.kit.cache.set(step.built!.cacheKey, step);
      state.image = step;
      state.config = configOf(step);
      return;
    }
    let nonce = how.nonce ?? '';
    if (how.container) {
      const container = this.createContainer(state.image, { cmd: ['/bin/sh', '-c', createdBy.replace(/^\/bin\/sh -c /, '')] });
      this.emit(` ---> Running in ${short(container.id)}\n`);
      this.host.engine.remove(container.id, true);
      this.emit(` ---> Removed intermediate container ${short(container.id)}\n`);
      nonce = container.id;
    }
    const engine = this.host.engine;
    const image = commitStep(state.image, { createdBy, config, packages: state.packages, ...(how.layer ? { layer: how.layer } : {}) }, engine.kernel.now, this.host.baseTree, nonce);
    engine.imageService.store.add(image, []);
    this.advance(state, image);
  }
}

interface SourceReader {
  match(source: string): { rel: string; dir: boolean }[];
  expand(m: { rel: string; dir: boolean }): { rel: string; entry: TreeEntry; top: boolean }[];
  missing(source: string): string;
}

/** The directories above `path` that the tree lacks, outermost first. */
function parentsOf(path: string, tree: ReadonlyMap<string, TreeEntry>): string[] {
  const out: string[] = [];
  const parts = path.split('/').filter((p) => p !== '');
  for (let i = 1; i < parts.length; i++) {
    const dir = `/${parts.slice(0, i).join('/')}`;
    if (tree.get(dir)?.kind !== 'dir') out.push(dir);
  }
  return out;
}

/** filepath.Match over one path: `*` and `?` within a name. */
function globRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
}

/** A Go duration (`30s`, `1m30s`, `500ms`) in nanoseconds. */
function goDurationNs(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let total = 0;
  let rest = text;
  if (rest === '0') return 0;
  while (rest !== '') {
    const m = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * units[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return text === '' ? undefined : total;
}

/** Go's time.Duration String for whole units: `30s`, `1m30s`, `0s`. */
function formatDuration(ns: number): string {
  if (ns === 0) return '0s';
  if (ns < 1e9) return ns % 1e6 === 0 ? `${ns / 1e6}ms` : `${ns}ns`;
  let s = ns / 1e9;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${s}s`;
}

/** A vertex's name: the instruction as written, its variables expanded and quotes removed, the keyword upper-cased. */
function kitName(ins: Instruction, vars: Vars): string {
  return `${ins.keyword} ${processWord(ins.original.slice(ins.original.search(/\s/) + 1).trim(), vars)}`;
}
