/**
 * What the network tools share: one namespace's devices as the kernel reports
 * them over netlink (flags, operstate, qdisc, IFLA_LINK and its netnsid), and the
 * number formats of the old net-tools (netmasks, byte counts). Each tool module
 * only lays these out in its own words.
 */
import type { Address6Info, AddressInfo, LinkInfo, NetnsView } from '../../net/api.ts';

/** A device with what a netlink dump of it carries. */
export interface Device {
  info: LinkInfo;
  /** IFF_* flags in the kernel's bit order, without NO-CARRIER / M-DOWN. */
  flags: string[];
  /** IFF_UP set but no carrier: tools print NO-CARRIER first. */
  noCarrier: boolean;
  /** IFLA_LINK: the peer's ifindex, when it differs from the device's own. */
  iflink?: number;
  /** IFLA_LINK_NETNSID: the peer lives in another namespace, known here by this id. */
  linkNetnsid?: number;
  /** IF_OPER_*: UP, DOWN, UNKNOWN or LOWERLAYERDOWN. */
  operstate: 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN';
  /** noqueue when up (veth, bridge and lo need no queue), noop when down. */
  qdisc: 'noqueue' | 'noop';
}

export function device(info: LinkInfo): Device {
  const flags = info.kind === 'loopback' ? ['LOOPBACK'] : ['BROADCAST', 'MULTICAST'];
  if (info.up) flags.push('UP');
  if (info.up && info.carrier) flags.push('LOWER_UP');
  const dev: Device = {
    info,
    flags,
    noCarrier: info.up && !info.carrier,
    operstate: operstate(info),
    qdisc: info.up ? 'noqueue' : 'noop',
  };
  if (info.peer && info.peer.ifindex !== info.ifindex) dev.iflink = info.peer.ifindex;
  else if (info.peer && info.linkNetnsid !== undefined) dev.iflink = info.peer.ifindex;
  if (info.linkNetnsid !== undefined) dev.linkNetnsid = info.linkNetnsid;
  return dev;
}

/** rfc2863 operstate: lo is UNKNOWN; without carrier a stacked device (iflink != ifindex) is LOWERLAYERDOWN. */
function operstate(info: LinkInfo): Device['operstate'] {
  if (!info.up) return 'DOWN';
  if (info.kind === 'loopback') return 'UNKNOWN';
  if (info.carrier) return 'UP';
  return info.peer && info.peer.ifindex !== info.ifindex ? 'LOWERLAYERDOWN' : 'DOWN';
}

/** The `<...>` flag list: NO-CARRIER first, M-DOWN last, as both iproute2 and busybox print it. */
export function flagList(dev: Device, mdown: boolean): string {
  const parts = [...(dev.noCarrier ? ['NO-CARRIER'] : []), ...dev.flags, ...(mdown ? ['M-DOWN'] : [])];
  return `<${parts.join(',')}>`;
}

/** All devices of a namespace in ifindex order. */
export function devices(view: NetnsView): Device[] {
  return view.links().map(device);
}

/** The device with this ifindex in the same namespace, if any (what ll_index_to_name finds). */
export function byIndex(view: NetnsView, ifindex: number): LinkInfo | undefined {
  return view.links().find((l) => l.ifindex === ifindex);
}

/** `link/ether MAC brd ff:ff:ff:ff:ff:ff` or lo's `link/loopback`. */
export function linkLayer(info: LinkInfo): string {
  return info.kind === 'loopback'
    ? 'link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00'
    : `link/ether ${info.mac} brd ff:ff:ff:ff:ff:ff`;
}

/** A device's IPv4 and IPv6 addresses. */
export function addressesOf(view: NetnsView, name: string): { v4: AddressInfo[]; v6: Address6Info[] } {
  return {
    v4: view.addresses().filter((a) => a.ifname === name),
    v6: view.addresses6().filter((a) => a.ifname === name),
  };
}

export function netmask(prefixLen: number): string {
  const mask = prefixLen === 0 ? 0 : (0xffffffff << (32 - prefixLen)) >>> 0;
  return [24, 16, 8, 0].map((s) => (mask >>> s) & 255).join('.');
}

/** A route's destination as a network address (`default` is 0.0.0.0). */
export function routeNetwork(dst: string): string {
  return dst === 'default' ? '0.0.0.0' : dst.split('/')[0]!;
}

/** Pads on the right to a width, never truncating. */
export function padEnd(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

/** busybox ifconfig's byte counts: `656 (656.0 B)`, `12345 (12.0 KiB)`. */
export function humanBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${n} (${v.toFixed(1)} ${units[i]})`;
}
