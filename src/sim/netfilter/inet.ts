/**
 * IPv4 addresses and prefixes as unsigned 32-bit numbers: the one representation
 * the packet walk, routing and rule matching share, so a lookup is integer math.
 * Parsing leans on ip-address (the project's chosen address library); everything
 * after parsing is plain arithmetic.
 */
import { Address4 } from 'ip-address';

export interface Cidr {
  /** Network address (host bits cleared unless `keepHost`), unsigned. */
  addr: number;
  prefixLen: number;
}

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a strict dotted quad; undefined when it is not one. */
export function parseIPv4(text: string): number | undefined {
  const m = DOTTED_QUAD.exec(text);
  if (!m) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIPv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** The netmask of a prefix length, unsigned. */
export function prefixMask(prefixLen: number): number {
  return prefixLen === 0 ? 0 : (0xffffffff << (32 - prefixLen)) >>> 0;
}

export function networkOf(addr: number, prefixLen: number): number {
  return (addr & prefixMask(prefixLen)) >>> 0;
}

export function broadcastOf(addr: number, prefixLen: number): number {
  return (networkOf(addr, prefixLen) | ~prefixMask(prefixLen)) >>> 0;
}

export function inPrefix(addr: number, network: number, prefixLen: number): boolean {
  return ((addr ^ network) & prefixMask(prefixLen)) >>> 0 === 0;
}

/**
 * Parses `A.B.C.D/N` (or a bare address as /32). With `keepHost` the host bits
 * survive (an interface address); otherwise they are cleared (a route or a rule).
 */
export function parseCidr(text: string, keepHost = false): Cidr | undefined {
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const lenText = slash < 0 ? '32' : text.slice(slash + 1);
  if (!/^\d{1,2}$/.test(lenText)) return undefined;
  const prefixLen = Number(lenText);
  if (prefixLen > 32) return undefined;
  const addr = parseIPv4(addrText);
  // ip-address refuses an octet written with a leading zero (`010`): inet_aton and getaddrinfo read it as octal.
  if (addr === undefined || !isValidIPv4Text(addrText)) return undefined;
  return { addr: keepHost ? addr : networkOf(addr, prefixLen), prefixLen };
}

/**
 * Address4.isValid, remembered by text: it builds a whole Address4 through regular
 * expressions, and every rule Docker programs names the same few addresses again
 * (127.0.0.11 four times per container), which made it a fifth of parsing a rule.
 */
const ipv4Validity = new Map<string, boolean>();
const IPV4_VALIDITY_KEPT = 1024;

function isValidIPv4Text(text: string): boolean {
  const known = ipv4Validity.get(text);
  if (known !== undefined) return known;
  const valid = Address4.isValid(text);
  if (ipv4Validity.size >= IPV4_VALIDITY_KEPT) ipv4Validity.clear();
  ipv4Validity.set(text, valid);
  return valid;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIPv4(cidr.addr)}/${cidr.prefixLen}`;
}

/** Number of leading one bits of a contiguous netmask, or undefined if the mask has holes. */
export function maskToPrefixLen(mask: number): number | undefined {
  for (let len = 0; len <= 32; len++) if (prefixMask(len) === mask >>> 0) return len;
  return undefined;
}

export const LOOPBACK_NET: Cidr = { addr: 0x7f000000, prefixLen: 8 };

export function isLoopback(addr: number): boolean {
  return inPrefix(addr, LOOPBACK_NET.addr, LOOPBACK_NET.prefixLen);
}

export function isMulticast(addr: number): boolean {
  return addr >>> 28 === 0xe;
}
