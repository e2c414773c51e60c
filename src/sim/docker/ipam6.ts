/**
 * Docker's IPv6 IPAM. Without `--subnet`, Docker 28 cuts /64s out of a ULA /48
 * it derives from its engine ID (libnetwork's deriveULABaseNetwork: fd00::/8 plus
 * the 40 low bits of the first 8 bytes of sha256(engine ID)); a network's gateway
 * is the subnet's first address, containers get the lowest free one after it.
 */
import { formatIPv6, parseIPv6, prefixMask6 } from '../netfilter/addr.ts';
import { sha256Hex } from './sha256.ts';

export interface Cidr6 {
  addr: bigint;
  prefixLen: number;
}

export function formatCidr6(c: Cidr6): string {
  return `${formatIPv6(c.addr)}/${c.prefixLen}`;
}

/** `ADDR/N` as written (host bits kept), or undefined when it is no IPv6 CIDR. */
export function parseCidr6(text: string): Cidr6 | undefined {
  const m = /^([0-9a-fA-F:.]+)\/(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const addr = parseIPv6(m[1]!);
  const prefixLen = Number(m[2]);
  if (addr === undefined || prefixLen > 128) return undefined;
  return { addr, prefixLen };
}

export function networkOf6(c: Cidr6): Cidr6 {
  return { addr: c.addr & prefixMask6(c.prefixLen), prefixLen: c.prefixLen };
}

export function overlaps6(a: Cidr6, b: Cidr6): boolean {
  const mask = prefixMask6(Math.min(a.prefixLen, b.prefixLen));
  return (a.addr & mask) === (b.addr & mask);
}

export function inPrefix6(addr: bigint, c: Cidr6): boolean {
  return (addr & prefixMask6(c.prefixLen)) === (c.addr & prefixMask6(c.prefixLen));
}

/** The ULA /48 Docker derives from its engine ID. */
export function ulaBase(engineId: string): Cidr6 {
  const digest = BigInt(`0x${sha256Hex(engineId).slice(0, 16)}`);
  const globalId = digest & ((1n << 40n) - 1n);
  return { addr: (0xfdn << 120n) | (globalId << 80n), prefixLen: 48 };
}

/** The first /64 of the engine's ULA /48 that overlaps nothing in `taken`. */
export function pickPool6(engineId: string, taken: Cidr6[]): Cidr6 | undefined {
  const base = ulaBase(engineId);
  for (let i = 0n; i < 1n << 16n; i++) {
    const candidate = { addr: base.addr | (i << 64n), prefixLen: 64 };
    if (!taken.some((t) => overlaps6(t, candidate))) return candidate;
  }
  return undefined;
}

/** One network's IPv6 address space: subnet, gateway and leases. */
export class AddressPool6 {
  readonly subnet: Cidr6;
  readonly gateway: bigint;
  private readonly leased = new Set<bigint>();

  constructor(subnet: Cidr6, gateway: bigint) {
    this.subnet = subnet;
    this.gateway = gateway;
  }

  /** Lowest free address after the subnet's own, skipping the gateway. */
  allocate(): bigint | undefined {
    const last = this.subnet.addr | (~prefixMask6(this.subnet.prefixLen) & ((1n << 128n) - 1n));
    for (let a = this.subnet.addr + 1n; a <= last; a++) {
      if (a === this.gateway || this.leased.has(a)) continue;
      this.leased.add(a);
      return a;
    }
    return undefined;
  }

  /** Leases a specific address (`--ip6`); false when it is taken or reserved. */
  claim(addr: bigint): boolean {
    if (addr === this.subnet.addr || addr === this.gateway || this.leased.has(addr)) return false;
    this.leased.add(addr);
    return true;
  }

  release(addr: bigint): void {
    this.leased.delete(addr);
  }

  contains(addr: bigint): boolean {
    return inPrefix6(addr, this.subnet);
  }
}
