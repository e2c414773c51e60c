/**
 * busybox arp: the namespace's neighbour table in the old net-tools form,
 * `NAME (IP) at MAC [ether]  on IFACE`, NAME from a reverse lookup (`?` with -n
 * or when there is none). Changing entries needs CAP_NET_ADMIN.
 */
import { busyboxUsage } from '../busybox.ts';
import type { Command } from '../types.ts';
import { fail, ok } from '../types.ts';

const USAGE = busyboxUsage(
  'Usage: arp\n[-vn]\t[-H HWTYPE] [-i IF] -a [HOSTNAME]\n[-v]\t\t    [-i IF] -d HOSTNAME [pub]\n[-v]\t[-H HWTYPE] [-i IF] -s HOSTNAME HWADDR [temp]\n[-v]\t[-H HWTYPE] [-i IF] -s HOSTNAME HWADDR [netmask MASK] pub\n[-v]\t[-H HWTYPE] [-i IF] -Ds HOSTNAME IFACE [netmask MASK] pub\n\nManipulate ARP cache\n\n\t-a\t\tDisplay (all) hosts\n\t-d\t\tDelete ARP entry\n\t-s\t\tSet new entry\n\t-v\t\tVerbose\n\t-n\t\tDon\'t resolve names\n\t-i IF\t\tNetwork interface\n\t-D\t\tRead HWADDR from IFACE\n\t-A,-p AF\tProtocol family\n\t-H HWTYPE\tHardware address type\n',
);

export function busyboxArpCommand(nameOf: (ip: string) => string | undefined): Command {
  return (argv, ctx) => {
  const view = ctx.kernel.netns(ctx.netns);
  if (!view) return fail('arp: socket: Operation not permitted\n', 1);
  let device: string | undefined;
  let host: string | undefined;
  const numeric = argv.some((a) => /^-[anv]*n/.test(a));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-i') device = argv[++i];
    else if (/^-[anv]+$/.test(a)) continue;
    else if (a === '-d' || a === '-s') return fail('arp: SIOCDARP(dontpub): Operation not permitted\n', 1);
    else if (a.startsWith('-')) return fail(`arp: invalid option -- '${a[1]}'\n${USAGE}`, 1);
    else host = a;
  }
  // /proc/net/arp: the IPv4 entries only (neighbour discovery's are not ARP's).
  const all = view.neighbours().filter((n) => !n.address.includes(':'));
  const rows = all
    .filter((n) => (device === undefined || n.ifname === device) && (host === undefined || n.address === host))
    .map((n) => {
      const name = (numeric ? undefined : nameOf(n.address)) ?? '?';
      return n.mac && n.state !== 'FAILED' && n.state !== 'INCOMPLETE' ? `${name} (${n.address}) at ${n.mac} [ether]  on ${n.ifname}` : `${name} (${n.address}) at <incomplete>  on ${n.ifname}`;
    });
  if (rows.length === 0 && (device !== undefined || host !== undefined)) return ok(`No match found in ${all.length} entries\n`);
  return ok(rows.map((r) => `${r}\n`).join(''));
  };
}
