/**
 * busybox 1.35's `ifconfig [-a] [IFACE]` inside containers: the old net-tools
 * layout (Link encap, inet addr/Bcast/Mask, inet6, flags, counters), interfaces
 * sorted by name, only the up ones without -a.
 */
import type { NetnsView } from '../../net/api.ts';
import type { Command } from '../types.ts';
import { fail, ok } from '../types.ts';
import { addressesOf, devices, humanBytes, netmask, padEnd, type Device } from './devices.ts';

export const ifconfigCommand: Command = (argv, ctx) => {
  const view = ctx.kernel.netns(ctx.netns);
  if (!view) return fail('ifconfig: socket: Operation not permitted\n', 1);
  const all = argv[0] === '-a';
  const args = all ? argv.slice(1) : argv;
  const list = devices(view).sort((a, b) => (a.info.name < b.info.name ? -1 : a.info.name > b.info.name ? 1 : 0));
  if (args.length === 0) return ok(list.filter((d) => all || d.info.up).map((d) => block(view, d)).join(''));
  const dev = list.find((d) => d.info.name === args[0]);
  if (!dev) return fail(`ifconfig: ${args[0]}: error fetching interface information: Device not found\n`, 1);
  // Changing an interface needs CAP_NET_ADMIN, which a container's processes lack.
  if (args.length > 1) return fail('ifconfig: SIOCSIFFLAGS: Operation not permitted\n', 1);
  return ok(block(view, dev));
};

const FLAG_ORDER = ['UP', 'BROADCAST', 'LOOPBACK', 'RUNNING', 'MULTICAST'];

function block(view: NetnsView, dev: Device): string {
  const i = dev.info;
  const loop = i.kind === 'loopback';
  const lines: string[] = [];
  lines.push(`${padEnd(i.name, 9)} ${loop ? 'Link encap:Local Loopback  ' : `Link encap:Ethernet  HWaddr ${i.mac.toUpperCase()}  `}`);
  const { v4, v6 } = addressesOf(view, i.name);
  const first = v4[0];
  if (first) {
    const bcast = loop ? '' : `  Bcast:${first.broadcast ?? '0.0.0.0'}`;
    lines.push(`          inet addr:${first.address}${bcast}  Mask:${netmask(first.prefixLen)}`);
  }
  for (const a of v6) lines.push(`          inet6 addr: ${a.address}/${a.prefixLen} Scope:${a.scope === 'host' ? 'Host' : 'Link'}`);
  const flags = new Set<string>(dev.flags.filter((f) => f !== 'LOWER_UP'));
  if (i.up && i.carrier) flags.add('RUNNING');
  const shown = FLAG_ORDER.filter((f) => flags.has(f));
  lines.push(`          ${shown.length ? shown.map((f) => `${f} `).join('') : '[NO FLAGS] '} MTU:${i.mtu}  Metric:1`);
  const s = i.stats;
  lines.push(`          RX packets:${s.rxPackets} errors:0 dropped:0 overruns:0 frame:0`);
  lines.push(`          TX packets:${s.txPackets} errors:0 dropped:0 overruns:0 carrier:0`);
  lines.push(`          collisions:0 txqueuelen:${i.txqlen} `);
  lines.push(`          RX bytes:${humanBytes(s.rxBytes)}  TX bytes:${humanBytes(s.txBytes)}`);
  return `${lines.join('\n')}\n\n`;
}
