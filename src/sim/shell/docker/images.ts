/**
 * `docker images` / `docker image ls` and `docker image inspect`, and the
 * `docker image` management command (ls, inspect, pull, tag, rm): one row per
 * name of an image (cli formatter imageFormatTaggedAndDigest), newest image
 * first, the `reference` filter as the daemon matches it (FamiliarMatch).
 */
import type { Engine } from '../../docker/engine.ts';
import type { Image } from '../../docker/images.ts';
import { imageObject } from '../../docker/image-inspect.ts';
import { familiarMatch, familiarName, type NamedReference } from '../../docker/reference.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { formatList, humanDuration, humanSize, table } from './format.ts';
import { imagePrune, notModelled } from './housekeeping.ts';
import { historyCommand } from './history-cmd.ts';
import { renderInspect } from './inspect-cmd.ts';
import { pullCommand } from './pull.ts';
import { rmiCommand, tagCommand } from './tag-rmi.ts';
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
function imageRow(engine: Engine, image: Image, repo: string, tag: string, digest: string, noTrunc: boolean): Record<string, unknown> {
  const hex = image.id.slice('sha256:'.length);
  return {
    ID: noTrunc ? image.id : hex.slice(0, 12),
    Repository: repo,
    Tag: tag,
    Digest: digest,
    CreatedSince: `${humanDuration(engine.kernel.now - image.created)} ago`,
    CreatedAt: unixTimeString(image.created),
    Size: humanSize(image.size),
    Containers: 'N/A',
    VirtualSize: humanSize(image.size),
    SharedSize: 'N/A',
    UniqueSize: 'N/A',
  };
}

/**
 * An image's rows: per repository (in the order of its names), one per tag
 * (or, with --digests, per tag and digest), then repositories known only by
 * digest; an image without names is `<none>`. The client groups by repository
 * in a Go map, so several repositories of one image come in no fixed order;
 * here they keep the reference store's order.
 */
function rowsOf(refs: NamedReference[], digests: boolean): { repo: string; tag: string; digest: string }[] {
  if (refs.length === 0) return [{ repo: '<none>', tag: '<none>', digest: '<none>' }];
  const tags = new Map<string, string[]>();
  const byDigest = new Map<string, string[]>();
  for (const r of refs) {
    const repo = familiarName(r);
    if (r.tag !== undefined) tags.set(repo, [...(tags.get(repo) ?? []), r.tag]);
    if (r.digest !== undefined) byDigest.set(repo, [...(byDigest.get(repo) ?? []), r.digest]);
  }
  const rows: { repo: string; tag: string; digest: string }[] = [];
  for (const [repo, list] of tags) {
    const ds = digests ? (byDigest.get(repo) ?? []) : [];
    byDigest.delete(repo);
    for (const tag of list) {
      if (ds.length === 0) rows.push({ repo, tag, digest: '<none>' });
      else for (const d of ds) rows.push({ repo, tag, digest: d });
    }
  }
  for (const [repo, ds] of byDigest) {
    if (digests) for (const d of ds) rows.push({ repo, tag: '<none>', digest: d });
    else rows.push({ repo, tag: '<none>', digest: '' });
  }
  return rows;
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
  // dangling=true: only images without a tag; dangling=false: only images with a name (daemon/images/images.go).
  let dangling: boolean | undefined;
  for (const filter of f.lists.get('filter') ?? []) {
    const eq = filter.indexOf('=');
    const key = eq < 0 ? filter : filter.slice(0, eq);
    if (eq < 0) return fail(`invalid argument "${filter}" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee 'docker ${command} --help'.\n`, 125);
    if (!LIST_FILTERS.has(key)) return fail(daemonError(`invalid filter '${key}'`), 1);
    if (key === 'reference') references.push(filter.slice(eq + 1));
    if (key === 'dangling') dangling = filter.slice(eq + 1) === 'true';
  }
  // Newest first, as the daemon lists them; a reference filter keeps only the names it matches.
  const store = engine.imageService.store;
  const noTrunc = f.bools.has('no-trunc');
  const digests = f.bools.has('digests');
  const rows: Record<string, unknown>[] = [];
  // A built image's steps are images too: without -a those under another image and without a name stay hidden.
  const parents = new Set(engine.images.map((i) => i.built?.parent));
  // Newest first; a build's steps, committed at one moment, newest-added first.
  const order = new Map(engine.images.map((image, i) => [image, i]));
  const sorted = [...engine.images].sort((a, b) => b.created - a.created || (a.built && b.built ? order.get(b)! - order.get(a)! : 0));
  for (const image of sorted) {
    const all = store.refsOf(image.id);
    if (!f.bools.has('all') && all.length === 0 && parents.has(image.id)) continue;
    if (dangling === true && all.some((r) => r.tag !== undefined)) continue;
    if (dangling === false && all.length === 0) continue;
    const refs = references.length === 0 ? all : all.filter((r) => references.some((p) => familiarMatch(p, r)));
    if (references.length > 0 && refs.length === 0) continue;
    for (const row of rowsOf(refs, digests)) rows.push(imageRow(engine, image, row.repo, row.tag, row.digest, noTrunc));
  }
  if (f.bools.has('quiet')) return ok(rows.map((r) => `${String(r.ID)}\n`).join(''));
  const format = f.strings.get('format');
  if (format !== undefined && format !== '' && format !== 'table') return formatList(format, rows, HEADERS);
  const header = ['REPOSITORY', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'];
  return ok(table([header, ...rows.map((r) => [String(r.Repository), String(r.Tag), ...(digests ? [String(r.Digest)] : []), String(r.ID), String(r.CreatedSince), String(r.Size)])]));
}

/** `docker image SUBCOMMAND` (`image build` is the build part's: cli.ts sends it there). */
export function imageCommand(engine: Engine, argv: string[]): CommandOutput {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'ls':
    case 'list':
      return imagesCommand(engine, 'image ls', rest);
    case 'inspect':
      return imageInspect(engine, rest);
    case 'pull':
      return pullCommand(engine, rest, 'image pull');
    case 'tag':
      return tagCommand(engine, rest, 'image tag');
    case 'rm':
    case 'remove':
      return rmiCommand(engine, rest, 'image rm');
    case 'prune':
      return imagePrune(engine, rest);
    case 'history':
      return historyCommand(engine, rest);
    case 'save':
    case 'load':
    case 'import':
    case 'push':
      return notModelled(`image ${sub}`);
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
    const found = engine.imageService.store.lookup(ref);
    return 'image' in found ? { value: imageObject(engine, found.image) } : { error: daemonError(found.error).trimEnd() };
  });
  return renderInspect(results, f.strings.get('format'));
}
