/**
 * `docker build` as the rig's client runs it: without the buildx plugin the
 * CLI falls back to the legacy builder and says it is deprecated, sends the
 * context directory, and prints the daemon's step stream (golden build-basic,
 * build-options, build-errors). The steps themselves run in build-steps.ts.
 */
import { KNOWN_INSTRUCTIONS, parseDockerfile } from '../../docker/build/dockerfile.ts';
import type { Engine } from '../../docker/engine.ts';
import type { Image } from '../../docker/images.ts';
import { familiarString, parseNormalizedNamed, withDefaultTag, type NamedReference } from '../../docker/reference.ts';
import { resolvePath, scratchFs } from '../fs.ts';
import { rootfsOf } from '../rootfs.ts';
import { fail, type CommandOutput } from '../types.ts';
import { readContext } from './build-context.ts';
import { BuildError, Builder, type BuildHost } from './build-steps.ts';
import type { ClientProcess, DockerClientOptions } from './cli.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { humanSize } from './format.ts';
import { flagError } from './usage.ts';

const DEPRECATED = 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\n';
/** With DOCKER_BUILDKIT=0 the client says how to turn BuildKit back on instead (golden build-options). */
const DEPRECATED_DISABLED = 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n            environment-variable.\n\n';

/** Flags of the legacy builder this host does not model: refused in one line each. */
const REFUSED: Readonly<Record<string, string>> = {
  pull: 'images here are pulled only when missing',
  platform: 'this host builds for linux/amd64 only',
  network: 'RUN steps here use the default bridge',
  label: 'labels here come from LABEL instructions',
  'force-rm': 'a failed step here keeps its container, as without it',
  iidfile: 'the image ID is printed, not written to a file, here',
  'add-host': 'RUN steps here see the default bridge\'s hosts file',
  'cache-from': 'the cache here is the local images',
  squash: 'squashing layers is not modelled here',
  'build-context': 'only the legacy builder runs here',
};

/** What a build needs of the docker client (RUN steps run in containers through the shell); undefined when it has no processes. */
export function buildHost(engine: Engine, options: Pick<DockerClientOptions, 'runProcess' | 'files' | 'packagesOf'>): BuildHost | undefined {
  if (!options.runProcess || !options.files) return undefined;
  return {
    engine,
    runProcess: options.runProcess,
    files: options.files,
    baseTree: (image: Image) => rootfsOf(image),
    ...(options.packagesOf ? { packagesOf: options.packagesOf } : {}),
  };
}

export { builderCommand, buildWithBuildKit } from './buildkit.ts';

/**
 * `docker build` and `docker image build` (the same command: `command` names it in
 * the usage errors, golden compose-build-progress).
 */
export function buildCommand(engine: Engine, options: DockerClientOptions, argv: string[], proc: ClientProcess, command = 'build'): CommandOutput {
  const notice = proc.env?.DOCKER_BUILDKIT === '0' ? DEPRECATED_DISABLED : DEPRECATED;
  const withNotice = (out: CommandOutput): CommandOutput => ({ ...out, stderr: notice + out.stderr, stderrFirst: true });
  const f = parseCommandFlags(command, argv, [
    { long: 'tag', short: 't', kind: 'list' },
    { long: 'file', short: 'f', kind: 'string' },
    { long: 'build-arg', kind: 'list' },
    { long: 'no-cache', kind: 'bool' },
    { long: 'quiet', short: 'q', kind: 'bool' },
    { long: 'target', kind: 'string' },
    { long: 'rm', kind: 'bool' },
    ...Object.keys(REFUSED).map((long) => ({ long, kind: long === 'pull' || long === 'force-rm' || long === 'squash' ? ('bool' as const) : ('list' as const) })),
  ]);
  if (!isParsed(f)) return withNotice(f);
  for (const flag of Object.keys(REFUSED)) {
    if (f.bools.has(flag) || f.lists.has(flag)) return withNotice(fail(`vethlab: docker build --${flag} is real, but ${REFUSED[flag]}\n`, 1));
  }
  if (f.args.length !== 1) return withNotice(fail(`docker: 'docker ${command}' requires 1 argument\n\nUsage:  docker ${command} [OPTIONS] PATH | URL | -\n\nRun 'docker ${command} --help' for more information\n`, 1));
  // The client parses every -t before it reads anything.
  const tags: NamedReference[] = [];
  for (const tag of f.lists.get('tag') ?? []) {
    const parsed = parseNormalizedNamed(tag);
    if (!parsed.ok) return withNotice(flagError(command, `invalid argument "${tag}" for "-t, --tag" flag: ${parsed.error}`));
    if (parsed.value.digest !== undefined) return withNotice(flagError(command, `invalid argument "${tag}" for "-t, --tag" flag: invalid reference format`));
    tags.push(withDefaultTag(parsed.value));
  }
  const contextArg = f.args[0]!;
  if (contextArg === '-' || /^[a-z]+:\/\//.test(contextArg) || /^git@/.test(contextArg)) {
    return withNotice(fail('vethlab: docker build from stdin or a URL is real, but only a context directory of this host is modelled here\n', 1));
  }
  const local = proc.fs ?? scratchFs();
  const root = resolvePath(local.cwd, contextArg);
  if (local.stat(root) !== 'dir') return withNotice(fail(`unable to prepare context: path ${JSON.stringify(contextArg)} not found\n`, 1));
  const dockerfilePath = f.strings.has('file') ? resolvePath(local.cwd, f.strings.get('file')!) : `${root}/Dockerfile`;
  if (local.stat(dockerfilePath) !== 'file') {
    return withNotice(fail(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dockerfilePath}: no such file or directory\n`, 1));
  }
  const context = readContext(local, root);
  const quiet = f.bools.has('quiet');
  let stream = `Sending build context to Docker daemon  ${humanSize(context.tarSize, 4)}\n`;
  const failed = (message: string, exitCode: number, builderOut = ''): CommandOutput => {
    // The stream and the error interleave on the terminal: the notice goes with the stream so the order holds.
    const shown = quiet ? '' : stream + builderOut;
    return { stdout: notice + shown, stderr: `${message}\n`, exitCode };
  };
  const parsed = parseDockerfile(String(local.read(dockerfilePath)));
  if (!parsed.ok) return failed(`Error response from daemon: ${withSuggestion(parsed.error)}`, 1);
  const { stages: allStages, globalArgs } = parsed.dockerfile;
  const target = f.strings.get('target');
  let stages = allStages;
  if (target !== undefined) {
    const at = allStages.findIndex((s) => s.name === target.toLowerCase());
    if (at < 0) return failed(`Error response from daemon: target stage ${JSON.stringify(target)} could not be found`, 1);
    stages = allStages.slice(0, at + 1);
  }
  if (!buildHost(engine, options)) return withNotice(fail('vethlab: docker build needs container processes, which this shell does not run\n', 1));
  const buildArgs = new Map<string, string>();
  for (const kv of f.lists.get('build-arg') ?? []) {
    const eq = kv.indexOf('=');
    // `--build-arg NAME` takes the value from the client's environment; unset, the arg stays unset.
    if (eq >= 0) buildArgs.set(kv.slice(0, eq), kv.slice(eq + 1));
    else if (proc.env?.[kv] !== undefined) buildArgs.set(kv, proc.env[kv]);
  }
  const host = buildHost(engine, options)!;
  const builder = new Builder(host, context, buildArgs, f.bools.has('no-cache'));
  const total = stages.reduce((n, s) => n + s.instructions.length, 0);
  let step = 0;
  const nextStep = () => `Step ${++step}/${total} : `;
  let image: Image;
  try {
    for (const ins of globalArgs) builder.declareGlobal(ins);
    image = stages.map((s) => builder.runStage(s.instructions, s.name, nextStep)).pop()!;
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    return failed(e.message, e.exitCode, builder.out);
  }
  const unused = [...buildArgs.keys()].filter((k) => !builder.consumed.has(k) && !BUILTIN_ARG_NAMES.has(k)).sort();
  stream += builder.out;
  if (unused.length > 0) stream += `[Warning] One or more build-args [${unused.join(' ')}] were not consumed\n`;
  const short = image.id.replace(/^sha256:/, '').slice(0, 12);
  stream += `Successfully built ${short}\n`;
  for (const tag of tags) {
    engine.imageService.store.tag(image, tag, engine.kernel.now);
    stream += `Successfully tagged ${familiarString(tag)}\n`;
  }
  return { stdout: quiet ? `${image.id}\n` : stream, stderr: notice, exitCode: 0, stderrFirst: true };
}

/** Proxy variables Docker passes without an ARG (never "not consumed"). */
const BUILTIN_ARG_NAMES = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']);

/** buildkit's suggest.Search: an unknown instruction within two edits of a known one gets "(did you mean X?)". */
export function withSuggestion(error: string): string {
  const m = /unknown instruction: (\S+)$/.exec(error);
  if (!m) return error;
  const word = m[1]!.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of [...KNOWN_INSTRUCTIONS].sort()) {
    const d = levenshtein(word, known.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = known;
    }
  }
  return best ? `${error} (did you mean ${best}?)` : error;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

