/**
 * busybox 1.35's `ip` applet inside containers: `link`, `addr`, `route` (and
 * `route get`), `neigh`. It prints like an old iproute2: no `state` or `group`,
 * the peer's name looked up in the container's own namespace (`eth0@if5`) with
 * M-DOWN when that index is not an up device there, and no `linkdown`.
 */
import type { NetnsView } from '../../net/api.ts';
import { busyboxUsage } from '../busybox.ts';
import type { Command, CommandOutput } from '../types.ts';
import { fail, ok } from '../types.ts';
import { addressesOf, byIndex, devices, flagList, linkLayer, type Device } from './devices.ts';

const USAGE = busyboxUsage(`Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]

OPTIONS := -f[amily] inet|inet6|link | -o[neline]

ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]
ip route list|flush|add|del|change|append|replace|test ROUTE
ip link set IFACE [up|down] [arp on|off] [multicast on|off]
\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]
\t[master IFACE | nomaster] [netns PID]
ip tunnel add|change|del|show [NAME]
\t[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]
ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]
ip rule [list] | add|del SELECTOR ACTION
`);

interface Opts {
  oneline: boolean;
  family?: 4 | 6;
}

const prefixOf = (arg: string, word: string) => arg.length > 0 && word.startsWith(arg);

export const busyboxIpCommand: Command = (argv, ctx) => {
  const view = ctx.kernel.netns(ctx.netns);
  if (!view) return fail('ip: can\'t open network namespace\n', 1);
  const opts: Opts = { oneline: false };
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const a = argv[i]!;
    if (a === '-4') opts.family = 4;
    else if (a === '-6') opts.family = 6;
    else if (prefixOf(a.slice(1), 'oneline')) opts.oneline = true;
    else if (prefixOf(a.slice(1), 'family')) {
      const f = argv[++i];
      if (f === 'inet') opts.family = 4;
      else if (f === 'inet6') opts.family = 6;
    } else return fail(USAGE, 1);
  }
  const [object, ...rest] = argv.slice(i);
  if (object === undefined) return fail(USAGE, 1);
  if (prefixOf(object, 'address')) return addr(view, rest, opts);
  if (prefixOf(object, 'route')) return opts.family === 6 ? route6(view, rest) : route(view, rest);
  if (prefixOf(object, 'link')) return link(view, rest, opts);
  if (prefixOf(object, 'neigh')) return neigh(view, rest);
  return fail(`ip: invalid argument '${object}' to 'ip'\n`, 1);
};

/** `name@peer` with the peer looked up in this namespace (ll_idx_n2a), and busybox's M-DOWN rule. */
function nameAndLink(view: NetnsView, dev: Device): { name: string; mdown: boolean } {
  if (dev.iflink === undefined) return { name: dev.info.name, mdown: false };
  const peer = byIndex(view, dev.iflink);
  return { name: `${dev.info.name}@${peer?.name ?? `if${dev.iflink}`}`, mdown: !peer?.up };
}

function header(view: NetnsView, dev: Device): string {
  const { name, mdown } = nameAndLink(view, dev);
  const i = dev.info;
  let line = `${i.ifindex}: ${name}: ${flagList(dev, mdown)} mtu ${i.mtu} qdisc ${dev.qdisc} `;
  if (i.master) line += `master ${i.master} `;
  if (i.txqlen) line += `qlen ${i.txqlen}`;
  return line;
}

/** With -6 the link line comes from the IPv6 dump, which has no qdisc. */
function header6(view: NetnsView, dev: Device): string {
  const { name, mdown } = nameAndLink(view, dev);
  const i = dev.info;
  let line = `${i.ifindex}: ${name}: ${flagList(dev, mdown)} mtu ${i.mtu} `;
  if (i.master) line += `master ${i.master} `;
  if (i.txqlen) line += `qlen ${i.txqlen}`;
  return line;
}

function emit(blocks: string[][], opts: Opts): string {
  return blocks.map((lines) => (opts.oneline ? `${lines.join('\\')}\n` : lines.map((l) => `${l}\n`).join(''))).join('');
}

/** `[dev] IFACE` after show; undefined means all. */
function selected(view: NetnsView, args: string[]): Device[] | CommandOutput {
  const words = args[0] !== undefined && ['show', 'list', 'lst'].some((w) => prefixOf(args[0]!, w)) ? args.slice(1) : args;
  let name: string | undefined;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'dev') name = words[++i];
    else if (words[i] !== 'up') name = words[i];
  }
  const all = devices(view);
  if (name === undefined) return all;
  const one = all.find((d) => d.info.name === name);
  return one ? [one] : fail(`ip: can't find device '${name}'\n`, 1);
}

/** A container's processes lack CAP_NET_ADMIN: changes fail as the kernel refuses them. */
const NOT_PERMITTED = { link: 'ip: SIOCSIFFLAGS: Operation not permitted\n', netlink: 'ip: RTNETLINK answers: Operation not permitted\n' };

function link(view: NetnsView, args: string[], opts: Opts): CommandOutput {
  if (args[0] === 'set') {
    const name = (args[1] === 'dev' ? args[2] : args[1]) ?? '';
    return view.link(name) ? fail(NOT_PERMITTED.link, 1) : fail(`ip: can't find device '${name}'\n`, 1);
  }
  if (args[0] === 'add' || args[0] === 'del' || args[0] === 'delete') return fail(NOT_PERMITTED.netlink, 2);
  if (args[0] !== undefined && !['show', 'list', 'lst'].some((w) => prefixOf(args[0]!, w)) && args[0] !== 'dev' && !view.link(args[0])) {
    return fail(`ip: invalid argument '${args[0]}' to 'ip'\n`, 1);
  }
  const list = selected(view, args);
  if ('exitCode' in list) return list;
  return ok(emit(list.map((d) => [header(view, d), `    ${linkLayer(d.info)}`]), opts));
}

function addr(view: NetnsView, args: string[], opts: Opts): CommandOutput {
  if (args[0] === 'add' || args[0] === 'del' || args[0] === 'flush') return fail(NOT_PERMITTED.netlink, 2);
  const list = selected(view, args);
  if ('exitCode' in list) return list;
  const valid = '       valid_lft forever preferred_lft forever';
  const out: string[] = [];
  for (const dev of list) {
    const { v4, v6 } = addressesOf(view, dev.info.name);
    const inet = opts.family === 6 ? [] : v4.map((a) => `    inet ${a.address}/${a.prefixLen}${a.broadcast ? ` brd ${a.broadcast}` : ''} scope ${a.scope} ${a.ifname}`);
    // busybox prints the address flags as a number: IFA_F_NODAD is 02.
    const inet6 = opts.family === 4 ? [] : v6.map((a) => `    inet6 ${a.address}/${a.prefixLen} scope ${a.scope} ${a.nodad ? 'flags 02 ' : ''}`);
    if (opts.family !== undefined && inet.length + inet6.length === 0) continue;
    if (opts.oneline) {
      for (const l of [...inet, ...inet6]) out.push(`${dev.info.ifindex}: ${dev.info.name}${l}\\${valid}\n`);
      continue;
    }
    const lines = [opts.family === 6 ? header6(view, dev) : header(view, dev)];
    if (opts.family === undefined) lines.push(`    ${linkLayer(dev.info)}`);
    for (const l of [...inet, ...inet6]) lines.push(l, valid);
    out.push(lines.map((l) => `${l}\n`).join(''));
  }
  return ok(out.join(''));
}

function route(view: NetnsView, args: string[]): CommandOutput {
  const [verb, ...rest] = args;
  if (verb === undefined || ['show', 'list'].some((w) => prefixOf(verb, w))) {
    const lines = view.routes().map((r) => {
      let line = `${r.dst} `;
      if (r.via) line += `via ${r.via} `;
      line += `dev ${r.dev} `;
      if (r.scope && r.scope !== 'global') line += `scope ${r.scope} `;
      if (r.src) line += ` src ${r.src} `;
      if (r.metric) line += `metric ${r.metric} `;
      return `${line}\n`;
    });
    return ok(lines.join(''));
  }
  if (prefixOf(verb, 'get')) {
    const dst = rest.find((a) => a !== 'to');
    if (dst === undefined) return fail('ip: need at least destination address\n', 1);
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(dst)) return fail(`ip: invalid argument '${dst}' to 'get'\n`, 1);
    const r = view.routeGet(dst);
    if (!r) return fail('ip: RTNETLINK answers: Network is unreachable\n', 2);
    const type = r.type === 'unicast' ? '' : `${r.type} `;
    return ok(`${type}${r.dst} ${r.via ? `via ${r.via} ` : ''}dev ${r.dev} ${r.src ? ` src ${r.src} ` : ''}\n`);
  }
  if (['add', 'del', 'delete', 'change', 'append', 'replace', 'flush'].includes(verb)) {
    return fail(NOT_PERMITTED.netlink, 2);
  }
  return fail(`ip: invalid argument '${verb}' to 'ip'\n`, 1);
}

/** `ip -6 route`: the kernel's IPv6 dump but local routes (busybox keeps the local table's multicast ones). */
function route6(view: NetnsView, args: string[]): CommandOutput {
  const [verb] = args;
  if (verb === undefined || ['show', 'list'].some((w) => prefixOf(verb, w))) {
    const lines = view.routes6().map((r) => `${r.multicast ? 'multicast ' : ''}${r.dst} ${r.via ? `via ${r.via} ` : ''}dev ${r.dev}  metric ${r.metric} \n`);
    return ok(lines.join(''));
  }
  if (['add', 'del', 'delete', 'change', 'append', 'replace', 'flush'].includes(verb)) return fail(NOT_PERMITTED.netlink, 2);
  return fail(`ip: invalid argument '${verb}' to 'ip'\n`, 1);
}

function neigh(view: NetnsView, args: string[]): CommandOutput {
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) if (args[i] === 'dev') dev = args[++i];
  if (dev !== undefined && !view.link(dev)) return fail(`ip: can't find device '${dev}'\n`, 1);
  const lines = view
    .neighbours()
    .filter((n) => dev === undefined || n.ifname === dev)
    .map((n) => `${n.address} ${dev === undefined ? `dev ${n.ifname} ` : ''}${n.mac ? `lladdr ${n.mac}` : ''}${n.router ? ' router' : ''} ref 1 used 0/0/0 probes ${n.state === 'FAILED' || n.state === 'INCOMPLETE' ? 3 : 1} ${n.state}\n`);
  return ok(lines.join(''));
}

const CHANGES = new Set(['add', 'del', 'delete', 'change', 'replace', 'set', 'flush', 'append']);

/**
 * busybox ip in a container that holds CAP_NET_ADMIN (`--cap-add NET_ADMIN`,
 * `--privileged`): listings as busybox prints them, changes applied to the
 * container's namespace through the kernel like any ip would.
 */
export function netAdminIp(listings: Command, changes: Command): Command {
  return (argv, ctx) => {
    const words = argv.filter((a) => !a.startsWith('-'));
    return words[1] !== undefined && CHANGES.has(words[1]) ? changes(argv, ctx) : listings(argv, ctx);
  };
}
