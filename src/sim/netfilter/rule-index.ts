/**
 * An index of one chain's rules by the exact-match keys most rules carry, the
 * way nftables turns many `ip daddr X` rules into one set lookup: each rule is
 * filed under one key of its IP header part (its destination or source network,
 * its input or output interface, without `!` and without a `+` wildcard), or
 * among the rules every packet must try. For a packet, the rules that can match
 * are the rules under the packet's own keys plus those; skipped rules are rules
 * that cannot match, so walking only these candidates, in rule order, gives the
 * verdict, the steps and the counters of a linear walk exactly.
 */
import type { Packet, PacketPlace } from './packet.ts';
import type { Rule, RuleSpec } from './rule.ts';

const HOST_MASK = 0xffffffff;

/** Rules filed by one network field at one mask: the packet's masked address picks them. */
interface NetBucket {
  mask: number;
  byAddr: Map<number, number[]>;
}

type Key = { field: 'dst' | 'src'; mask: number; addr: number; name?: undefined } | { field: 'in' | 'out'; name: string };

/** The most selective exact key of a rule: host addresses, then interfaces, then networks. */
function keyOf(spec: RuleSpec): Key | undefined {
  const dst = spec.dst?.v === 4 && !spec.dstInv ? spec.dst : undefined;
  const src = spec.src?.v === 4 && !spec.srcInv ? spec.src : undefined;
  if (dst?.mask === HOST_MASK) return { field: 'dst', mask: dst.mask, addr: dst.addr };
  if (src?.mask === HOST_MASK) return { field: 'src', mask: src.mask, addr: src.addr };
  if (spec.inIface && !spec.inInv && !spec.inIface.wildcard) return { field: 'in', name: spec.inIface.stem };
  if (spec.outIface && !spec.outInv && !spec.outIface.wildcard) return { field: 'out', name: spec.outIface.stem };
  // A zero mask matches every packet: such a rule is tried by all of them.
  if (dst && dst.mask !== 0) return { field: 'dst', mask: dst.mask, addr: dst.addr };
  if (src && src.mask !== 0) return { field: 'src', mask: src.mask, addr: src.addr };
  return undefined;
}

function push<K>(map: Map<K, number[]>, key: K, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}

function bucketFor(buckets: NetBucket[], mask: number): NetBucket {
  let bucket = buckets.find((b) => b.mask === mask);
  if (!bucket) {
    bucket = { mask, byAddr: new Map() };
    buckets.push(bucket);
  }
  return bucket;
}

const NONE: readonly number[] = [];

export class ChainIndex {
  /** Positions (0-based, ascending) of the rules every packet tries. */
  private readonly unkeyed: number[] = [];
  private readonly byDst: NetBucket[] = [];
  private readonly bySrc: NetBucket[] = [];
  private readonly byIn = new Map<string, number[]>();
  private readonly byOut = new Map<string, number[]>();

  constructor(rules: readonly Rule[]) {
    rules.forEach((rule, position) => {
      const key = keyOf(rule.spec);
      if (!key) this.unkeyed.push(position);
      else if (key.name !== undefined) push(key.field === 'in' ? this.byIn : this.byOut, key.name, position);
      else push(bucketFor(key.field === 'dst' ? this.byDst : this.bySrc, key.mask).byAddr, key.addr, position);
    });
  }

  /** Positions, ascending, of the rules that may match this packet here; every other rule cannot. */
  candidates(packet: Packet, place: PacketPlace): readonly number[] {
    // Plain loops, no closures: this runs at every chain a packet enters.
    const lists: (readonly number[])[] = [];
    if (this.unkeyed.length > 0) lists.push(this.unkeyed);
    // Only IPv4 addresses are keys (an IPv6 chain's rules are all unkeyed by address).
    const { src, dst } = packet;
    if (typeof dst === 'number') {
      for (const b of this.byDst) {
        const list = b.byAddr.get((dst & b.mask) >>> 0);
        if (list) lists.push(list);
      }
    }
    if (typeof src === 'number') {
      for (const b of this.bySrc) {
        const list = b.byAddr.get((src & b.mask) >>> 0);
        if (list) lists.push(list);
      }
    }
    const byIn = place.inIface === undefined ? undefined : this.byIn.get(place.inIface);
    if (byIn) lists.push(byIn);
    const byOut = place.outIface === undefined ? undefined : this.byOut.get(place.outIface);
    if (byOut) lists.push(byOut);
    if (lists.length === 0) return NONE;
    if (lists.length === 1) return lists[0]!;
    // Each rule is filed once, so the union has no duplicates: only the order is to restore.
    return lists.flat().sort((a, b) => a - b);
  }
}

interface CachedIndex {
  generation: number;
  rules: readonly Rule[];
  length: number;
  index: ChainIndex;
}

const cache = new WeakMap<object, CachedIndex>();

/**
 * The chain's index, rebuilt after any change to the ruleset (its generation),
 * or undefined when the chain is too short for an index to pay.
 */
export function chainIndex(chain: { rules: readonly Rule[] }, generation: number, minRules: number): ChainIndex | undefined {
  if (chain.rules.length < minRules) return undefined;
  const hit = cache.get(chain);
  if (hit && hit.generation === generation && hit.rules === chain.rules && hit.length === chain.rules.length) return hit.index;
  const index = new ChainIndex(chain.rules);
  cache.set(chain, { generation, rules: chain.rules, length: chain.rules.length, index });
  return index;
}
