/**
 * bridge-utils 1.7.1's `brctl` on the Debian machines: `show [BRIDGE]` (bridges
 * and their ports sorted by name, as brctl reads /sys/class/net) and `showmacs`.
 */
import type { LinkInfo, NetnsView } from '../../net/api.ts';
import type { Command } from '../types.ts';
import { fail, ok } from '../types.ts';

const USAGE = `Usage: brctl [commands]
commands:
\taddbr     \t<bridge>\t\tadd bridge
\tdelbr     \t<bridge>\t\tdelete bridge
\taddif     \t<bridge> <device>\tadd interface to bridge
\tdelif     \t<bridge> <device>\tdelete interface from bridge
\thairpin   \t<bridge> <port> {on|off}\tturn hairpin on/off
\tsetageing \t<bridge> <time>\t\tset ageing time
\tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority
\tsetfd     \t<bridge> <time>\t\tset bridge forward delay
\tsethello  \t<bridge> <time>\t\tset hello time
\tsetmaxage \t<bridge> <time>\t\tset max message age
\tsetpathcost\t<bridge> <port> <cost>\tset path cost
\tsetportprio\t<bridge> <port> <prio>\tset port priority
\tshow      \t[ <bridge> ]\t\tshow a list of bridges
\tshowmacs  \t<bridge>\t\tshow a list of mac addrs
\tshowstp   \t<bridge>\t\tshow bridge stp info
\tstp       \t<bridge> {on|off}\tturn stp on/off
`;

const byName = (a: LinkInfo, b: LinkInfo) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function showBridge(view: NetnsView, br: LinkInfo): string {
  const ports = view.links().filter((l) => l.master === br.name).sort(byName);
  const first = `${br.name}\t\t8000.${br.mac.replace(/:/g, '')}\tno\t\t${ports[0]?.name ?? ''}\n`;
  return first + ports.slice(1).map((p) => `\t\t\t\t\t\t\t${p.name}\n`).join('');
}

export const brctlCommand: Command = (argv, ctx) => {
  const view = ctx.kernel.netns(ctx.netns);
  if (!view) return fail('can\'t get info Operation not permitted\n', 1);
  const [cmd, ...args] = argv;
  if (cmd === 'show') {
    const header = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';
    const bridges = view.links().filter((l) => l.kind === 'bridge').sort(byName);
    if (args.length === 0) return ok(header + bridges.map((b) => showBridge(view, b)).join(''));
    // Named bridges: the header comes with the first one found; a missing one is an error.
    let out = '';
    let err = '';
    for (const name of args) {
      const b = bridges.find((l) => l.name === name);
      if (!b) err += `bridge ${name} does not exist!\n`;
      else out += (out ? '' : header) + showBridge(view, b);
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  }
  if (cmd === 'showmacs') {
    const br = args[0] === undefined ? undefined : view.link(args[0]);
    if (args[0] === undefined) return fail(USAGE, 1);
    if (!br || br.kind !== 'bridge') return fail(`read of forward table failed: No such device\n`, 1);
    const ports = view.links().filter((l) => l.master === br.name);
    const portNo = (name: string) => ports.findIndex((p) => p.name === name) + 1;
    const entries = view.fdb(br.name).sort((a, b) => (a.mac < b.mac ? -1 : a.mac > b.mac ? 1 : 0));
    const lines = entries.map((e) => `${String(portNo(e.port)).padStart(3)}\t${e.mac}\t${e.local ? 'yes' : 'no'}\t\t   0.00\n`);
    return ok(`port no\tmac addr\t\tis local?\tageing timer\n${lines.join('')}`);
  }
  if (cmd === undefined) return fail(USAGE, 1);
  return fail(`never heard of command [${cmd}]\n${USAGE}`, 1);
};
