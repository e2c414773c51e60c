/**
 * The rules panel's model: `iptables-save -c` text grouped by table and chain,
 * and which rules a Trace passed. The Trace names rules by table, chain and
 * number with the same text iptables-save prints (docs/core.md), so matching by
 * position is exact.
 */
import type { Trace } from '../../sim/net/trace.ts';

export interface SavedRule {
  /** 1-based position in its chain. */
  num: number;
  /** `-A CHAIN ...` as iptables-save prints it. */
  text: string;
  packets: number;
  bytes: number;
}

export interface SavedChain {
  name: string;
  /** `ACCEPT`/`DROP` for built-in chains, `-` for user chains. */
  policy: string;
  packets: number;
  bytes: number;
  rules: SavedRule[];
}

export interface SavedTable {
  name: string;
  chains: SavedChain[];
}

const COUNTERS = /^\[(\d+):(\d+)\]\s*/;

export function parseIptablesSave(text: string): SavedTable[] {
  const tables: SavedTable[] = [];
  let table: SavedTable | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.startsWith('*')) {
      table = { name: line.slice(1), chains: [] };
      tables.push(table);
    } else if (!table || line === '' || line.startsWith('#') || line === 'COMMIT') {
      continue;
    } else if (line.startsWith(':')) {
      const m = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?/.exec(line);
      if (m) table.chains.push({ name: m[1]!, policy: m[2]!, packets: Number(m[3] ?? 0), bytes: Number(m[4] ?? 0), rules: [] });
    } else {
      const c = COUNTERS.exec(line);
      const body = c ? line.slice(c[0].length) : line;
      const m = /^-A\s+(\S+)/.exec(body);
      if (!m) continue;
      const chain = table.chains.find((ch) => ch.name === m[1]);
      if (!chain) continue;
      chain.rules.push({ num: chain.rules.length + 1, text: body, packets: Number(c?.[1] ?? 0), bytes: Number(c?.[2] ?? 0) });
    }
  }
  return tables;
}

/** `passed`: a rule the packet matched on its way; `verdict`: one that ended a hook; `final`: the rule that dropped or rejected it. */
export type RuleMark = 'passed' | 'verdict' | 'final';

/** Key of a rule or (num 0) a chain's policy. */
export function ruleKey(table: string, chain: string, num: number): string {
  return `${table}|${chain}|${num}`;
}

const RANK: Record<RuleMark, number> = { passed: 1, verdict: 2, final: 3 };
const VERDICTS = new Set(['accept', 'drop', 'reject', 'dnat', 'snat', 'masquerade', 'redirect', 'policy']);

/** Which family's rules a trace met: an IPv6 probe walks ip6tables' tables, so the panel shows those. */
export function traceFamily(trace: Trace | undefined): 4 | 6 {
  return typeof trace?.hops[0]?.packet.dst === 'bigint' ? 6 : 4;
}

/** The marks a trace leaves on one namespace's rules (the Docker host's, for the panel). */
export function traceRuleMarks(trace: Trace | undefined, netns = 'host'): Map<string, RuleMark> {
  const marks = new Map<string, RuleMark>();
  if (!trace) return marks;
  const put = (key: string, mark: RuleMark) => {
    const old = marks.get(key);
    if (!old || RANK[mark] > RANK[old]) marks.set(key, mark);
  };
  for (const hop of trace.hops) {
    if (hop.netns !== netns) continue;
    for (const step of hop.steps ?? []) {
      if (!step.rule) continue;
      const key = ruleKey(step.rule.table, step.rule.chain, step.rule.num);
      put(key, VERDICTS.has(step.action) ? 'verdict' : 'passed');
    }
  }
  const o = trace.outcome;
  if ((o.kind === 'dropped' || o.kind === 'rejected') && o.netns === netns) put(ruleKey(o.by.table, o.by.chain, o.by.num), 'final');
  return marks;
}
