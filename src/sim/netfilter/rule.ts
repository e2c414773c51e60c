/**
 * One rule as iptables 1.8.9 holds it: the IP header part (-s -d -i -o -p and
 * their `!`), the matches in command-line order, the target, and counters.
 * Its save text (the `-A CHAIN ...` line) is built once and cached, so the
 * packet walk can name the deciding rule without building strings.
 */
import { type Net, saveNet } from './addr.ts';
import type { RuleRef, TableName } from './hook.ts';
import type { Match } from './matches/index.ts';
import { type IfaceSpec } from './matches/iface.ts';
import { protocolName } from './services.ts';
import type { TargetExt } from './targets.ts';

export type RuleTarget =
  | { kind: 'none' }
  | { kind: 'verdict'; verdict: 'ACCEPT' | 'DROP' | 'RETURN' }
  | { kind: 'jump'; chain: string }
  | { kind: 'goto'; chain: string }
  | { kind: 'ext'; ext: TargetExt };

export interface RuleSpec {
  family: 4 | 6;
  src?: Net;
  srcInv: boolean;
  dst?: Net;
  dstInv: boolean;
  inIface?: IfaceSpec;
  inInv: boolean;
  outIface?: IfaceSpec;
  outInv: boolean;
  /** IP protocol number; 0 = all. */
  proto: number;
  protoInv: boolean;
  matches: Match[];
  target: RuleTarget;
}

export interface Counters {
  packets: number;
  bytes: number;
}

/** xtables_chain_protos then /etc/protocols: the name `-p N` saves as. */
export function protoName(num: number): string | undefined {
  const builtin: Record<number, string> = { 6: 'tcp', 132: 'sctp', 17: 'udp', 136: 'udplite', 1: 'icmp', 58: 'ipv6-icmp', 50: 'esp', 51: 'ah', 135: 'mobility-header', 0: 'all' };
  return builtin[num] ?? (num ? protocolName(num) : undefined);
}

function saveIface(letter: 'i' | 'o', spec: IfaceSpec | undefined, inv: boolean): string {
  if (!spec) return '';
  return `${inv ? ' !' : ''} -${letter} ${spec.text}`;
}

export function targetName(t: RuleTarget): string {
  switch (t.kind) {
    case 'none':
      return '';
    case 'verdict':
      return t.verdict;
    case 'jump':
    case 'goto':
      return t.chain;
    case 'ext':
      return t.ext.name;
  }
}

/** The rule body after `-A CHAIN` (each part with its leading space), optionally with `-c P B` as `iptables -S -v` puts it. */
export function ruleBody(spec: RuleSpec, counters?: Counters): string {
  let s = '';
  if (spec.src && (spec.srcInv || !isZero(spec.src))) s += `${spec.srcInv ? ' !' : ''} -s ${saveNet(spec.src)}`;
  if (spec.dst && (spec.dstInv || !isZero(spec.dst))) s += `${spec.dstInv ? ' !' : ''} -d ${saveNet(spec.dst)}`;
  s += saveIface('i', spec.inIface, spec.inInv);
  s += saveIface('o', spec.outIface, spec.outInv);
  if (spec.proto > 0) {
    const name = protoName(spec.proto);
    s += `${spec.protoInv ? ' !' : ''} -p ${name ?? spec.proto}`;
  }
  for (const m of spec.matches) s += ` -m ${m.name}${m.save()}`;
  if (counters) s += ` -c ${counters.packets} ${counters.bytes}`;
  const t = spec.target;
  if (t.kind === 'ext') s += ` -j ${t.ext.name}${t.ext.save()}`;
  else if (t.kind === 'goto') s += ` -g ${t.chain}`;
  else if (t.kind !== 'none') s += ` -j ${targetName(t)}`;
  return s;
}

function isZero(net: Net): boolean {
  return net.v === 4 ? net.mask === 0 && net.addr === 0 : net.mask === 0n && net.addr === 0n;
}

export class Rule {
  readonly spec: RuleSpec;
  readonly counters: Counters;
  private bodyCache: string | undefined;
  /** The last reference a trace step made to this rule (the rule moves when others are inserted before it). */
  private refCache: RuleRef | undefined;
  constructor(spec: RuleSpec, counters: Counters = { packets: 0, bytes: 0 }) {
    this.spec = spec;
    this.counters = { ...counters };
  }
  /** The part after `-A CHAIN`, cached (rules are immutable; -R makes a new Rule). */
  body(): string {
    this.bodyCache ??= ruleBody(this.spec);
    return this.bodyCache;
  }
  saveLine(chain: string): string {
    return `-A ${chain}${this.body()}`;
  }
  /**
   * The rule as a trace step names it: table, chain, position and iptables-save text. Kept
   * on the rule, not in a table of all rules: a Docker host has one raw rule per container,
   * and a lookup in a table of thousands cost every dropped packet a cache miss.
   */
  ref(table: TableName, chain: string, num: number): RuleRef {
    const cached = this.refCache;
    if (cached && cached.num === num && cached.chain === chain && cached.table === table) return cached;
    this.refCache = { table, chain, num, text: this.saveLine(chain) };
    return this.refCache;
  }
}
