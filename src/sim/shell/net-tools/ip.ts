/**
 * iproute2 6.1's `ip` on the Debian machines: `link`, `address`, `route`
 * (with `get`) and `neigh` listings in its exact layout (-o, -br, -d, -s, -4/-6,
 * `show dev X`, `master X`, `type T`), the common changes (`link set/add/del`,
 * `addr add/del`, `route add/del`) through the kernel API, and its errors.
 */
import { KernelError, type KernelApi, type NetnsView, type Route6Info, type RouteInfo } from '../../net/api.ts';
import type { Command, CommandContext, CommandOutput } from '../types.ts';
import { fail, ok } from '../types.ts';
import { addressesOf, byIndex, devices, flagList, padEnd, padStart, type Device } from './devices.ts';
import { colorOption, operStateAttr, paint, type ColorAttr } from './ip-color.ts';

export interface IpOptions {
  /** Namespaces mounted under /run/netns (`ip netns add`): a peer there prints as `link-netns NAME`. */
  namedNetns?: (netns: string) => boolean;
}

interface Opts {
  oneline: boolean;
  brief: boolean;
  details: boolean;
  stats: number;
  family?: 4 | 6;
  named: (netns: string) => boolean;
  /** `-c`: fields in iproute2's colours (ip-color.ts). */
  color: boolean;
}

const GLOBAL_OPTIONS: [string, (o: Opts) => void][] = [
  ['-oneline', (o) => (o.oneline = true)],
  ['-brief', (o) => (o.brief = true)],
  ['-details', (o) => (o.details = true)],
  ['-statistics', (o) => o.stats++],
  ['-stats', (o) => o.stats++],
  ['-4', (o) => (o.family = 4)],
  ['-6', (o) => (o.family = 6)],
];

/** iproute2's `matches(arg, word)`: arg is a non-empty prefix of word. */
const matches = (arg: string, word: string) => arg.length > 0 && word.startsWith(arg);

/** The objects `ip` knows, in its table's order (first prefix match wins). */
const OBJECTS = ['address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'link', 'netns', 'help'];

export function ipCommand(options: IpOptions = {}): Command {
  return (argv, ctx) => {
    const view = ctx.kernel.netns(ctx.netns);
    if (!view) return fail('Cannot open network namespace: No such file or directory\n', 1);
    const opts: Opts = { oneline: false, brief: false, details: false, stats: 0, named: options.namedNetns ?? (() => false), color: false };
    let i = 0;
    for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
      const arg = argv[i]!.replace(/^--/, '-');
      if (arg === '-o' || arg === '-0') {
        opts.oneline = true;
        continue;
      }
      if (arg === '-s') {
        opts.stats++;
        continue;
      }
      if (arg === '-d') {
        opts.details = true;
        continue;
      }
      const color = colorOption(arg);
      if (color !== undefined) {
        opts.color = color;
        continue;
      }
      const known = GLOBAL_OPTIONS.find(([name]) => arg.length > 1 && name.startsWith(arg));
      if (!known) return fail(`Option "${argv[i]}" is unknown, try "ip -help".\n`, 255);
      known[1](opts);
    }
    const [object, ...rest] = argv.slice(i);
    if (object === undefined) return fail(IP_USAGE, 255);
    const name = OBJECTS.find((o) => matches(object, o));
    switch (name) {
      case 'address':
        return addressCmd(view, ctx, rest, opts);
      case 'link':
        return linkCmd(view, ctx, rest, opts);
      case 'route':
        return routeCmd(view, ctx, rest, opts);
      case 'neighbor':
      case 'neighbour':
        return neighCmd(view, rest);
      case 'netns':
        // Docker's namespaces are not mounted under /run/netns: `ip netns` lists nothing.
        if (rest.length === 0 || ['list', 'show', 'ls'].includes(rest[0]!)) return ok('');
        return fail(`vethlab: ip netns ${rest[0]} is not simulated; Docker's namespaces are reached with docker exec\n`, 1);
      case 'help':
        return fail(IP_USAGE, 255);
      default:
        return fail(`Object "${object}" is unknown, try "ip help".\n`, 1);
    }
  };
}

const IP_USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
`;

// ---- listing filters -----------------------------------------------------------

interface LinkFilter {
  dev?: string;
  master?: string;
  type?: string;
  up?: boolean;
}

/** `[dev] NAME | master BR | type KIND | up` after `show`; an error text for a bad word. */
function parseShow(args: string[], object: 'link' | 'address'): LinkFilter | CommandOutput {
  const filter: LinkFilter = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => args[++i];
    if (a === 'dev') {
      const v = value();
      if (v === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
      filter.dev = v;
    } else if (a === 'master') {
      const v = value();
      if (v === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
      filter.master = v;
    } else if (a === 'type') {
      const v = value();
      if (v === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
      filter.type = v;
    } else if (a === 'up') {
      filter.up = true;
    } else if (a === 'scope' || a === 'label' || a === 'to') {
      value();
    } else if (filter.dev === undefined) {
      filter.dev = a;
    } else {
      return fail(`Error: either "dev" is duplicate, or "${a}" is a garbage.\n`, 255);
    }
  }
  void object;
  return filter;
}

function selectDevices(view: NetnsView, filter: LinkFilter): Device[] | CommandOutput {
  let list = devices(view);
  if (filter.dev !== undefined) {
    const one = list.find((d) => d.info.name === filter.dev);
    if (!one) return fail(`Device "${filter.dev}" does not exist.\n`, 1);
    list = [one];
  }
  if (filter.master !== undefined) {
    const master = view.link(filter.master);
    if (!master) return fail(`Device "${filter.master}" does not exist.\n`, 1);
    list = list.filter((d) => d.info.master === filter.master);
  }
  if (filter.type !== undefined) {
    list = list.filter((d) => d.info.kind !== 'loopback' && d.info.kind === filter.type);
  }
  if (filter.up) list = list.filter((d) => d.info.up);
  return list;
}

// ---- link lines ---------------------------------------------------------------------

/** `name@peer` as print_name_and_link writes it, and whether the peer shows M-DOWN. */
function nameAndLink(view: NetnsView, dev: Device): { name: string; mdown: boolean } {
  if (dev.iflink === undefined) return { name: dev.info.name, mdown: false };
  if (dev.linkNetnsid !== undefined) return { name: `${dev.info.name}@if${dev.iflink}`, mdown: false };
  const peer = byIndex(view, dev.iflink);
  return { name: `${dev.info.name}@${peer?.name ?? `if${dev.iflink}`}`, mdown: !peer?.up };
}

function linkNetns(dev: Device, opts: Opts): string {
  if (dev.linkNetnsid === undefined) return '';
  const peerNs = dev.info.peer?.netns;
  return peerNs !== undefined && opts.named(peerNs) ? ` link-netns ${peerNs}` : ` link-netnsid ${dev.linkNetnsid}`;
}

/** The first line of `ip link` / `ip addr` for a device, without its newline. */
function linkHeader(view: NetnsView, dev: Device, withMode: boolean, opts: Opts): string {
  const { name, mdown } = nameAndLink(view, dev);
  const i = dev.info;
  let line = `${i.ifindex}: ${paint(opts.color, 'ifname', `${name}: `)}${flagList(dev, mdown)} mtu ${i.mtu} qdisc ${dev.qdisc} `;
  if (i.master) line += `master ${i.master} `;
  line += `state ${paint(opts.color, operStateAttr(dev.operstate), `${dev.operstate} `)}`;
  if (withMode) line += 'mode DEFAULT ';
  line += 'group default ';
  if (i.txqlen) line += `qlen ${i.txqlen}`;
  return line;
}

/** What `-d` adds after the link-layer line, and the kind lines under it (iproute2 6.1 on kernel 6.x). */
function detailLines(view: NetnsView, dev: Device): string[] {
  const i = dev.info;
  const tail = (queues: number) => `addrgenmode eui64 numtxqueues ${queues} numrxqueues ${queues} gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 `;
  const port = i.master !== undefined ? 1 : 0;
  if (i.kind === 'loopback') return [` promiscuity 0  allmulti 0 minmtu 0 maxmtu 0 ${tail(1)}`];
  const first = ` promiscuity ${port}  allmulti ${port} minmtu 68 maxmtu 65535 `;
  if (i.kind === 'bridge') {
    const id = `8000.${i.mac}`;
    return [first, `    bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 bridge_id ${id} designated_root ${id} root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer    0.00 group_fwd_mask 0 group_address 01:80:c2:00:00:00 mcast_snooping 1 no_linklocal_learn 0 mcast_vlan_snooping 0 mcast_router 1 mcast_query_use_ifaddr 0 mcast_querier 0 mcast_hash_elasticity 16 mcast_hash_max 4096 mcast_last_member_count 2 mcast_startup_query_count 2 mcast_last_member_interval 100 mcast_membership_interval 26000 mcast_querier_interval 25500 mcast_query_interval 12500 mcast_query_response_interval 1000 mcast_startup_query_interval 3124 mcast_stats_enabled 0 mcast_igmp_version 2 mcast_mld_version 1 nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 ${tail(1)}`];
  }
  if (i.master !== undefined) {
    const master = view.link(i.master);
    const id = `8000.${master?.mac ?? i.mac}`;
    const state = i.up && i.carrier ? 'forwarding' : 'disabled';
    const ports = view.links().filter((l) => l.master === i.master);
    const portNo = ports.findIndex((l) => l.ifindex === i.ifindex) + 1;
    const hex = portNo.toString(16);
    return [first, '    veth ', `    bridge_slave state ${state} priority 32 cost 2 hairpin off guard off root_block off fastleave off learning on flood on port_id 0x80${hex.padStart(2, '0')} port_no 0x${hex} designated_port ${32768 + portNo} designated_cost 0 designated_bridge ${id} designated_root ${id} hold_timer    0.00 message_age_timer    0.00 forward_delay_timer    0.00 topology_change_ack 0 config_pending 0 proxy_arp off proxy_arp_wifi off mcast_router 1 mcast_fast_leave off mcast_flood on bcast_flood on mcast_to_unicast off neigh_suppress off group_fwd_mask 0 group_fwd_mask_str 0x0 vlan_tunnel off isolated off locked off ${tail(2)}`];
  }
  return [first, `    veth ${tail(2)}`];
}

function statsLines(dev: Device, opts: Opts): string[] {
  if (opts.stats === 0) return [];
  const s = dev.info.stats;
  const row = (cols: number[]) => `    ${padStart(String(cols[0]), 10)} ${padStart(String(cols[1]), 7)} ${padStart(String(cols[2]), 6)} ${cols.slice(3).map((c) => padStart(String(c), 7)).join(' ')} `;
  return [
    '    RX:  bytes packets errors dropped  missed   mcast           ',
    row([s.rxBytes, s.rxPackets, 0, 0, 0, 0]),
    '    TX:  bytes packets errors dropped carrier collsns           ',
    row([s.txBytes, s.txPackets, 0, 0, 0, 0]),
  ];
}

/** One device's `ip link` block: header, link layer (+ netns, details), stats. */
function linkBlock(view: NetnsView, dev: Device, opts: Opts, withMode: boolean): string[] {
  const details = opts.details ? detailLines(view, dev) : [];
  const second = `    ${linkLayer(dev.info, opts)}${linkNetns(dev, opts)}${details[0] ?? ''}`;
  return [linkHeader(view, dev, withMode, opts), second, ...details.slice(1), ...statsLines(dev, opts)];
}

/** iproute2's oneline mode joins a block's lines with a backslash. */
function emit(blocks: string[][], opts: Opts): string {
  return blocks.map((lines) => (opts.oneline ? `${lines.join('\\')}\n` : lines.map((l) => `${l}\n`).join(''))).join('');
}

/** The link-layer line: its addresses in the MAC colour. */
function linkLayer(info: Device['info'], opts: Opts): string {
  const [kind, address, broadcast] = info.kind === 'loopback' ? ['loopback', '00:00:00:00:00:00', '00:00:00:00:00:00'] : ['ether', info.mac, 'ff:ff:ff:ff:ff:ff'];
  return `link/${kind} ${paint(opts.color, 'mac', address)} brd ${paint(opts.color, 'mac', broadcast)}`;
}

/** The name and state columns of -brief (print_linkinfo_brief: `%-16s `, `%-14s `, each painted with its padding). */
function briefColumns(view: NetnsView, dev: Device, opts: Opts): string {
  return `${paint(opts.color, 'ifname', `${padEnd(nameAndLink(view, dev).name, 16)} `)}${paint(opts.color, operStateAttr(dev.operstate), `${padEnd(dev.operstate, 14)} `)}`;
}

// ---- ip link ------------------------------------------------------------------------

function linkCmd(view: NetnsView, ctx: CommandContext, args: string[], opts: Opts): CommandOutput {
  const [verb, ...rest] = args;
  if (verb === undefined || matches(verb, 'show') || matches(verb, 'list') || verb === 'lst') {
    const filter = parseShow(verb === undefined ? [] : rest, 'link');
    if ('exitCode' in filter) return filter;
    const list = selectDevices(view, filter);
    if ('exitCode' in list) return list;
    if (opts.brief) {
      return ok(list.map((d) => {
        const { mdown } = nameAndLink(view, d);
        return `${briefColumns(view, d, opts)}${paint(opts.color, 'mac', `${d.info.kind === 'loopback' ? '00:00:00:00:00:00' : d.info.mac} `)}${flagList(d, mdown)} \n`;
      }).join(''));
    }
    return ok(emit(list.map((d) => linkBlock(view, d, opts, true)), opts));
  }
  if (verb === 'set') return linkSet(ctx, rest);
  if (verb === 'add') return linkAdd(ctx, rest);
  if (matches(verb, 'delete')) return linkDel(ctx, rest);
  if (matches(verb, 'help')) return fail('Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n', 255);
  return fail(`Command "${verb}" is unknown, try "ip link help".\n`, 255);
}

/** Runs kernel calls; a KernelError becomes iproute2's message (exit 2 for netlink answers, 1 for a missing device). */
function change(run: () => void): CommandOutput {
  try {
    run();
    return ok();
  } catch (e) {
    if (e instanceof KernelError) return fail(`${e.message}\n`, /^(Cannot find device|Error: (argument|any valid|inet address))/.test(e.message) ? 1 : 2);
    throw e;
  }
}

function linkSet(ctx: CommandContext, args: string[]): CommandOutput {
  let dev: string | undefined;
  const steps: ((k: KernelApi) => void)[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    const needs = (): string | undefined => (next === undefined ? undefined : (i++, next));
    switch (a) {
      case 'up':
      case 'down':
        steps.push((k) => k.setLinkUp(ctx.netns, dev!, a === 'up'));
        break;
      case 'master': {
        const br = needs();
        if (br === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
        if (!ctx.kernel.netns(ctx.netns)?.link(br)) return fail(`Error: argument "${br}" is wrong: Device does not exist\n\n`, 255);
        steps.push((k) => k.setMaster(ctx.netns, dev!, br));
        break;
      }
      case 'nomaster':
        steps.push((k) => k.setMaster(ctx.netns, dev!, undefined));
        break;
      case 'mtu': {
        const v = needs();
        if (v === undefined || !/^\d+$/.test(v)) return fail(`Error: argument "${v ?? ''}" is wrong: Invalid "mtu" value\n\n`, 255);
        steps.push((k) => k.setMtu(ctx.netns, dev!, Number(v)));
        break;
      }
      case 'address': {
        const v = needs();
        if (v === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
        steps.push((k) => k.setMac(ctx.netns, dev!, v));
        break;
      }
      case 'name': {
        const v = needs();
        if (v === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
        steps.push((k) => k.renameLink(ctx.netns, dev!, v));
        break;
      }
      case 'netns': {
        const v = needs();
        if (v === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
        steps.push((k) => {
          if (!k.netns(v)) throw new KernelError('ENOENT', `Cannot find netns "${v}"`);
          k.moveLink(ctx.netns, dev!, v);
        });
        break;
      }
      case 'dev':
        dev = needs();
        break;
      default:
        if (dev !== undefined) return fail(`Error: either "dev" is duplicate, or "${a}" is a garbage.\n`, 255);
        dev = a;
    }
  }
  if (dev === undefined) return fail('Not enough information: "dev" argument is required.\n', 255);
  if (!ctx.kernel.netns(ctx.netns)?.link(dev)) return fail(`Cannot find device "${dev}"\n`, 1);
  return change(() => steps.forEach((s) => s(ctx.kernel)));
}

function linkAdd(ctx: CommandContext, args: string[]): CommandOutput {
  let name: string | undefined;
  let type: string | undefined;
  let peer: string | undefined;
  let peerNs: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'name' || a === 'dev') name = args[++i];
    else if (a === 'type') {
      type = args[++i];
      const rest = args.slice(i + 1);
      if (type === 'veth' && rest[0] === 'peer') {
        for (let j = 1; j < rest.length; j++) {
          if (rest[j] === 'name') peer = rest[++j];
          else if (rest[j] === 'netns') peerNs = rest[++j];
          else peer = rest[j];
        }
      }
      break;
    } else name = a;
  }
  if (name === undefined) return fail('Not enough information: "dev" argument is required.\n', 2);
  if (type === 'bridge') return change(() => ctx.kernel.addBridge(ctx.netns, name));
  if (type === 'veth') {
    const peerName = peer ?? nextVethName(ctx);
    return change(() => ctx.kernel.addVeth(ctx.netns, name, peerName, peerNs));
  }
  if (type === undefined) return fail('Not enough information: "type" argument is required\n', 2);
  return fail(`Error: Unknown device type.\n`, 2);
}

/** The kernel's name for an unnamed veth peer: the lowest free vethN. */
function nextVethName(ctx: CommandContext): string {
  const view = ctx.kernel.netns(ctx.netns);
  let n = 0;
  while (view?.link(`veth${n}`)) n++;
  return `veth${n}`;
}

function linkDel(ctx: CommandContext, args: string[]): CommandOutput {
  const name = args[0] === 'dev' ? args[1] : args[0];
  if (name === undefined) return fail('Not enough information: "dev" argument is required.\n', 255);
  if (!ctx.kernel.netns(ctx.netns)?.link(name)) return fail(`Cannot find device "${name}"\n`, 1);
  return change(() => ctx.kernel.deleteLink(ctx.netns, name));
}

// ---- ip address ---------------------------------------------------------------------

function addressCmd(view: NetnsView, ctx: CommandContext, args: string[], opts: Opts): CommandOutput {
  const [verb, ...rest] = args;
  if (verb === undefined || matches(verb, 'show') || matches(verb, 'list') || verb === 'lst') {
    const filter = parseShow(verb === undefined ? [] : rest, 'address');
    if ('exitCode' in filter) return filter;
    const list = selectDevices(view, filter);
    if ('exitCode' in list) return list;
    return ok(showAddresses(view, list, opts, filter.dev !== undefined));
  }
  if (verb === 'add' || matches(verb, 'delete')) return addrChange(ctx, verb === 'add', rest);
  return fail(`Command "${verb}" is unknown, try "ip address help".\n`, 255);
}

function showAddresses(view: NetnsView, list: Device[], opts: Opts, named = false): string {
  const out: string[] = [];
  const local = (family: ColorAttr, text: string) => paint(opts.color, family, text);
  for (const dev of list) {
    const { v4, v6 } = addressesOf(view, dev.info.name);
    const lines4 = opts.family === 6 ? [] : v4;
    const lines6 = opts.family === 4 ? [] : v6;
    if (opts.family !== undefined && lines4.length + lines6.length === 0) continue;
    if (opts.brief) {
      const addrs = [...lines4.map((a) => `${local('inet', a.address)}/${a.prefixLen} `), ...lines6.map((a) => `${local('inet6', a.address)}/${a.prefixLen} `)];
      out.push(`${briefColumns(view, dev, opts)}${addrs.join('')}\n`);
      continue;
    }
    const valid = '       valid_lft forever preferred_lft forever';
    // print_addrinfo paints the local address (`%s`) and the broadcast with its space (`%s `).
    const inet = lines4.map((a) => `    inet ${local('inet', a.address)}/${a.prefixLen} ${a.broadcast ? `brd ${local('inet', `${a.broadcast} `)}` : ''}scope ${a.scope} ${a.ifname}`);
    const inet6 = lines6.map((a) => `    inet6 ${local('inet6', a.address)}/${a.prefixLen} scope ${a.scope} ${a.nodad ? 'nodad ' : ''}`);
    if (opts.oneline) {
      const prefix = `${dev.info.ifindex}: ${dev.info.name}`;
      for (const l of [...inet, ...inet6]) out.push(`${prefix}${l}\\${valid}\n`);
      continue;
    }
    // With -6 the header comes from the IPv6 dump, unless a device was named (then from its link).
    const head = opts.family === 6 && !named ? ipv6Header(view, dev, opts) : [linkHeader(view, dev, false, opts)];
    const block = [...head];
    if (opts.family === undefined) block.push(`    ${linkLayer(dev.info, opts)}${linkNetns(dev, opts)}`);
    for (const l of [...inet, ...inet6]) block.push(l, valid);
    if (opts.stats) block.push(...statsLines(dev, opts));
    out.push(block.map((l) => `${l}\n`).join(''));
  }
  return out.join('');
}

/** With -6 the link line comes from the IPv6 dump, which has no qdisc or group. */
function ipv6Header(view: NetnsView, dev: Device, opts: Opts): string[] {
  let { name, mdown } = nameAndLink(view, dev);
  // That dump carries no link-netnsid, so iproute2 looks the peer's ifindex up here (a veth shows `@eth0`).
  if (dev.iflink !== undefined && dev.linkNetnsid !== undefined) {
    name = `${dev.info.name}@${byIndex(view, dev.iflink)?.name ?? `if${dev.iflink}`}`;
    mdown = false;
  }
  const i = dev.info;
  const state = paint(opts.color, operStateAttr(dev.operstate), `${dev.operstate} `);
  return [`${i.ifindex}: ${paint(opts.color, 'ifname', `${name}: `)}${flagList(dev, mdown)} mtu ${i.mtu} state ${state}${i.txqlen ? `qlen ${i.txqlen}` : ''}`];
}

function addrChange(ctx: CommandContext, add: boolean, args: string[]): CommandOutput {
  let cidr: string | undefined;
  let dev: string | undefined;
  let broadcast = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'dev') dev = args[++i];
    else if (a === 'brd' || a === 'broadcast') broadcast = args[++i] === '+' || broadcast;
    else if (a === 'local') cidr = args[++i];
    else if (a === 'label' || a === 'scope') i++;
    else cidr = a;
  }
  if (dev === undefined) return fail('Not enough information: "dev" argument is required.\n', 2);
  if (cidr === undefined) return fail('Not enough information: "local" argument is required.\n', 2);
  if (!ctx.kernel.netns(ctx.netns)?.link(dev)) return fail(`Cannot find device "${dev}"\n`, 1);
  if (!/^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(cidr)) return fail(`Error: any valid prefix is expected rather than "${cidr}".\n`, 1);
  const withLen = cidr.includes('/') ? cidr : `${cidr}/32`;
  return change(() => (add ? ctx.kernel.addAddress(ctx.netns, dev, withLen, { broadcast }) : ctx.kernel.deleteAddress(ctx.netns, dev, withLen)));
}

// ---- ip route -----------------------------------------------------------------------

export function routeLine(r: RouteInfo, omitDev: boolean): string {
  let line = `${r.dst} `;
  if (r.via) line += `via ${r.via} `;
  if (!omitDev) line += `dev ${r.dev} `;
  if (r.proto && r.proto !== 'boot') line += `proto ${r.proto} `;
  if (r.scope && r.scope !== 'global') line += `scope ${r.scope} `;
  if (r.src) line += `src ${r.src} `;
  if (r.metric) line += `metric ${r.metric} `;
  if (r.linkdown) line += 'linkdown ';
  return line;
}

/** iproute2's line for an IPv6 route of the main table. */
function route6Line(r: Route6Info, omitDev: boolean): string {
  let line = `${r.dst} `;
  if (r.via) line += `via ${r.via} `;
  if (!omitDev) line += `dev ${r.dev} `;
  if (r.proto) line += `proto ${r.proto} `;
  line += `metric ${r.metric} `;
  if (r.linkdown) line += 'linkdown ';
  return `${line}pref medium`;
}

function routeCmd(view: NetnsView, ctx: CommandContext, args: string[], opts: Opts): CommandOutput {
  const [verb, ...rest] = args;
  if (verb === undefined || matches(verb, 'show') || matches(verb, 'list')) {
    let dev: string | undefined;
    const words = verb === undefined ? [] : rest;
    for (let i = 0; i < words.length; i++) {
      if (words[i] === 'dev' || words[i] === 'oif') dev = words[++i];
    }
    if (dev !== undefined && !view.link(dev)) return fail(`Cannot find device "${dev}"\n`, 1);
    if (opts.family === 6) {
      const routes6 = view.routes6().filter((r) => !r.multicast && (dev === undefined || r.dev === dev));
      return ok(routes6.map((r) => `${route6Line(r, dev !== undefined)}\n`).join(''));
    }
    const routes = view.routes().filter((r) => dev === undefined || r.dev === dev);
    return ok(routes.map((r) => `${routeLine(r, dev !== undefined)}\n`).join(''));
  }
  if (matches(verb, 'get')) return routeGet(view, rest);
  if (verb === 'add' || matches(verb, 'delete') || verb === 'replace') return routeChange(ctx, verb === 'add' || verb === 'replace', rest);
  return fail(`Command "${verb}" is unknown, try "ip route help".\n`, 255);
}

function routeGet(view: NetnsView, args: string[]): CommandOutput {
  const dst = args.find((a, i) => !['from', 'iif', 'oif', 'dev', 'to'].includes(a) && !['from', 'iif', 'oif', 'dev'].includes(args[i - 1] ?? ''));
  if (dst === undefined) return fail('need at least a destination address\n', 1);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(dst) || dst.split('.').some((o) => Number(o) > 255)) {
    return fail(`Error: any valid prefix is expected rather than "${dst}".\n`, 1);
  }
  const r = view.routeGet(dst);
  if (!r) return fail('RTNETLINK answers: Network is unreachable\n', 2);
  const type = r.type === 'unicast' ? '' : `${r.type} `;
  const cache = r.type === 'local' ? 'cache <local> ' : r.type === 'broadcast' ? 'cache <local,brd> ' : 'cache ';
  return ok(`${type}${r.dst} ${r.via ? `via ${r.via} ` : ''}dev ${r.dev} ${r.src ? `src ${r.src} ` : ''}uid 0 \n    ${cache}\n`);
}

function routeChange(ctx: CommandContext, add: boolean, args: string[]): CommandOutput {
  const spec: { dst?: string; via?: string; dev?: string; src?: string; metric?: number } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = args[i + 1];
    if (a === 'via' || a === 'dev' || a === 'src' || a === 'metric') {
      if (v === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
      i++;
      if (a === 'via' && !/^\d+\.\d+\.\d+\.\d+$/.test(v)) return fail(`Error: inet address is expected rather than "${v}".\n`, 1);
      if (a === 'metric') spec.metric = Number(v);
      else spec[a] = v;
    } else if (a === 'proto' || a === 'scope' || a === 'table') {
      i++;
    } else if (a !== 'to') {
      spec.dst = a;
    }
  }
  if (spec.dst === undefined) return fail('Command line is not complete. Try option "help"\n', 255);
  if (spec.dst !== 'default' && !/^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(spec.dst)) return fail(`Error: any valid prefix is expected rather than "${spec.dst}".\n`, 1);
  if (spec.dev !== undefined && !ctx.kernel.netns(ctx.netns)?.link(spec.dev)) return fail(`Cannot find device "${spec.dev}"\n`, 1);
  const route = { dst: spec.dst, ...spec };
  return change(() => (add ? ctx.kernel.addRoute(ctx.netns, route) : ctx.kernel.deleteRoute(ctx.netns, route)));
}

// ---- ip neigh -----------------------------------------------------------------------

function neighCmd(view: NetnsView, args: string[]): CommandOutput {
  const [verb, ...rest] = args;
  if (verb !== undefined && !matches(verb, 'show') && !matches(verb, 'list')) {
    return fail(`Command "${verb}" is unknown, try "ip neigh help".\n`, 255);
  }
  let dev: string | undefined;
  const words = verb === undefined ? [] : rest;
  for (let i = 0; i < words.length; i++) if (words[i] === 'dev') dev = words[++i];
  if (dev !== undefined && !view.link(dev)) return fail(`Cannot find device "${dev}"\n`, 1);
  const lines = view
    .neighbours()
    .filter((n) => dev === undefined || n.ifname === dev)
    .map((n) => `${n.address} ${dev === undefined ? `dev ${n.ifname} ` : ''}${n.mac ? `lladdr ${n.mac} ` : ''}${n.router ? 'router ' : ''}${n.state} \n`);
  return ok(lines.join(''));
}
