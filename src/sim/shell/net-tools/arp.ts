/**
 * busybox arp: the namespace's neighbour table in the old net-tools form,
 * `NAME (IP) at MAC [ether]  on IFACE`. Without -n each entry's address is named
 * as it is printed (INET_rresolve: /etc/hosts, then a PTR question; `?` when
 * nothing names it), and a HOSTNAME argument is looked up first (gethostbyname:
 * an A question); the questions are the command's packets (./names.ts).
 * Changing entries needs CAP_NET_ADMIN.
 */
import { busyboxUsage } from '../busybox.ts';
import type { Command } from '../types.ts';
import type { Trace } from '../../net/trace.ts';
import { fail, ok } from '../types.ts';
import { askingResolver, isDottedQuad, type ToolResolver } from './names.ts';

const USAGE = busyboxUsage(
  'Usage: arp\n[-vn]\t[-H HWTYPE] [-i IF] -a [HOSTNAME]\n[-v]\t\t    [-i IF] -d HOSTNAME [pub]\n[-v]\t[-H HWTYPE] [-i IF] -s HOSTNAME HWADDR [temp]\n[-v]\t[-H HWTYPE] [-i IF] -s HOSTNAME HWADDR [netmask MASK] pub\n[-v]\t[-H HWTYPE] [-i IF] -Ds HOSTNAME IFACE [netmask MASK] pub\n\nManipulate ARP cache\n\n\t-a\t\tDisplay (all) hosts\n\t-d\t\tDelete ARP entry\n\t-s\t\tSet new entry\n\t-v\t\tVerbose\n\t-n\t\tDon\'t resolve names\n\t-i IF\t\tNetwork interface\n\t-D\t\tRead HWADDR from IFACE\n\t-A,-p AF\tProtocol family\n\t-H HWTYPE\tHardware address type\n',
);

export function busyboxArpCommand(resolver: ToolResolver): Command {
  return (argv, ctx) => {
    const view = ctx.kernel.netns(ctx.netns);
    if (!view) return fail('arp: socket: Operation not permitted\n', 1);
    let device: string | undefined;
    let hostArg: string | undefined;
    const numeric = argv.some((a) => /^-[anv]*n/.test(a));
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '-i') device = argv[++i];
      else if (/^-[anv]+$/.test(a)) continue;
      else if (a === '-d' || a === '-s') return fail('arp: SIOCDARP(dontpub): Operation not permitted\n', 1);
      else if (a.startsWith('-')) return fail(`arp: invalid option -- '${a[1]}'\n${USAGE}`, 1);
      else hostArg = a;
    }
    const traces: Trace[] = [];
    const ask = askingResolver(resolver, traces);
    const withTraces = (out: ReturnType<Command>) => (traces.length > 0 ? { ...out, traces } : out);
    // INET_resolve: a dotted quad as it is, else getnetbyname (/etc/networks, none here) and gethostbyname.
    const host = hostArg === undefined || isDottedQuad(hostArg) ? hostArg : ask.address(hostArg);
    if (hostArg !== undefined && host === undefined) return withTraces(fail(`arp: ${hostArg}: Unknown host\n`, 1));
    // /proc/net/arp: the IPv4 entries only (neighbour discovery's are not ARP's).
    const all = view.neighbours().filter((n) => !n.address.includes(':'));
    const rows = all
      .filter((n) => (device === undefined || n.ifname === device) && (host === undefined || n.address === host))
      .map((n) => {
        const name = (numeric ? undefined : entryName(ask.name, n.address)) ?? '?';
        return n.mac && n.state !== 'FAILED' && n.state !== 'INCOMPLETE' ? `${name} (${n.address}) at ${n.mac} [ether]  on ${n.ifname}` : `${name} (${n.address}) at <incomplete>  on ${n.ifname}`;
      });
    if (rows.length === 0 && (device !== undefined || host !== undefined)) return withTraces(ok(`No match found in ${all.length} entries\n`));
    return withTraces(ok(rows.map((r) => `${r}\n`).join('')));
  };
}

/**
 * arp names an entry through INET_sprint, which takes the address for a network when its
 * last byte is 0 (netmask 0xffffff00) and asks getnetbyaddr (/etc/networks, no packet);
 * any other address is a host, named by getnameinfo.
 */
function entryName(name: (ip: string) => string | undefined, ip: string): string | undefined {
  return ip.endsWith('.0') ? undefined : name(ip);
}
