/**
 * Target extensions (`-j REJECT`, LOG, DNAT, SNAT, MASQUERADE, REDIRECT, NOTRACK,
 * TRACE): option parsing, save and `-L` text, and where the kernel allows them
 * (xt_target .table/.hooks; a rule elsewhere fails with EINVAL at commit).
 */
import { formatIPv4, parseIPv4 } from './inet.ts';
import { formatIPv6, parseIPv6 } from './addr.ts';
import { paramError } from './errors.ts';
import type { Hook, RejectWith, TableName } from './hook.ts';
import { saveString } from './quote.ts';

export interface NatRange {
  /** IPv4 range (IPv6 keeps the text). Undefined: keep the address (ports only). */
  minIp?: number;
  maxIp?: number;
  text6?: string;
  /** IPv6 range's first address (what a DNAT or SNAT to a range of one rewrites to). */
  minIp6?: bigint;
  minPort?: number;
  maxPort?: number;
}

export type TargetAction =
  | { kind: 'reject'; with: string }
  | { kind: 'log'; prefix: string; level: number }
  | { kind: 'dnat'; range: NatRange }
  | { kind: 'snat'; range: NatRange }
  | { kind: 'masquerade'; minPort?: number; maxPort?: number }
  | { kind: 'redirect'; minPort?: number; maxPort?: number }
  | { kind: 'notrack' }
  | { kind: 'trace' };

export interface TargetExt {
  readonly name: string;
  readonly action: TargetAction;
  save(): string;
  print(numeric: boolean): string;
  /** Tables and hooks the kernel accepts it in. */
  readonly table?: TableName;
  readonly hooks?: readonly Hook[];
  /** checkentry(): false gives EINVAL (e.g. tcp-reset without `-p tcp`). */
  check(rule: { proto: number; protoInv: boolean }): boolean;
}

export interface TargetBuilder {
  readonly options: Readonly<Record<string, number>>;
  parse(option: string, args: readonly string[], invert: boolean): void;
  finish(rule: { proto: number; protoInv: boolean; family: 4 | 6 }): TargetExt;
}

const PORT_PROTOS = new Set([6, 17, 132, 33, 136]);

const REJECT4: readonly (readonly [string, string])[] = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];
const REJECT6: readonly (readonly [string, string])[] = [
  ['icmp6-no-route', 'no-route'],
  ['icmp6-adm-prohibited', 'adm-prohibited'],
  ['icmp6-not-neighbor', 'not-neighbor'],
  ['icmp6-addr-unreachable', 'addr-unreach'],
  ['icmp6-port-unreachable', 'port-unreach'],
  ['tcp-reset', 'tcp-reset'],
  ['icmp6-policy-fail', 'policy-fail'],
  ['icmp6-reject-route', 'reject-route'],
];

/** syslog prioritynames order: the first name of a level is what `-L` prints. */
const LOG_LEVELS: readonly (readonly [string, number])[] = [
  ['alert', 1],
  ['crit', 2],
  ['debug', 7],
  ['emerg', 0],
  ['err', 3],
  ['error', 3],
  ['info', 6],
  ['notice', 5],
  ['panic', 0],
  ['warn', 4],
  ['warning', 4],
];

function ext(
  name: string,
  action: TargetAction,
  save: string,
  print: (numeric: boolean) => string,
  where: { table?: TableName; hooks?: readonly Hook[] },
  check: (rule: { proto: number; protoInv: boolean }) => boolean = () => true,
): TargetExt {
  return { name, action, save: () => save, print, table: where.table, hooks: where.hooks, check };
}

function rejectBuilder(family: 4 | 6): TargetBuilder {
  const table = family === 4 ? REJECT4 : REJECT6;
  let withName = family === 4 ? 'icmp-port-unreachable' : 'icmp6-port-unreachable';
  return {
    options: { 'reject-with': 1 },
    parse(_o, args) {
      const word = args[0] ?? '';
      const hit = table.find(([n, alias]) => n === word || alias === word);
      if (!hit) throw paramError(`unknown reject type "${word}"`);
      withName = hit[0];
    },
    finish() {
      const w = withName;
      return ext(
        'REJECT',
        { kind: 'reject', with: w },
        ` --reject-with ${w}`,
        () => ` reject-with ${w}`,
        { table: 'filter', hooks: ['INPUT', 'FORWARD', 'OUTPUT'] },
        (rule) => w !== 'tcp-reset' || (rule.proto === 6 && !rule.protoInv),
      );
    },
  };
}

function logBuilder(): TargetBuilder {
  let prefix = '';
  let level = 4;
  return {
    options: {
      'log-level': 1,
      'log-prefix': 1,
      'log-tcp-sequence': 0,
      'log-tcp-options': 0,
      'log-ip-options': 0,
      'log-uid': 0,
      'log-macdecode': 0,
    },
    parse(option, args) {
      const arg = args[0] ?? '';
      if (option === 'log-prefix') {
        if (arg.includes('\n')) throw paramError('Newlines not allowed in --log-prefix');
        // xt_log_info keeps 29 characters plus the NUL.
        prefix = arg.slice(0, 29);
      } else if (option === 'log-level') {
        const named = LOG_LEVELS.find(([n]) => n === arg);
        if (named) level = named[1];
        else if (/^[0-7]$/.test(arg)) level = Number(arg);
        else throw paramError(`log level "${arg}" unknown\n`);
      }
    },
    finish() {
      let save = '';
      if (prefix) save += ` --log-prefix${saveString(prefix)}`;
      if (level !== 4) save += ` --log-level ${level}`;
      const p = prefix;
      const l = level;
      return ext('LOG', { kind: 'log', prefix: p, level: l }, save, (numeric) => {
        let s = ' LOG';
        if (numeric) s += ` flags 0 level ${l}`;
        else s += ` level ${LOG_LEVELS.find(([, n]) => n === l)?.[0] ?? `UNKNOWN level ${l}`}`;
        if (p) s += ` prefix "${p}"`;
        return s;
      }, {});
    },
  };
}

function parsePortPart(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo > 65535 || hi > 65535 || lo > hi) return undefined;
  return [lo, hi];
}

/** `ADDR[-ADDR][:PORT[-PORT]]` of --to-destination/--to-source. */
function parseNatRange(text: string, family: 4 | 6): { range: NatRange; hasPorts: boolean } {
  let addrPart = text;
  let portPart: string | undefined;
  if (family === 6 && text.startsWith('[')) {
    const close = text.indexOf(']');
    addrPart = text.slice(1, close);
    if (text[close + 1] === ':') portPart = text.slice(close + 2);
  } else if (family === 4) {
    const colon = text.indexOf(':');
    if (colon >= 0) {
      addrPart = text.slice(0, colon);
      portPart = text.slice(colon + 1);
    }
  }
  const range: NatRange = {};
  if (portPart !== undefined) {
    const ports = parsePortPart(portPart);
    if (!ports) throw paramError(`Port "${portPart}" not valid`);
    [range.minPort, range.maxPort] = ports;
  }
  if (addrPart !== '') {
    const [lo, hi] = addrPart.split('-');
    if (family === 4) {
      const a = parseIPv4(lo ?? '');
      const b = hi === undefined ? a : parseIPv4(hi);
      if (a === undefined) throw paramError(`Bad IP address "${lo ?? ''}"`);
      if (b === undefined) throw paramError(`Bad IP address "${hi ?? ''}"`);
      range.minIp = a;
      range.maxIp = b;
    } else {
      const a = parseIPv6(lo ?? '');
      if (a === undefined) throw paramError(`Bad IP address "${lo ?? ''}"`);
      const b = hi === undefined ? undefined : parseIPv6(hi);
      range.minIp6 = a;
      range.text6 = b === undefined ? formatIPv6(a) : `${formatIPv6(a)}-${formatIPv6(b)}`;
    }
  }
  return { range, hasPorts: portPart !== undefined };
}

function natRangeText(r: NatRange): string {
  let s = '';
  if (r.text6 !== undefined) s = r.minPort !== undefined ? `[${r.text6}]` : r.text6;
  else if (r.minIp !== undefined) s = r.minIp === r.maxIp ? formatIPv4(r.minIp) : `${formatIPv4(r.minIp)}-${formatIPv4(r.maxIp ?? r.minIp)}`;
  if (r.minPort !== undefined) s += `:${r.minPort === r.maxPort ? r.minPort : `${r.minPort}-${r.maxPort}`}`;
  return s;
}

const DNAT_OPTIONS: Readonly<Record<string, number>> = { 'to-destination': 1, random: 0, persistent: 0 };
const SNAT_OPTIONS: Readonly<Record<string, number>> = { 'to-source': 1, random: 0, persistent: 0 };

function natBuilder(kind: 'dnat' | 'snat', family: 4 | 6): TargetBuilder {
  const option = kind === 'dnat' ? 'to-destination' : 'to-source';
  let parsed: { range: NatRange; hasPorts: boolean } | undefined;
  return {
    options: kind === 'dnat' ? DNAT_OPTIONS : SNAT_OPTIONS,
    parse(o, args) {
      if (o === option) parsed = parseNatRange(args[0] ?? '', family);
    },
    finish(rule) {
      const name = kind === 'dnat' ? 'DNAT' : 'SNAT';
      if (!parsed) throw paramError(`${name}: option "--${option}" must be specified\n`);
      if (parsed.hasPorts && (!PORT_PROTOS.has(rule.proto) || rule.protoInv))
        throw paramError('Need TCP, UDP, SCTP or DCCP with port specification');
      const text = natRangeText(parsed.range);
      const action: TargetAction = kind === 'dnat' ? { kind, range: parsed.range } : { kind, range: parsed.range };
      return ext(name, action, ` --${option} ${text}`, () => ` to:${text}`, {
        table: 'nat',
        hooks: kind === 'dnat' ? ['PREROUTING', 'OUTPUT'] : ['POSTROUTING', 'INPUT'],
      });
    },
  };
}

function portsBuilder(kind: 'masquerade' | 'redirect'): TargetBuilder {
  let ports: [number, number] | undefined;
  return {
    options: { 'to-ports': 1, random: 0 },
    parse(o, args) {
      if (o !== 'to-ports') return;
      const p = parsePortPart(args[0] ?? '');
      if (!p) throw paramError(`Port "${args[0] ?? ''}" not valid`);
      ports = p;
    },
    finish(rule) {
      if (ports && (!PORT_PROTOS.has(rule.proto) || rule.protoInv))
        throw paramError('Need TCP, UDP, SCTP or DCCP with port specification');
      const text = ports ? (ports[0] === ports[1] ? `${ports[0]}` : `${ports[0]}-${ports[1]}`) : '';
      const action: TargetAction =
        kind === 'masquerade' ? { kind, minPort: ports?.[0], maxPort: ports?.[1] } : { kind, minPort: ports?.[0], maxPort: ports?.[1] };
      if (kind === 'masquerade')
        return ext('MASQUERADE', action, ports ? ` --to-ports ${text}` : '', () => (ports ? ` masq ports: ${text}` : ''), {
          table: 'nat',
          hooks: ['POSTROUTING'],
        });
      return ext('REDIRECT', action, ports ? ` --to-ports ${text}` : '', () => (ports ? ` redir ports ${text}` : ''), {
        table: 'nat',
        hooks: ['PREROUTING', 'OUTPUT'],
      });
    },
  };
}

function simpleBuilder(name: string, action: TargetAction, table: TableName): TargetBuilder {
  return {
    options: {},
    parse() {},
    finish: () => ext(name, action, '', () => '', { table }),
  };
}

/** Extension targets by name; undefined means the name is a chain (or unknown). */
export function findTarget(name: string, family: 4 | 6): (() => TargetBuilder) | undefined {
  switch (name) {
    case 'REJECT':
      return () => rejectBuilder(family);
    case 'LOG':
      return logBuilder;
    case 'DNAT':
      return () => natBuilder('dnat', family);
    case 'SNAT':
      return () => natBuilder('snat', family);
    case 'MASQUERADE':
      return () => portsBuilder('masquerade');
    case 'REDIRECT':
      return () => portsBuilder('redirect');
    case 'NOTRACK':
      return () => simpleBuilder('NOTRACK', { kind: 'notrack' }, 'raw');
    case 'TRACE':
      return () => simpleBuilder('TRACE', { kind: 'trace' }, 'raw');
    default:
      return undefined;
  }
}

/** Targets iptables knows besides the extensions modelled above (verdicts and xtables' other target modules). */
const OTHER_TARGET_NAMES: ReadonlySet<string> = new Set([
  'ACCEPT', 'DROP', 'RETURN', 'QUEUE', 'NFQUEUE', 'MARK', 'CONNMARK', 'CT', 'MASQUERADE', 'CLASSIFY', 'TCPMSS',
  'AUDIT', 'CHECKSUM', 'CONNSECMARK', 'DSCP', 'HMARK', 'IDLETIMER', 'LED', 'NETMAP', 'NFLOG', 'RATEEST', 'SECMARK', 'SET', 'SYNPROXY', 'TCPOPTSTRIP', 'TEE', 'TOS', 'TPROXY', 'TTL', 'ECN', 'CLUSTERIP', 'ULOG',
]);

/** Names a user chain may not take (assert_valid_chain_name: "may not clash with target name"). */
export function isTargetName(name: string): boolean {
  return OTHER_TARGET_NAMES.has(name) || findTarget(name, 4) !== undefined;
}

export type { RejectWith };
