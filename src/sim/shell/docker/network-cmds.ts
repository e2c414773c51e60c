/**
 * `docker network ...`: create, rm, ls (filters, --format), prune, connect,
 * disconnect and inspect, with the client's output and error shapes.
 */
import { DockerError, type Engine } from '../../docker/engine.ts';
import { goTime } from '../../docker/go-time.ts';
import type { Network } from '../../docker/model.ts';
import { fail, ok, type CommandOutput } from '../types.ts';
import { lazyPart } from '../lazy/parts.ts';
import { isParsed, parseCommandFlags, type FlagSpec } from './flags.ts';
import { formatList, naturalCompare, table } from './format.ts';
import { argCountError, daemonError, noArgsError, unknownCommand } from './usage.ts';

const CONNECT_FLAGS: FlagSpec[] = [
  { long: 'ip', kind: 'string' },
  { long: 'ip6', kind: 'string' },
  { long: 'alias', kind: 'list' },
  { long: 'gw-priority', kind: 'string' },
];

const NETWORK_CREATE_FLAGS: FlagSpec[] = [
  { long: 'driver', short: 'd', kind: 'string' },
  { long: 'subnet', kind: 'list' },
  { long: 'gateway', kind: 'list' },
  { long: 'ip-range', kind: 'list' },
  { long: 'internal', kind: 'bool' },
  { long: 'ipv4', kind: 'bool' },
  { long: 'ipv6', kind: 'bool' },
  { long: 'opt', short: 'o', kind: 'list' },
  { long: 'attachable', kind: 'bool' },
];

const NETWORK_HELP = `
Usage:  docker network COMMAND

Manage networks

Commands:
  connect     Connect a container to a network
  create      Create a network
  disconnect  Disconnect a container from a network
  inspect     Display detailed information on one or more networks
  ls          List networks
  prune       Remove all unused networks
  rm          Remove one or more networks

Run 'docker network COMMAND --help' for more information on a command.
`;

export function networkCommand(engine: Engine, argv: string[]): CommandOutput {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'create':
      return networkCreate(engine, rest);
    case 'rm':
    case 'remove':
      return networkRm(engine, rest);
    case 'ls':
    case 'list':
      return networkLs(engine, rest);
    case 'prune':
      return networkPrune(engine, rest);
    case 'connect':
    case 'disconnect':
      return networkConnect(engine, sub, rest);
    case 'inspect':
      return networkInspect(engine, rest);
    case undefined:
      return fail(NETWORK_HELP, 0);
    default:
      return unknownCommand(`network ${sub}`, 'network');
  }
}

function networkCreate(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('network create', argv, NETWORK_CREATE_FLAGS);
  if (!isParsed(f)) return f;
  if (f.args.length !== 1) return argCountError('network create', 'exactly 1 argument');
  const options: Record<string, string> = {};
  for (const o of f.lists.get('opt') ?? []) {
    const eq = o.indexOf('=');
    options[eq < 0 ? o : o.slice(0, eq)] = eq < 0 ? '' : o.slice(eq + 1);
  }
  // The client pairs each --gateway with the --subnet of its family (one subnet per family here).
  const isV6 = (a: string) => a.includes(':');
  const subnets = f.lists.get('subnet') ?? [];
  const gateways = f.lists.get('gateway') ?? [];
  const subnet = subnets.find((a) => !isV6(a));
  const subnet6 = subnets.find(isV6);
  const gateway = gateways.find((a) => !isV6(a));
  const gateway6 = gateways.find(isV6);
  const ipRange = f.lists.get('ip-range')?.[0];
  if (gateway6 !== undefined && subnet6 === undefined) return fail(`no matching subnet for gateway ${gateway6}\n`, 1);
  try {
    const n = engine.createNetwork({
      name: f.args[0]!,
      internal: f.bools.has('internal'),
      options,
      ...(f.falses.has('ipv4') ? { ipv4: false } : {}),
      ...(f.bools.has('ipv6') ? { ipv6: true } : {}),
      subnetOrder: [...new Set(subnets.map((a) => (isV6(a) ? 6 : 4) as 4 | 6))],
      ...(f.strings.has('driver') ? { driver: f.strings.get('driver')! } : {}),
      ...(subnet !== undefined ? { subnet } : {}),
      ...(subnet6 !== undefined ? { subnet6 } : {}),
      ...(gateway !== undefined ? { gateway } : {}),
      ...(gateway6 !== undefined ? { gateway6 } : {}),
      ...(ipRange !== undefined ? { ipRange } : {}),
    });
    return ok(`${n.id}\n`);
  } catch (e) {
    if (!(e instanceof DockerError)) throw e;
    return fail(e.side === 'client' ? `${e.message}\n` : daemonError(e.message), 1);
  }
}

function networkRm(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('network rm', argv, [{ long: 'force', short: 'f', kind: 'bool' }]);
  if (!isParsed(f)) return f;
  if (f.args.length < 1) return argCountError('network rm', 'at least 1 argument');
  let stdout = '';
  let stderr = '';
  for (const ref of f.args) {
    try {
      engine.removeNetwork(ref);
      stdout += `${ref}\n`;
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      stderr += daemonError(e.message);
    }
  }
  if (stderr) return { stdout, stderr: `${stderr}exit status 1\n`, exitCode: 1 };
  return ok(stdout);
}

const LS_HEADERS: Record<string, string> = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv4: 'IPV4', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT' };
const LS_FILTERS = new Set(['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type']);

/** Go's time.Time.String(): `2026-11-23 22:00:00.123456789 +0000 UTC`. */
function goTimeString(ms: number): string {
  return `${goTime(ms).replace('T', ' ').replace('Z', '')} +0000 UTC`;
}

/** The row a `network ls --format` template sees (the client's networkContext). */
function lsRow(n: Network, noTrunc: boolean): Record<string, unknown> {
  return {
    ID: noTrunc ? n.id : n.id.slice(0, 12),
    Name: n.name,
    Driver: n.driver,
    Scope: 'local',
    IPv4: String(n.driver !== 'bridge' || n.pool !== undefined),
    IPv6: String(n.pool6 !== undefined),
    Internal: String(n.internal),
    Labels: '',
    CreatedAt: goTimeString(n.created),
  };
}

/** The daemon's network filters: same key ORed, keys ANDed; `name`/`id` are regular expressions, the rest exact. */
function matchesFilter(engine: Engine, n: Network, key: string, value: string): boolean {
  switch (key) {
    case 'driver':
      return n.driver === value;
    case 'name':
      return n.name === value || (safeRegExp(value)?.test(n.name) ?? false);
    case 'id':
      return n.id === value || (safeRegExp(value)?.test(n.id) ?? false);
    case 'scope':
      return value === 'local';
    case 'type': {
      const builtin = n.isDefault || n.driver !== 'bridge';
      return value === 'builtin' ? builtin : value === 'custom' ? !builtin : false;
    }
    case 'dangling': {
      const used = [...engine.containers.values()].some((c) => c.endpoints.has(n.id));
      const builtin = n.isDefault || n.driver !== 'bridge';
      return (value === 'true' || value === '1') === (!used && !builtin);
    }
    default:
      return false;
  }
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function networkLs(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('network ls', argv, [
    { long: 'quiet', short: 'q', kind: 'bool' },
    { long: 'no-trunc', kind: 'bool' },
    { long: 'filter', short: 'f', kind: 'list' },
    { long: 'format', kind: 'string' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length > 0) return noArgsError('network ls');
  const byKey = new Map<string, string[]>();
  for (const filter of f.lists.get('filter') ?? []) {
    const eq = filter.indexOf('=');
    if (eq < 0) return fail(`invalid argument "${filter}" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee 'docker network ls --help'.\n`, 125);
    const key = filter.slice(0, eq);
    if (!LS_FILTERS.has(key)) return fail(daemonError(`invalid filter '${key}'`), 1);
    byKey.set(key, [...(byKey.get(key) ?? []), filter.slice(eq + 1)]);
  }
  let list = [...engine.networks.values()].sort((a, b) => naturalCompare(a.name, b.name));
  for (const [key, values] of byKey) list = list.filter((n) => values.some((v) => matchesFilter(engine, n, key, v)));
  const noTrunc = f.bools.has('no-trunc');
  const id = (n: Network) => (noTrunc ? n.id : n.id.slice(0, 12));
  if (f.bools.has('quiet')) return ok(list.map((n) => `${id(n)}\n`).join(''));
  const format = f.strings.get('format');
  if (format !== undefined && format !== '' && format !== 'table') return formatList(format, list.map((n) => lsRow(n, noTrunc)), LS_HEADERS);
  return ok(table([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...list.map((n) => [id(n), n.name, n.driver, 'local'])]));
}

const PRUNE_WARNING = 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';

/** `docker network prune [-f]`: without -f the client asks, reads an empty stdin as "no" and quietly gives up. */
function networkPrune(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('network prune', argv, [
    { long: 'force', short: 'f', kind: 'bool' },
    { long: 'filter', kind: 'list' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length > 0) return noArgsError('network prune');
  if (!f.bools.has('force')) return ok(PRUNE_WARNING);
  const deleted = engine.pruneNetworks();
  if (deleted.length === 0) return ok();
  return ok(`Deleted Networks:\n${deleted.map((name) => `${name}\n`).join('')}\n`);
}

/** JSON of every network named; a missing one still prints the others (and `[]` when none). */
function networkInspect(engine: Engine, argv: string[]): CommandOutput {
  const f = parseCommandFlags('network inspect', argv, [
    { long: 'format', short: 'f', kind: 'string' },
    { long: 'verbose', short: 'v', kind: 'bool' },
  ]);
  if (!isParsed(f)) return f;
  if (f.args.length < 1) return argCountError('network inspect', 'at least 1 argument');
  const results = f.args.map((ref) => {
    const n = engine.findNetwork(ref);
    return n ? { value: lazyPart('inspect').networkObject(engine, n) } : { error: daemonError(`network ${ref} not found`).trimEnd() };
  });
  return lazyPart('inspect').renderInspect(results, f.strings.get('format'));
}

function networkConnect(engine: Engine, sub: 'connect' | 'disconnect', argv: string[]): CommandOutput {
  const command = `network ${sub}`;
  const specs = sub === 'connect' ? CONNECT_FLAGS : [{ long: 'force', short: 'f', kind: 'bool' as const }];
  const f = parseCommandFlags(command, argv, specs);
  if (!isParsed(f)) return f;
  if (f.args.length !== 2) return argCountError(command, 'exactly 2 arguments');
  const [net, ctr] = f.args as [string, string];
  try {
    // The daemon looks the container up first (golden 41: an unknown network and container name the container);
    // `disconnect -f` of an unknown container deletes a stale endpoint of that name instead
    // (daemon ForceEndpointDelete; the simulator keeps none, golden 57).
    if (sub === 'disconnect' && f.bools.has('force') && !engine.findContainer(ctr)) {
      if (!engine.findNetwork(net)) throw new DockerError(`network ${net} not found`);
      throw new DockerError(`endpoint ${ctr} not found`);
    }
    engine.requireContainer(ctr);
    if (sub === 'connect') {
      const opts: { ip?: string; ip6?: string; aliases?: string[]; gwPriority?: number } = {};
      const ip = f.strings.get('ip');
      if (ip !== undefined) opts.ip = ip;
      const ip6 = f.strings.get('ip6');
      if (ip6 !== undefined) opts.ip6 = ip6;
      const aliases = f.lists.get('alias');
      if (aliases) opts.aliases = aliases;
      const prio = f.strings.get('gw-priority');
      if (prio !== undefined) opts.gwPriority = Number(prio);
      engine.connect(net, ctr, opts);
    } else {
      engine.disconnect(net, ctr);
    }
    return ok();
  } catch (e) {
    if (!(e instanceof DockerError)) throw e;
    return fail(daemonError(e.message), 1);
  }
}
