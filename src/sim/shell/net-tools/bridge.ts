/**
 * iproute2 6.1's `bridge` on the Debian machines: `link [show] [dev X]` (the
 * bridge ports with STP state, priority and cost) and `fdb show`. Its AF_BRIDGE
 * dump carries IFLA_LINK without a netnsid, so a veth's peer index is looked up
 * in the host's own namespace (`vethX@eth0`).
 */
import type { LinkInfo, NetnsView } from '../../net/api.ts';
import type { Command } from '../types.ts';
import { fail, ok } from '../types.ts';
import { byIndex, device, flagList } from './devices.ts';

export const bridgeCommand: Command = (argv, ctx) => {
  const view = ctx.kernel.netns(ctx.netns);
  if (!view) return fail('Cannot open network namespace: No such file or directory\n', 1);
  const args = argv.filter((a) => !/^-(d|s|c|details|stats)$/.test(a));
  const [object, verb, ...rest] = args;
  if (object === undefined) return fail('Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { link | fdb | mdb | vlan | vni | monitor }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n                    -o[neline] | -t[imestamp] | -n[etns] name |\n                    -com[pressvlan] -c[olor] -p[retty] -j[son] }\n', 255);
  if ('link'.startsWith(object)) {
    if (verb !== undefined && !'show'.startsWith(verb) && !'list'.startsWith(verb)) return fail(`Command "${verb}" is unknown, try "bridge link help".\n`, 255);
    let dev: string | undefined;
    for (let i = 0; i < rest.length; i++) dev = rest[i] === 'dev' ? rest[++i] : rest[i];
    if (dev !== undefined && !view.link(dev)) return fail(`Cannot find device "${dev}"\n`, 255);
    const ports = view.links().filter((l) => l.master !== undefined && (dev === undefined || l.name === dev));
    return ok(ports.map((p) => portLine(view, p)).join(''));
  }
  if ('fdb'.startsWith(object)) {
    const lines: string[] = [];
    for (const br of view.links().filter((l) => l.kind === 'bridge')) {
      for (const e of view.fdb(br.name)) lines.push(`${e.mac} dev ${e.port} ${e.local ? 'master ' + br.name + ' permanent' : 'master ' + br.name} \n`);
    }
    return ok(lines.join(''));
  }
  return fail(`Object "${object}" is unknown, try "bridge help".\n`, 255);
};

function portLine(view: NetnsView, port: LinkInfo): string {
  const dev = device(port);
  let name = port.name;
  let mdown = false;
  if (port.peer && port.peer.ifindex !== port.ifindex) {
    const local = byIndex(view, port.peer.ifindex);
    name += `@${local?.name ?? `if${port.peer.ifindex}`}`;
    mdown = !local?.up;
  }
  const master = view.link(port.master!);
  const state = port.up && port.carrier && master?.up ? 'forwarding' : 'disabled';
  return `${port.ifindex}: ${name}: ${flagList(dev, mdown)} mtu ${port.mtu} master ${port.master} state ${state} priority 32 cost 2 \n`;
}
