/**
 * `docker images` / `docker image ls`, `docker image inspect` and `docker pull`:
 * the engine's offline images (the rig's busybox, httpd, redis); the rig has no
 * registry, so a pull fails the way the real daemon's lookup does.
 */
import type { Engine } from '../../docker/engine.ts';
import { REGISTRY_ERROR, type Image } from '../../docker/images.ts';
import { imageObject } from '../../docker/inspect.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { formatList, humanDuration, humanSize, table } from './format.ts';
import { renderInspect } from './inspect-cmd.ts';
import { argCountError, daemonError, unknownCommand } from './usage.ts';

const HEADERS: Record<string, string> = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
  VirtualSize: 'VIRTUAL SIZE',
};

const LIST_FILTERS = new Set(['before', 'dangling', 'label', 'reference', 'since', 'until']);

/** Go's time.Time.String() of a Unix time in seconds: `2026-11-23 21:18:00 +0000 UTC`. */
function unixTimeString(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '')} +0000 UTC`;
}

/** The row a `docker images --format` template sees (the client's imageContext). */
function imageRow(engine: Engine, image: Image, noTrunc: boolean): Record<string, unknown> {
  const hex = image.id.slice('sha256:'.length);
  return {
    ID: noTrunc ? image.id : hex.slice(0, 12),
    Repository: image.name,
    Tag: image.tag,
    Digest: '<none>',
    CreatedSince: `${humanDuration(engine.kernel.now - image.created)} ago`,
    CreatedAt: unixTimeString(image.created),
    Size: humanSize(image.size),
    Containers: 'N/A',
    VirtualSize: humanSize(image.size),
    SharedSize: 'N/A',
    UniqueSize: 'N/A',
  };
}

/** `busybox`, `busybox:latest`, `docker.io/library/busybox:*`: does `pattern` name this image? */
function matchesReference(image: Image, pattern: string): boolean {
  const bare = pattern.replace(/^(docker\.io\/)?(library\/)?/, '');
  const colon = bare.lastIndexOf(':');
  const repo = colon < 0 ? bare : bare.slice(0, colon);
  const tag = colon < 0 ? undefined : bare.slice(colon + 1);
  const glob = (p: string, s: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`).test(s);
  return glob(repo, image.name) && (tag === undefined || glob(tag, image.tag));
}

export function imagesCommand(engine: Engine, command: 'images' | 'image ls', argv: string[]): CommandOutput {
  const f = parseCommandFlags(command, argv, [
    { long: 'all', short: 'a', kind: 'bool' },
    { long: 'digests', kind: 'bool' },
    { long: 'filter', short: 'f', kind: 'list' },
    { long: 'format', kind: 'string' },
    { long: 'no-trunc', kind: 'bool' },
    { long: 'quiet', short: 'q', kind: 'bool' },
    { long: 'tree', kind: 'bool' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length > 1) return argCountError(command, 'at most 1 argument');
  const references: string[] = [];
  if (f.args[0] !== undefined) references.push(f.args[0]);
  for (const filter of f.lists.get('filter') ?? []) {
    const eq = filter.indexOf('=');
    const key = eq < 0 ? filter : filter.slice(0, eq);
    if (eq < 0) return fail(`invalid argument "${filter}" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee 'docker ${command} --help'.\n`, 125);
    if (!LIST_FILTERS.has(key)) return fail(daemonError(`invalid filter '${key}'`), 1);
    if (key === 'reference') references.push(filter.slice(eq + 1));
    if (key === 'dangling' && filter.slice(eq + 1) === 'true') return ok(f.bools.has('quiet') ? '' : table([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE']]));
  }
  // Newest first, as the daemon lists them.
  const list = [...engine.images].filter((i) => references.every((r) => matchesReference(i, r))).sort((a, b) => b.created - a.created);
  const noTrunc = f.bools.has('no-trunc');
  const rows = list.map((i) => imageRow(engine, i, noTrunc));
  if (f.bools.has('quiet')) return ok(rows.map((r) => `${String(r.ID)}\n`).join(''));
  const format = f.strings.get('format');
  if (format !== undefined && format !== '' && format !== 'table') return formatList(format, rows, HEADERS);
  const digests = f.bools.has('digests');
  const header = ['REPOSITORY', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'];
  return ok(table([header, ...rows.map((r) => [String(r.Repository), String(r.Tag), ...(digests ? ['<none>'] : []), String(r.ID), String(r.CreatedSince), String(r.Size)])]));
}

/** `docker image SUBCOMMAND`. */
export function imageCommand(engine: Engine, argv: string[]): CommandOutput {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'ls':
    case 'list':
      return imagesCommand(engine, 'image ls', rest);
    case 'inspect':
      return imageInspect(engine, rest);
    case 'pull':
      return pullCommand(rest);
    case undefined:
      return fail('\nUsage:  docker image COMMAND\n\nManage images\n\nRun \'docker image COMMAND --help\' for more information on a command.\n', 0);
    default:
      return unknownCommand(`image ${sub}`, 'image');
  }
}

function imageInspect(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('image inspect', argv, [{ long: 'format', short: 'f', kind: 'string' }]);
  if (!isParsed(f)) return f;
  if (f.args.length < 1) return argCountError('image inspect', 'at least 1 argument');
  const results = f.args.map((ref) => {
    const image = engine.findImage(ref);
    return image ? { value: imageObject(image) } : { error: daemonError(`No such image: ${/:[^/]*$/.test(ref) ? ref : `${ref}:latest`}`).trimEnd() };
  });
  return renderInspect(results, f.strings.get('format'));
}

/** `docker pull NAME[:TAG]`: even a local image is looked up in the registry, which the rig cannot reach. */
export function pullCommand(argv: string[]): CommandOutput {
  const f = parseCommandFlags('pull', argv, [
    { long: 'all-tags', short: 'a', kind: 'bool' },
    { long: 'quiet', short: 'q', kind: 'bool' },
    { long: 'platform', kind: 'string' },
    { long: 'disable-content-trust', kind: 'bool' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length !== 1) return argCountError('pull', 'exactly 1 argument');
  const ref = f.args[0]!;
  const tagged = /:[^/]*$/.test(ref) || ref.includes('@');
  const notice = tagged || f.bools.has('all-tags') ? '' : 'Using default tag: latest\n';
  return { stdout: notice, stderr: daemonError(REGISTRY_ERROR), exitCode: 1 };
}
