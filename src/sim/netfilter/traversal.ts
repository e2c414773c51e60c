/**
 * The packet walk through one hook: the tables registered there in kernel
 * priority order, conntrack lookup and confirmation, NAT for the first packet of
 * a flow and the stored mapping for the rest, and chain traversal with jumps,
 * gotos, returns and policies. Counters are updated as rules match; every
 * decision becomes a NetfilterStep.
 */
import type { Conntrack, Direction, Flow } from './conntrack.ts';
import { isIcmpError, packetPorts } from './conntrack.ts';
import type { CtState, Hook, HookContext, HookResult, NetfilterStep, RejectWith, RuleRef, TableName } from './hook.ts';
import type { MatchInput } from './matches/index.ts';
import { ifaceMatches } from './matches/iface.ts';
import { inNet } from './addr.ts';
import { protoNumber, type IpAddr, type Packet, type PacketPlace } from './packet.ts';
import type { Rule } from './rule.ts';
import { chainIndex } from './rule-index.ts';
import type { Chain, Ruleset, Table } from './ruleset.ts';
import type { NatRange, TargetAction } from './targets.ts';

type Stage = TableName | 'conntrack' | 'nat-src' | 'confirm';

/** Kernel priority order of the tables (and conntrack) at each hook. */
const STAGES: Record<Hook, readonly Stage[]> = {
  PREROUTING: ['raw', 'conntrack', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'security', 'nat-src', 'confirm'],
  FORWARD: ['mangle', 'filter', 'security'],
  OUTPUT: ['raw', 'conntrack', 'mangle', 'nat', 'filter', 'security'],
  POSTROUTING: ['mangle', 'nat-src', 'confirm'],
};

interface WalkState {
  packet: Packet;
  place: PacketPlace;
  hook: Hook;
  ctx: HookContext;
  steps: NetfilterStep[];
  ctState: CtState;
  flow?: Flow;
  dir: Direction;
  /** The flow was created by this packet (NAT rules are consulted only then). */
  fresh: boolean;
  untracked: boolean;
  input: MatchInput;
  ct: Conntrack;
  rs: Ruleset;
}

/**
 * Where the walk is in one chain: the next rule's position, and with an index
 * the candidate positions (only rules that can match) and the next one's place.
 */
interface Cursor {
  chain: Chain;
  idx: number;
  candidates?: readonly number[];
  next: number;
}

function enterChain(chain: Chain, s: WalkState): Cursor {
  const index = chainIndex(chain, s.rs.generation, s.rs.indexMinRules);
  return { chain, idx: 0, next: 0, ...(index ? { candidates: index.candidates(s.packet, s.place) } : {}) };
}

/** The end of the chain: the policy or the return comes next. */
function atEnd(chain: Chain): Cursor {
  return { chain, idx: chain.rules.length, next: 0 };
}

type ChainVerdict =
  | { v: 'ACCEPT'; ref?: RuleRef }
  | { v: 'DROP'; ref: RuleRef }
  | { v: 'REJECT'; ref: RuleRef; with: RejectWith };

function ruleRef(table: TableName, chain: Chain, rule: Rule, num: number): RuleRef {
  return rule.ref(table, chain.name, num);
}

function policyRef(table: TableName, chain: Chain): RuleRef {
  return { table, chain: chain.name, num: 0, text: `:${chain.name} ${chain.policy ?? 'ACCEPT'}` };
}

/** -s -d -i -o -p and the matches, cheapest first. */
function ruleMatches(rule: Rule, s: WalkState): boolean {
  const spec = rule.spec;
  const p = s.packet;
  if (spec.src && inNet(p.src, spec.src) === spec.srcInv) return false;
  if (spec.dst && inNet(p.dst, spec.dst) === spec.dstInv) return false;
  if (spec.inIface && ifaceMatches(spec.inIface, s.place.inIface) === spec.inInv) return false;
  if (spec.outIface && ifaceMatches(spec.outIface, s.place.outIface) === spec.outInv) return false;
  if (spec.proto !== 0 && (protoNumber(p) === spec.proto) === spec.protoInv) return false;
  for (const m of spec.matches) if (!m.test(s.input)) return false;
  return true;
}

function clonePacket(p: Packet): Packet {
  return { ...p };
}

/**
 * Walks one built-in chain of one table; returns the verdict. Long chains are
 * walked through their index: the rules it skips are rules that cannot match,
 * which a linear walk would pass without a step or a count, so the result is the same.
 */
function walkChain(table: Table, builtin: Chain, s: WalkState): ChainVerdict {
  const tname = table.name;
  const stack: Cursor[] = [];
  let cur = enterChain(builtin, s);
  s.steps.push({ action: 'enter', table: tname, chain: builtin.name });
  let budget = 100000; // the kernel refuses loops; this only guards the model
  for (;;) {
    const chain = cur.chain;
    if (cur.candidates) {
      // Skipped rules count against the guard as a linear walk's passes would.
      const to = cur.next < cur.candidates.length ? cur.candidates[cur.next]! : chain.rules.length;
      budget -= to - cur.idx;
      cur.idx = to;
      if (budget < 0) return { v: 'DROP', ref: policyRef(tname, builtin) };
    }
    if (--budget < 0) return { v: 'DROP', ref: policyRef(tname, builtin) };
    if (cur.idx >= chain.rules.length) {
      if (chain === builtin || chain.policy) {
        const pol = chain.policy ?? 'ACCEPT';
        const ref = policyRef(tname, chain);
        s.steps.push({ action: 'policy', table: tname, chain: chain.name, policy: pol, rule: ref });
        return pol === 'DROP' ? { v: 'DROP', ref } : { v: 'ACCEPT', ref };
      }
      s.steps.push({ action: 'return', table: tname, chain: chain.name });
      cur = stack.pop() ?? atEnd(builtin);
      continue;
    }
    const rule = chain.rules[cur.idx];
    const num = cur.idx + 1;
    cur.idx++;
    cur.next++;
    if (!ruleMatches(rule, s)) continue;
    rule.counters.packets++;
    rule.counters.bytes += s.packet.length;
    const t = rule.spec.target;
    switch (t.kind) {
      case 'none':
        continue;
      case 'verdict': {
        const ref = ruleRef(tname, chain, rule, num);
        if (t.verdict === 'ACCEPT') {
          s.steps.push({ action: 'accept', table: tname, chain: chain.name, rule: ref });
          return { v: 'ACCEPT', ref };
        }
        if (t.verdict === 'DROP') {
          s.steps.push({ action: 'drop', table: tname, chain: chain.name, rule: ref });
          return { v: 'DROP', ref };
        }
        s.steps.push({ action: 'return', table: tname, chain: chain.name, rule: ref });
        const back = stack.pop();
        // RETURN in a built-in chain: the policy decides.
        cur = !back || chain === builtin ? atEnd(builtin) : back;
        continue;
      }
      case 'jump':
      case 'goto': {
        const next = table.chains.get(t.chain);
        if (!next) continue;
        s.steps.push({ action: t.kind, table: tname, chain: chain.name, rule: ruleRef(tname, chain, rule, num) });
        if (t.kind === 'jump') stack.push(cur);
        else if (chain === builtin) stack.length = 0;
        cur = enterChain(next, s);
        s.steps.push({ action: 'enter', table: tname, chain: next.name });
        continue;
      }
      case 'ext': {
        const ref = ruleRef(tname, chain, rule, num);
        const a = t.ext.action;
        switch (a.kind) {
          case 'log':
            s.steps.push({ action: 'log', table: tname, chain: chain.name, rule: ref, logPrefix: a.prefix });
            continue;
          case 'notrack':
            s.untracked = true;
            continue;
          case 'trace':
            continue;
          case 'reject':
            s.steps.push({ action: 'reject', table: tname, chain: chain.name, rule: ref });
            return { v: 'REJECT', ref, with: a.with as RejectWith };
          default: {
            const before = clonePacket(s.packet);
            applyNatRule(a, s);
            s.steps.push({ action: a.kind, table: tname, chain: chain.name, rule: ref, before, after: clonePacket(s.packet) });
            return { v: 'ACCEPT', ref };
          }
        }
      }
    }
  }
}

/** A NAT target on the first packet of a flow: binds the flow and rewrites the packet. */
function applyNatRule(a: Extract<TargetAction, { kind: 'dnat' | 'snat' | 'masquerade' | 'redirect' }>, s: WalkState): void {
  const flow = s.flow;
  const p = s.packet;
  const portful = p.proto === 'tcp' || p.proto === 'udp';
  if (a.kind === 'dnat' || a.kind === 'redirect') {
    let ip = p.dst;
    let port = p.dport;
    if (a.kind === 'dnat') {
      const to = natAddress(a.range, p);
      if (to !== undefined) ip = to;
      if (a.range.minPort !== undefined && portful) port = a.range.minPort;
    } else {
      ip = s.hook === 'OUTPUT' ? (typeof p.dst === 'bigint' ? 1n : 0x7f000001) : (s.place.inIface && s.ctx.masqueradeSource(s.place.inIface, p.src)) || p.dst;
      if (a.minPort !== undefined && portful) port = a.minPort;
    }
    p.dst = ip;
    if (portful) p.dport = port;
    if (flow) {
      flow.dnat = true;
      flow.reply = { ...flow.reply, src: ip, sport: portful ? port : flow.reply.sport };
    }
  } else {
    let ip = p.src;
    let lo: number | undefined;
    let hi: number | undefined;
    if (a.kind === 'snat') {
      const to = natAddress(a.range, p);
      if (to !== undefined) ip = to;
      lo = a.range.minPort;
      hi = a.range.maxPort;
    } else {
      const src = s.place.outIface ? s.ctx.masqueradeSource(s.place.outIface, p.dst) : undefined;
      if (src === undefined) {
        // No address on the way out: the kernel drops (NF_DROP); the caller sees it as lost.
        return;
      }
      ip = src;
      lo = a.minPort;
      hi = a.maxPort;
    }
    const [sp] = packetPorts(p);
    let port = sp;
    if (flow) {
      if (lo !== undefined && hi !== undefined && (port < lo || port > hi)) port = lo;
      // Keep the source port unless another flow already owns that reply tuple.
      const limit = hi ?? 65535;
      while (flow && cannotUse(s, flow, ip, port) && port < limit) port++;
      flow.snat = true;
      flow.reply = { ...flow.reply, dst: ip, dport: port };
    }
    p.src = ip;
    if (portful) p.sport = port;
    else if (p.proto === 'icmp' && p.icmpId !== undefined) p.icmpId = port;
  }
  if (flow) s.input.packet = p;
}

/** The first address of a NAT range, in the packet's family (the rule's family is the ruleset's). */
function natAddress(range: NatRange, p: Packet): IpAddr | undefined {
  return typeof p.dst === 'bigint' ? range.minIp6 : range.minIp;
}

function cannotUse(s: WalkState, flow: Flow, ip: IpAddr, port: number): boolean {
  const r = flow.reply;
  return s.ct.replyTaken(flow, r.src, r.sport, ip, port);
}

/** Rewrites an existing flow's packet at a destination-manipulation point (PREROUTING, OUTPUT). */
function applyDstMapping(s: WalkState): boolean {
  const flow = s.flow;
  if (!flow) return false;
  const p = s.packet;
  const portful = p.proto === 'tcp' || p.proto === 'udp' || p.proto === 'icmp';
  if (s.dir === 'original' && flow.dnat) {
    if (p.dst === flow.reply.src && (!portful || packetPorts(p)[1] === flow.reply.sport)) return false;
    p.dst = flow.reply.src;
    if (p.proto !== 'icmp') p.dport = flow.reply.sport;
    return true;
  }
  if (s.dir === 'reply' && flow.snat) {
    // A mapping may change the port alone (`--to-source :53`), so both are compared.
    if (p.dst === flow.original.src && (p.proto === 'icmp' ? p.icmpId === flow.original.sport : p.dport === flow.original.sport)) return false;
    p.dst = flow.original.src;
    if (p.proto === 'icmp') p.icmpId = flow.original.sport;
    else p.dport = flow.original.sport;
    return true;
  }
  return false;
}

/** Rewrites an existing flow's packet at a source-manipulation point (POSTROUTING, INPUT). */
function applySrcMapping(s: WalkState): boolean {
  const flow = s.flow;
  if (!flow) return false;
  const p = s.packet;
  if (s.dir === 'original' && flow.snat) {
    if (p.src === flow.reply.dst && (p.proto === 'icmp' ? p.icmpId === flow.reply.dport : p.sport === flow.reply.dport)) return false;
    p.src = flow.reply.dst;
    if (p.proto === 'icmp') p.icmpId = flow.reply.dport;
    else p.sport = flow.reply.dport;
    return true;
  }
  if (s.dir === 'reply' && flow.dnat) {
    // DOCKER_OUTPUT's DNAT to 127.0.0.11 changes the port alone.
    if (p.src === flow.original.dst && (p.proto === 'icmp' || p.sport === flow.original.dport)) return false;
    p.src = flow.original.dst;
    if (p.proto !== 'icmp') p.sport = flow.original.dport;
    return true;
  }
  return false;
}

/** ICMP errors about a NATed flow: outer and inner headers follow the flow's mapping. */
function applyRelatedMapping(s: WalkState, dstSide: boolean): boolean {
  const flow = s.flow;
  const p = s.packet;
  if (!flow || !p.inner) return false;
  let changed = false;
  const inner = { ...p.inner };
  if (dstSide && flow.snat) {
    if (p.dst === flow.reply.dst) {
      p.dst = flow.original.src;
      changed = true;
    }
    if (inner.src === flow.reply.dst) {
      inner.src = flow.original.src;
      if (inner.proto === 'icmp') inner.icmpId = flow.original.sport;
      else inner.sport = flow.original.sport;
      changed = true;
    }
  }
  if (!dstSide && flow.dnat) {
    if (p.src === flow.reply.src) {
      p.src = flow.original.dst;
      changed = true;
    }
    if (inner.dst === flow.reply.src) {
      inner.dst = flow.original.dst;
      if (inner.proto !== 'icmp') inner.dport = flow.original.dport;
      changed = true;
    }
  }
  if (changed) p.inner = inner;
  return changed;
}

function conntrackIn(ct: Conntrack, s: WalkState): void {
  const now = s.ctx.now;
  if (s.untracked) {
    s.ctState = 'UNTRACKED';
    s.steps.push({ action: 'conntrack', table: 'raw', chain: s.hook, ctState: 'UNTRACKED' });
    return;
  }
  const before = clonePacket(s.packet);
  let found = ct.lookup(s.packet, now);
  if (found && !found.flow.confirmed && found.dir === 'original' && !s.place.bridged && s.hook === 'OUTPUT') {
    // A packet that never left last time (dropped before confirmation): start over.
    ct.remove(found.flow);
    found = undefined;
  }
  if (!found && (isIcmpError(s.packet) || s.packet.localError)) {
    const rel = ct.lookupRelated(s.packet, now);
    if (rel || s.packet.localError) {
      if (rel) s.flow = rel;
      s.ctState = 'RELATED';
      const changed = rel !== undefined && applyRelatedMapping(s, true);
      s.steps.push({ action: 'conntrack', table: 'raw', chain: s.hook, ctState: 'RELATED', ...(changed ? { before, after: clonePacket(s.packet) } : {}) });
      return;
    }
  }
  if (!found) {
    s.flow = ct.create(s.packet, now);
    s.dir = 'original';
    s.fresh = true;
    s.ctState = 'NEW';
    s.steps.push({ action: 'conntrack', table: 'raw', chain: s.hook, ctState: 'NEW' });
    return;
  }
  s.flow = found.flow;
  s.dir = found.dir;
  s.fresh = !found.flow.confirmed;
  ct.touch(found.flow, s.packet, found.dir, now);
  s.ctState = found.dir === 'reply' || found.flow.seenReply ? 'ESTABLISHED' : 'NEW';
  const changed = !s.fresh && applyDstMapping(s);
  s.steps.push({ action: 'conntrack', table: 'raw', chain: s.hook, ctState: s.ctState, ...(changed ? { before, after: clonePacket(s.packet) } : {}) });
}

/** Hooks without a conntrack entry point look the flow up to know the state (and for NAT of later packets). */
function conntrackAttach(ct: Conntrack, s: WalkState): void {
  const found = ct.lookup(s.packet, s.ctx.now);
  if (found) {
    s.flow = found.flow;
    s.dir = found.dir;
    s.fresh = !found.flow.confirmed;
    s.ctState = found.dir === 'reply' || found.flow.seenReply ? 'ESTABLISHED' : 'NEW';
    return;
  }
  if (isIcmpError(s.packet) || s.packet.localError) {
    const rel = ct.lookupRelated(s.packet, s.ctx.now);
    if (rel || s.packet.localError) {
      if (rel) s.flow = rel;
      s.ctState = 'RELATED';
      return;
    }
  }
  // Not seen at an entry point (the caller skipped PREROUTING/OUTPUT): track it now.
  s.flow = ct.create(s.packet, s.ctx.now);
  s.dir = 'original';
  s.fresh = true;
  s.ctState = 'NEW';
}

export function runHook(rs: Ruleset, ct: Conntrack, hook: Hook, packet: Packet, place: PacketPlace, ctx: HookContext): HookResult {
  const pkt = clonePacket(packet);
  const steps: NetfilterStep[] = [];
  const s: WalkState = {
    packet: pkt,
    place,
    hook,
    ctx,
    steps,
    ctState: 'NEW',
    dir: 'original',
    fresh: false,
    untracked: false,
    ct,
    rs,
    input: {
      packet: pkt,
      place,
      ctState: 'NEW',
      ctNat: { snat: false, dnat: false },
      addrType: (ip) => ctx.addrType(ip),
      mark: 0,
    },
  };
  const stages = STAGES[hook];
  if (!stages.includes('conntrack')) conntrackAttach(ct, s);
  syncInput(s);
  let decidedBy: RuleRef | undefined;
  for (const stage of stages) {
    if (stage === 'conntrack') {
      conntrackIn(ct, s);
      syncInput(s);
      continue;
    }
    if (stage === 'confirm') {
      if (s.flow && !s.flow.confirmed && s.ctState !== 'RELATED') {
        s.flow.confirmed = true;
        ct.reindex(s.flow);
      }
      continue;
    }
    if (stage === 'nat-src' || stage === 'nat') {
      if (s.untracked || s.ctState === 'UNTRACKED') continue;
      const dstSide = stage === 'nat';
      if (s.ctState === 'RELATED') {
        if (!dstSide) {
          const before = clonePacket(s.packet);
          if (applyRelatedMapping(s, false))
            steps.push({ action: 'conntrack', table: 'nat', chain: hook, ctState: 'RELATED', before, after: clonePacket(s.packet) });
        }
        continue;
      }
      if (s.fresh && s.flow && !(dstSide ? s.flow.dnat : s.flow.snat)) {
        const table = rs.get('nat');
        const chain = table?.chains.get(hook);
        if (table && chain) {
          const r = walkChain(table, chain, s);
          if (r.v !== 'ACCEPT') return finish(s, r.v, r.ref, r.v === 'REJECT' ? r.with : undefined, ct);
          if (s.flow) ct.reindex(s.flow);
        }
      } else if (!s.fresh && !dstSide) {
        const before = clonePacket(s.packet);
        if (applySrcMapping(s)) steps.push({ action: 'conntrack', table: 'nat', chain: hook, ctState: s.ctState, before, after: clonePacket(s.packet) });
      }
      syncInput(s);
      continue;
    }
    const table = rs.get(stage);
    const chain = table?.chains.get(hook);
    if (!table || !chain) continue;
    const r = walkChain(table, chain, s);
    if (r.v !== 'ACCEPT') return finish(s, r.v, r.ref, r.v === 'REJECT' ? r.with : undefined, ct);
    if (r.ref) decidedBy = r.ref;
  }
  return { verdict: 'ACCEPT', packet: s.packet, steps, decidedBy, ctState: s.ctState };
}

function syncInput(s: WalkState): void {
  s.input.packet = s.packet;
  s.input.ctState = s.ctState;
  s.input.ctNat = { snat: s.flow?.snat ?? false, dnat: s.flow?.dnat ?? false };
}

function finish(s: WalkState, verdict: 'DROP' | 'REJECT', ref: RuleRef, rejectWith: RejectWith | undefined, ct: Conntrack): HookResult {
  // A dropped first packet never confirms its conntrack entry.
  if (s.flow && !s.flow.confirmed && s.fresh) ct.remove(s.flow);
  return { verdict, packet: s.packet, steps: s.steps, decidedBy: ref, ...(rejectWith ? { rejectWith } : {}), ctState: s.ctState };
}
