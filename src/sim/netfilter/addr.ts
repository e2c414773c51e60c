/**
 * Host/network arguments of -s/-d as iptables parses and prints them, for both
 * families: IPv4 as unsigned 32-bit numbers (rule matching is integer math),
 * IPv6 as bigints; and addresses of either family (IpAddr) as packets carry them.
 */
import { formatIPv4, parseIPv4, prefixMask } from './inet.ts';
import type { IpAddr } from './packet.ts';

export interface Net4 {
  v: 4;
  addr: number;
  mask: number;
}
export interface Net6 {
  v: 6;
  addr: bigint;
  mask: bigint;
}
export type Net = Net4 | Net6;

const ALL6 = (1n << 128n) - 1n;

export function prefixMask6(len: number): bigint {
  return len === 0 ? 0n : (ALL6 << BigInt(128 - len)) & ALL6;
}

export function parseIPv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let tail4: number | undefined;
  let s = text;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    tail4 = parseIPv4(s.slice(lastColon + 1));
    if (tail4 === undefined) return undefined;
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = s.indexOf('::');
  if (dbl !== s.lastIndexOf('::')) return undefined;
  const groupsOf = (part: string): string[] => (part === '' ? [] : part.split(':'));
  let groups: string[];
  if (dbl >= 0) {
    const head = groupsOf(s.slice(0, dbl));
    const tail = groupsOf(s.slice(dbl + 2));
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  } else {
    groups = s.split(':');
  }
  if (groups.length !== 8) return undefined;
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail4 !== undefined) value = (value & ~0xffffffffn) | BigInt(tail4);
  return value;
}

/** inet_ntop(AF_INET6): RFC 5952 text, longest run (>= 2) of zero groups compressed. */
export function formatIPv6(value: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  // glibc prints IPv4-mapped and IPv4-compatible addresses with a dotted tail.
  const v4tail = (): string => formatIPv4(Number(value & 0xffffffffn));
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return `::ffff:${v4tail()}`;
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) return groups.map((g) => g.toString(16)).join(':');
  const head = groups.slice(0, bestStart).map((g) => g.toString(16)).join(':');
  const tail = groups.slice(bestStart + bestLen).map((g) => g.toString(16)).join(':');
  return `${head}::${tail}`;
}

/** An address of either family as text: a dotted quad or RFC 5952. */
export function formatAddr(a: IpAddr): string {
  return typeof a === 'bigint' ? formatIPv6(a) : formatIPv4(a);
}

/** A dotted quad as IPv4, anything with a colon as IPv6; undefined when it is neither. */
export function parseAddr(text: string): IpAddr | undefined {
  return text.includes(':') ? parseIPv6(text) : parseIPv4(text);
}

/** Whether `a` lies in `net` (an address of the other family never does). */
export function inNet(a: IpAddr, net: Net): boolean {
  if (net.v === 4) return typeof a === 'number' && ((a & net.mask) >>> 0) === net.addr;
  return typeof a === 'bigint' && (a & net.mask) === net.addr;
}

function maskLen4(mask: number): number | undefined {
  for (let len = 0; len <= 32; len++) if (prefixMask(len) === mask) return len;
  return undefined;
}

function maskLen6(mask: bigint): number | undefined {
  for (let len = 0; len <= 128; len++) if (prefixMask6(len) === mask) return len;
  return undefined;
}

/**
 * Parses `ADDR[/MASK]` as xtables_ipparse_any does (without DNS): MASK is a
 * prefix length or, for IPv4, a dotted netmask; host bits are cleared.
 * Errors are the `host/network ... not found` / `invalid mask` texts.
 */
export function parseNet(text: string, family: 4 | 6): Net | string {
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const maskText = slash < 0 ? undefined : text.slice(slash + 1);
  if (family === 4) {
    let mask = 0xffffffff;
    if (maskText !== undefined) {
      const dotted = parseIPv4(maskText);
      if (dotted !== undefined) mask = dotted;
      else if (/^\d+$/.test(maskText) && Number(maskText) <= 32) mask = prefixMask(Number(maskText));
      else return `invalid mask \`${maskText}' specified`;
    }
    const addr = parseIPv4Loose(addrText);
    if (addr === undefined) return `host/network \`${addrText}' not found`;
    return { v: 4, addr: (addr & mask) >>> 0, mask: mask >>> 0 };
  }
  let mask = ALL6;
  if (maskText !== undefined) {
    const m6 = parseIPv6(maskText);
    if (m6 !== undefined && maskText.includes(':')) mask = m6;
    else if (/^\d+$/.test(maskText) && Number(maskText) <= 128) mask = prefixMask6(Number(maskText));
    else return `invalid mask \`${maskText}' specified`;
  }
  const addr = parseIPv6(addrText);
  if (addr === undefined) return `host/network \`${addrText}' not found`;
  return { v: 6, addr: addr & mask, mask };
}

/** inet_aton accepts short forms such as `0` or `10.1` (used in `-s 0/0`). */
function parseIPv4Loose(text: string): number | undefined {
  const strict = parseIPv4(text);
  if (strict !== undefined) return strict;
  if (!/^\d+(\.\d+){0,2}$/.test(text)) return undefined;
  const parts = text.split('.').map(Number);
  const last = parts.pop() ?? 0;
  let value = 0;
  for (const p of parts) {
    if (p > 255) return undefined;
    value = value * 256 + p;
  }
  const width = 4 - parts.length;
  if (last >= 2 ** (8 * width)) return undefined;
  return value * 2 ** (8 * width) + last;
}

export function isAnyNet(net: Net | undefined): boolean {
  return net === undefined || (net.v === 4 ? net.mask === 0 && net.addr === 0 : net.mask === 0n && net.addr === 0n);
}

/** The save form: `1.2.3.4/32`, `10.0.0.0/8`, `1.0.3.0/255.0.255.0`, `::1/128`. */
export function saveNet(net: Net): string {
  if (net.v === 4) {
    const len = maskLen4(net.mask);
    return `${formatIPv4(net.addr)}/${len === undefined ? formatIPv4(net.mask) : len}`;
  }
  const len = maskLen6(net.mask);
  return `${formatIPv6(net.addr)}/${len === undefined ? formatIPv6(net.mask) : len}`;
}

/** Names the sim knows without DNS: /etc/hosts and /etc/networks of a Debian host. */
function hostName4(addr: number, mask: number): string | undefined {
  if (mask === 0xffffffff) return addr === 0x7f000001 ? 'localhost' : undefined;
  // getnetbyaddr() for network addresses (/etc/networks: loopback, link-local).
  if (addr === 0x7f000000) return 'loopback';
  if (addr === 0xa9fe0000) return 'link-local';
  return undefined;
}

/** The -L column form: `anywhere`, `172.17.0.2`, `10.0.0.0/8`, numeric with -n. */
export function listNet(net: Net | undefined, numeric: boolean, family: 4 | 6): string {
  if (family === 4) {
    const n = net && net.v === 4 ? net : { addr: 0, mask: 0 };
    if (n.mask === 0 && !numeric) return 'anywhere';
    const name = numeric ? undefined : hostName4(n.addr, n.mask);
    const len = maskLen4(n.mask);
    const maskText = n.mask === 0xffffffff ? '' : `/${len === undefined ? formatIPv4(n.mask) : len}`;
    return (name ?? formatIPv4(n.addr)) + maskText;
  }
  const n = net && net.v === 6 ? net : { addr: 0n, mask: 0n };
  if (n.addr === 0n && !numeric) return 'anywhere';
  const len = maskLen6(n.mask);
  const maskText = n.mask === ALL6 ? '' : `/${len === undefined ? formatIPv6(n.mask) : len}`;
  // This machine's /etc/hosts names no IPv6 address, so reverse lookups print numbers.
  return formatIPv6(n.addr) + maskText;
}
