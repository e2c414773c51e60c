/**
 * A namespace's IPv4 addresses by value, for the two questions every hop asks:
 * is this address local here, and is it a broadcast address of one of our
 * subnets. The local table of the kernel is a hash lookup too; a loop over the
 * addresses cost a ping on the Docker host one step per network (100 networks,
 * 100 steps for each neighbour the host answers for).
 *
 * The index holds which addresses exist (exact values, the prefixes of
 * addresses on a loopback device, broadcast addresses); whether their device is
 * up is read at each lookup, as the loop read it. So it follows the address
 * list only: the namespace drops it when an address or a device comes or goes,
 * and it is rebuilt, in one pass, the next time it is read.
 */
import { inPrefix } from '../netfilter/inet.ts';
import type { Link } from './link.ts';

/** What the index reads of an address (netns.ts's Address). */
interface IndexedAddress {
  readonly ifindex: number;
  readonly addr: number;
  readonly prefixLen: number;
  readonly broadcast?: number;
}

export class LocalAddressIndex<A extends IndexedAddress> {
  /** Addresses by their value (the same address may sit on several devices). */
  private readonly exact = new Map<number, A[]>();
  /** Addresses on a loopback device: their whole prefix is local ("local 127.0.0.0/8 dev lo"). */
  private readonly loopback: A[] = [];
  /** Addresses by their broadcast address, for prefixes shorter than /31 (as addrType asks). */
  private readonly byBroadcast = new Map<number, A[]>();

  constructor(addrs: readonly A[], links: ReadonlyMap<number, Link>) {
    for (const a of addrs) {
      file(this.exact, a.addr, a);
      if (links.get(a.ifindex)?.kind === 'loopback') this.loopback.push(a);
      if (a.prefixLen < 31 && a.broadcast !== undefined) file(this.byBroadcast, a.broadcast, a);
    }
  }

  /** An address of an up device is `addr`, or an up loopback device holds a prefix with it. */
  isLocal(addr: number, links: ReadonlyMap<number, Link>): boolean {
    const same = this.exact.get(addr);
    if (same) for (const a of same) if (links.get(a.ifindex)?.up === true) return true;
    for (const a of this.loopback) {
      const link = links.get(a.ifindex);
      if (link?.up === true && link.kind === 'loopback' && inPrefix(addr, a.addr, a.prefixLen)) return true;
    }
    return false;
  }

  /** `addr` is the broadcast address of a subnet of an up device. */
  isBroadcast(addr: number, links: ReadonlyMap<number, Link>): boolean {
    const same = this.byBroadcast.get(addr);
    if (same) for (const a of same) if (links.get(a.ifindex)?.up === true) return true;
    return false;
  }
}

function file<A>(map: Map<number, A[]>, key: number, a: A): void {
  const list = map.get(key);
  if (list) list.push(a);
  else map.set(key, [a]);
}
