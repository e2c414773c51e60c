/**
 * busybox 1.35's `route [-n]` and `netstat -r[n]` inside containers: the main
 * table as /proc/net/route shows it (network, gateway, netmask, flags), in the
 * kernel's order. Without -n, INET_rresolve names the columns: a destination is a
 * network (`default`, else getnetbyaddr in /etc/networks: no packet, a number), a
 * gateway a host (/etc/hosts, then a PTR question, each address once), both cut to
 * 15 characters as `%-15.15s` prints them (test/fixtures/tcpdump/capnettools.txt).
 */
import type { NetnsView, RouteInfo } from '../../net/api.ts';
import type { Trace } from '../../net/trace.ts';
import type { Command } from '../types.ts';
import { fail, ok } from '../types.ts';
import { netmask, padEnd, padStart, routeNetwork } from './devices.ts';
import { askingResolver, type AskingResolver, type ToolResolver } from './names.ts';

interface Row {
  dst: string;
  gateway: string;
  mask: string;
  flags: string;
  dev: string;
}

/** `ask` undefined: -n. */
function rows(view: NetnsView, ask: AskingResolver | undefined): Row[] {
  return view.routes().map((r: RouteInfo) => {
    const dst = routeNetwork(r.dst);
    const host = r.prefixLen === 32;
    return {
      dst: ask && r.dst === 'default' ? 'default' : dst,
      gateway: r.via === undefined ? (ask ? '*' : '0.0.0.0') : ((ask && ask.name(r.via)) ?? r.via),
      mask: netmask(r.prefixLen),
      flags: `U${r.via ? 'G' : ''}${host ? 'H' : ''}`,
      dev: r.dev,
    };
  });
}

const head = (r: Row) => `${padEnd(r.dst.slice(0, 15), 15)} ${padEnd(r.gateway.slice(0, 15), 15)} ${padEnd(r.mask, 16)}${padEnd(r.flags, 6)}`;

/** The route applet: listing only (changes need CAP_NET_ADMIN, which containers lack). */
export function busyboxRouteCommand(resolver: ToolResolver): Command {
  return (argv, ctx) => {
    const view = ctx.kernel.netns(ctx.netns);
    if (!view) return fail('route: socket: Operation not permitted\n', 1);
    let numeric = false;
    for (const a of argv) {
      if (/^-[ne]+$/.test(a)) numeric ||= a.includes('n');
      else if (a === 'add' || a === 'del') return fail('route: SIOCADDRT: Operation not permitted\n', 1);
      else return fail(`route: invalid argument '${a}'\n`, 1);
    }
    const traces: Trace[] = [];
    const lines = rows(view, numeric ? undefined : askingResolver(resolver, traces)).map((r) => `${head(r)}${padEnd('0', 6)} ${padEnd('0', 2)} ${padStart('0', 7)} ${r.dev}\n`);
    const out = ok(`Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n${lines.join('')}`);
    return traces.length > 0 ? { ...out, traces } : out;
  };
}

/** `netstat -r`: the same table with MSS, Window and irtt columns; `ask` undefined with -n. */
export function netstatRoutes(view: NetnsView, ask: AskingResolver | undefined): string {
  const lines = rows(view, ask).map((r) => `${head(r)}${padStart('0', 5)} ${padEnd('0', 5)} ${padStart('0', 6)} ${r.dev}\n`);
  return `Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n${lines.join('')}`;
}
