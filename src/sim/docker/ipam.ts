/**
 * Docker's default IPAM: the predefined local pools in Docker's order
 * (172.17.0.0/16 .. 172.31.0.0/16, then 192.168.0.0/16 cut into /20s), skipping
 * pools that overlap a network or a route of the host, and per network the lowest
 * free address after the gateway, released addresses reused at once.
 */
import { type Cidr, broadcastOf, formatCidr, inPrefix, networkOf, parseIPv4 } from '../netfilter/inet.ts';

export function defaultPools(): Cidr[] {
  const pools: Cidr[] = [];
  for (let second = 17; second <= 31; second++) pools.push({ addr: (172 << 24 | second << 16) >>> 0, prefixLen: 16 });
  for (let third = 0; third < 256; third += 16) pools.push({ addr: (192 << 24 | 168 << 16 | third << 8) >>> 0, prefixLen: 20 });
  return pools;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const len = Math.min(a.prefixLen, b.prefixLen);
  return networkOf(a.addr, len) === networkOf(b.addr, len);
}

/** The first default pool that overlaps nothing in `taken` (networks and host routes). */
export function pickPool(taken: Cidr[]): Cidr | undefined {
  return defaultPools().find((p) => !taken.some((t) => overlaps(p, t)));
}

/** One network's address space: subnet, optional allocation range, gateway and leases. */
export class AddressPool {
  readonly subnet: Cidr;
  readonly range: Cidr;
  readonly gateway: number;
  private readonly leased = new Set<number>();

  constructor(subnet: Cidr, gateway: number, range?: Cidr) {
    this.subnet = subnet;
    this.range = range ?? subnet;
    this.gateway = gateway;
  }

  /** Lowest free address of the range, excluding network, broadcast and gateway. */
  allocate(): number | undefined {
    const first = this.range.addr;
    const last = broadcastOf(this.range.addr, this.range.prefixLen);
    for (let a = first; a <= last; a++) {
      if (this.isReserved(a) || this.leased.has(a)) continue;
      this.leased.add(a);
      return a;
    }
    return undefined;
  }

  /** Leases a specific address (`--ip`); false when it is taken or reserved. */
  claim(addr: number): boolean {
    if (this.isReserved(addr) || this.leased.has(addr)) return false;
    this.leased.add(addr);
    return true;
  }

  release(addr: number): void {
    this.leased.delete(addr);
  }

  contains(addr: number): boolean {
    return inPrefix(addr, this.subnet.addr, this.subnet.prefixLen);
  }

  get inUse(): number {
    return this.leased.size;
  }

  private isReserved(a: number): boolean {
    const net = this.subnet.addr;
    const bcast = broadcastOf(this.subnet.addr, this.subnet.prefixLen);
    return a === net || a === bcast || a === this.gateway;
  }

  toString(): string {
    return formatCidr(this.subnet);
  }
}

export function ipOf(text: string): number | undefined {
  return parseIPv4(text);
}
