/**
 * `docker volume ...`: create, ls (-q, --format, name and dangling filters),
 * inspect, rm and prune, with the outputs and errors client 28.2.2 prints
 * against daemon 28.5.2 (goldens volumes-cli and volumes-mount).
 */
import { DockerError, type Engine } from '../../docker/engine.ts';
import { volumeMountpoint, volumeObject, type Volume } from '../../docker/volumes.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { isParsed, parseCommandFlags } from './flags.ts';
import { formatList, humanSize, table } from './format.ts';
import { renderInspect } from './inspect-cmd.ts';
import { argCountError, daemonError, noArgsError, unknownCommand } from './usage.ts';

const VOLUME_HELP = `
Usage:  docker volume COMMAND

Manage volumes

Commands:
  create      Create a volume
  inspect     Display detailed information on one or more volumes
  ls          List volumes
  prune       Remove unused local volumes
  rm          Remove one or more volumes

Run 'docker volume COMMAND --help' for more information on a command.
`;

export function volumeCommand(engine: Engine, argv: string[]): CommandOutput {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'create':
      return volumeCreate(engine, rest);
    case 'ls':
    case 'list':
      return volumeLs(engine, rest);
    case 'inspect':
      return volumeInspect(engine, rest);
    case 'rm':
    case 'remove':
      return volumeRm(engine, rest);
    case 'prune':
      return volumePrune(engine, rest);
    case undefined:
      return ok(VOLUME_HELP.slice(1));
    default:
      return unknownCommand(`volume ${sub}`, 'volume');
  }
}

function volumeCreate(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('volume create', argv, [
    { long: 'driver', short: 'd', kind: 'string' },
    { long: 'name', kind: 'string' },
    { long: 'label', kind: 'list' },
    { long: 'opt', short: 'o', kind: 'list' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length > 1) return argCountError('volume create', 'at most 1 argument');
  const flagName = f.strings.get('name');
  const positional = f.args[0];
  if (flagName !== undefined && positional !== undefined && flagName !== positional) return fail('conflicting options: either specify --name or provide positional arg, not both\n', 1);
  const driver = f.strings.get('driver') ?? 'local';
  if (driver !== 'local') return fail(`vethlab: volume drivers other than local are not modelled here (${driver})\n`, 1);
  if ((f.lists.get('opt') ?? []).length > 0) return fail('vethlab: the local driver\'s mount options (-o) are not modelled here\n', 1);
  const labels: Record<string, string> = {};
  for (const l of f.lists.get('label') ?? []) {
    const eq = l.indexOf('=');
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  try {
    const v = engine.createVolume(flagName ?? positional, Object.keys(labels).length > 0 ? labels : undefined);
    return ok(`${v.name}\n`);
  } catch (e) {
    if (e instanceof DockerError) return fail(daemonError(e.message), 1);
    throw e;
  }
}

/** What `--format` sees of a volume (formatter.volumeContext). */
const volumeRow = (v: Volume) => ({ Name: v.name, Driver: 'local', Scope: 'local', Mountpoint: volumeMountpoint(v.name), Labels: Object.entries(v.labels ?? {}).map(([k, val]) => `${k}=${val}`).join(','), Size: 'N/A', Availability: 'N/A', Group: 'N/A' });

const LS_HEADERS: Record<string, string> = { Name: 'VOLUME NAME', Driver: 'DRIVER', Scope: 'SCOPE', Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', Size: 'SIZE' };

function volumeLs(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('volume ls', argv, [
    { long: 'quiet', short: 'q', kind: 'bool' },
    { long: 'format', kind: 'string' },
    { long: 'filter', short: 'f', kind: 'list' },
    { long: 'cluster', kind: 'bool' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length > 0) return noArgsError('volume ls');
  // The client sorts by name (SortVolumes).
  let list = [...engine.volumes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const filter of f.lists.get('filter') ?? []) {
    const eq = filter.indexOf('=');
    if (eq < 0) return fail(`invalid argument "${filter}" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee 'docker volume ls --help'.\n`, 125);
    const key = filter.slice(0, eq);
    const value = filter.slice(eq + 1);
    if (key === 'name') list = list.filter((v) => v.name.includes(value));
    else if (key === 'dangling') {
      if (!['true', 'false', '1', '0'].includes(value)) return fail(daemonError(`invalid filter 'dangling=${value}'`), 1);
      const dangling = value === 'true' || value === '1';
      list = list.filter((v) => (engine.volumeUsers(v.name).length === 0) === dangling);
    } else if (['driver', 'label', 'scope'].includes(key)) return fail(`vethlab: docker volume ls --filter ${key}= is not modelled here\n`, 1);
    else return fail(daemonError(`invalid filter '${key}'`), 1);
  }
  if (f.bools.has('quiet')) return ok(list.map((v) => `${v.name}\n`).join(''));
  const format = f.strings.get('format');
  if (format !== undefined && format !== '' && format !== 'table') return formatList(format, list.map(volumeRow), LS_HEADERS);
  return ok(table([['DRIVER', 'VOLUME NAME'], ...list.map((v) => ['local', v.name])]));
}

function volumeInspect(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('volume inspect', argv, [{ long: 'format', short: 'f', kind: 'string' }]);
  if (!isParsed(f)) return f;
  if (f.args.length < 1) return argCountError('volume inspect', 'at least 1 argument');
  const results = f.args.map((name) => {
    const v = engine.findVolume(name);
    return v ? { value: volumeObject(v) } : { error: daemonError(`get ${name}: no such volume`).trimEnd() };
  });
  return renderInspect(results, f.strings.get('format'));
}

function volumeRm(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('volume rm', argv, [{ long: 'force', short: 'f', kind: 'bool' }]);
  if (!isParsed(f)) return f;
  if (f.args.length < 1) return argCountError('volume rm', 'at least 1 argument');
  let stdout = '';
  let stderr = '';
  for (const name of f.args) {
    try {
      engine.removeVolume(name, f.bools.has('force'));
      stdout += `${name}\n`;
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      stderr += daemonError(e.message);
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** `docker volume prune [-a] [-f]`: without -f the client asks, reads an empty stdin as "no" and gives up. */
function volumePrune(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('volume prune', argv, [
    { long: 'force', short: 'f', kind: 'bool' },
    { long: 'all', short: 'a', kind: 'bool' },
    { long: 'filter', kind: 'list' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length > 0) return noArgsError('volume prune');
  if ((f.lists.get('filter') ?? []).length > 0) return fail('vethlab: docker volume prune --filter is not modelled here\n', 1);
  const all = f.bools.has('all');
  if (!f.bools.has('force')) {
    return ok(`WARNING! This will remove ${all ? 'all local volumes' : 'anonymous local volumes'} not used by at least one container.\nAre you sure you want to continue? [y/N] `);
  }
  const { names, size } = engine.pruneVolumes(all);
  const deleted = names.length > 0 ? `Deleted Volumes:\n${names.map((n) => `${n}\n`).join('')}\n` : '';
  return ok(`${deleted}Total reclaimed space: ${humanSize(size, 4)}\n`);
}
