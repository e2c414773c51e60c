/**
 * busybox 1.35's `route [-n]` and `netstat -r[n]` inside containers: the main
 * table as /proc/net/route shows it (network, gateway, netmask, flags), in the
 * kernel's order.
 */
import type { NetnsView, RouteInfo } from '../../net/api.ts';
import type { Command } from '../types.ts';
import { fail, ok } from '../types.ts';
import { netmask, padEnd, padStart, routeNetwork } from './devices.ts';

interface Row {
  dst: string;
  gateway: string;
  mask: string;
  flags: string;
  dev: string;
}

function rows(view: NetnsView, numeric: boolean): Row[] {
  return view.routes().map((r: RouteInfo) => {
    const dst = routeNetwork(r.dst);
    const host = r.prefixLen === 32;
    return {
      dst: !numeric && r.dst === 'default' ? 'default' : dst,
      gateway: r.via ?? (numeric ? '0.0.0.0' : '*'),
      mask: netmask(r.prefixLen),
      flags: `U${r.via ? 'G' : ''}${host ? 'H' : ''}`,
      dev: r.dev,
    };
  });
}

const head = (r: Row) => `${padEnd(r.dst, 15)} ${padEnd(r.gateway, 15)} ${padEnd(r.mask, 16)}${padEnd(r.flags, 6)}`;

/** The route applet: listing only (changes need CAP_NET_ADMIN, which containers lack). */
export const busyboxRouteCommand: Command = (argv, ctx) => {
  const view = ctx.kernel.netns(ctx.netns);
  if (!view) return fail('route: socket: Operation not permitted\n', 1);
  let numeric = false;
  for (const a of argv) {
    if (/^-[ne]+$/.test(a)) numeric ||= a.includes('n');
    else if (a === 'add' || a === 'del') return fail('route: SIOCADDRT: Operation not permitted\n', 1);
    else return fail(`route: invalid argument '${a}'\n`, 1);
  }
  const lines = rows(view, numeric).map((r) => `${head(r)}${padEnd('0', 6)} ${padEnd('0', 2)} ${padStart('0', 7)} ${r.dev}\n`);
  return ok(`Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n${lines.join('')}`);
};

/** `netstat -r`: the same table with MSS, Window and irtt columns. */
export function netstatRoutes(view: NetnsView, numeric: boolean): string {
  const lines = rows(view, numeric).map((r) => `${head(r)}${padStart('0', 5)} ${padEnd('0', 5)} ${padStart('0', 6)} ${r.dev}\n`);
  return `Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n${lines.join('')}`;
}
