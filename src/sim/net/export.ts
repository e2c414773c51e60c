/**
 * "Reproduce this on a Linux machine": renders the simulated world as a POSIX
 * shell script of real commands (iproute2, sysctl, iptables-restore) that
 * rebuilds the same namespaces, links, addresses, routes, sysctls and rules
 * with the real kernel. The kernel differential (test/kernel) runs these
 * scripts and compares real probes with the model's; users copy them.
 *
 * Pure: it reads the world only through KernelApi and returns text. Every
 * namespace name gets `prefix` in front, so a script never touches the
 * machine's own namespace or anyone else's. Interface names are kept as they
 * are; ifindexes are not reproduced (the real kernel numbers links itself).
 */
import type { AddressInfo, KernelApi, LinkInfo, NetnsView, RouteInfo } from './api.ts';

export interface ExportOptions {
  /** Put in front of every namespace name: `vl-` turns `host` into `vl-host`. */
  prefix: string;
  /** The real name of a simulated namespace, before the prefix (default: its name as it is). */
  rename?: (name: string) => string;
}

/** Sysctls written namespace-wide, before any link exists, so new devices inherit them. */
const NETNS_SYSCTLS = ['net.ipv4.ip_forward', 'net.bridge.bridge-nf-call-iptables'] as const;
/** The same for a world with IPv6 (dockerd sets them with its first IPv6 network). */
const NETNS_SYSCTLS6 = ['net.ipv6.conf.all.forwarding', 'net.bridge.bridge-nf-call-ip6tables'] as const;
/**
 * Per-device keys (`net.ipv4.conf.X.KEY`) copied when they differ from the kernel's
 * default 0. `forwarding` is left out: the kernel derives it from ip_forward.
 */
const CONF_KEYS = ['rp_filter', 'route_localnet', 'arp_ignore', 'accept_local'] as const;
const HEREDOC = 'VETHLAB_RULES';
const HEREDOC6 = 'VETHLAB_RULES6';
const IP_BATCH = 'VETHLAB_IP';
/** `ip -n NS ARGS` with ARGS an ip command (not an option such as -6): what a batch can hold. */
const IP_IN_NS = /^ip -n (\S+) ([a-z]\S* .*)$/;

/**
 * Runs of two or more `ip -n NS ...` lines for one namespace become one `ip -n NS
 * -batch -` reading them from a here-document: one process instead of one per line
 * (a world of seven namespaces goes from about 95 ip processes to about 30).
 */
function batchIpRuns(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const ns = IP_IN_NS.exec(lines[i]!)?.[1];
    let end = i + 1;
    while (ns !== undefined && end < lines.length && IP_IN_NS.exec(lines[end]!)?.[1] === ns) end++;
    if (ns === undefined || end - i < 2) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    out.push(`${cmd('ip', '-n', ns, '-batch', '-')} <<'${IP_BATCH}'`, ...lines.slice(i, end).map((l) => IP_IN_NS.exec(l)![2]!), IP_BATCH);
    i = end;
  }
  return out;
}
const SAFE_WORD = /^[A-Za-z0-9_.:/@%+=,-]+$/;

/** Quotes a word for sh when it needs it. */
export function shellQuote(word: string): string {
  if (word !== '' && SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function cmd(...words: string[]): string {
  return words.map(shellQuote).join(' ');
}

/** `sysctl` key for a device setting: a device name with a dot needs the slash form. */
function confKey(ifname: string, key: string, family: 'ipv4' | 'ipv6' = 'ipv4'): string {
  return ifname.includes('.') ? `net/${family}/conf/${ifname}/${key}` : `net.${family}.conf.${ifname}.${key}`;
}

/**
 * Whether the world has IPv6 beyond what every kernel configures by itself (lo's ::1,
 * link-local fe80:: addresses): a global address somewhere. Only then does the script
 * set IPv6 addresses, routes, sysctls and ip6tables rules, and need ip6tables-restore.
 */
export function worldHasIPv6(kernel: KernelApi): boolean {
  return kernel.namespaces().some((ns) => ns.addresses6().some((a) => a.scope === 'global'));
}

const DEFAULT_MTU: Record<LinkInfo['kind'], number> = { loopback: 65536, veth: 1500, bridge: 1500 };

function isDefaultLoopbackAddress(a: AddressInfo): boolean {
  return a.address === '127.0.0.1' && a.prefixLen === 8;
}

/** The scope `ip addr add` picks by itself: host for 127/8, global otherwise. */
function defaultAddressScope(a: AddressInfo): AddressInfo['scope'] {
  return a.address.startsWith('127.') ? 'host' : 'global';
}

/** The scope `ip route add` picks by itself: link without a gateway, global with one. */
function defaultRouteScope(r: RouteInfo): RouteInfo['scope'] {
  return r.via === undefined ? 'link' : 'global';
}

function sortedNamespaces(kernel: KernelApi): NetnsView[] {
  return [...kernel.namespaces()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One veth pair is created once, from the end that sorts first. */
function vethOwner(ns: NetnsView, link: LinkInfo): boolean {
  const peer = link.peer;
  if (!peer) return true;
  if (peer.netns !== ns.name) return ns.name < peer.netns;
  return link.name < peer.name;
}

/** The real names of the world's namespaces, prefix included, in the order the script creates them. */
export function exportedNamespaceNames(kernel: KernelApi, opts: ExportOptions): string[] {
  return sortedNamespaces(kernel).map((ns) => `${opts.prefix}${opts.rename ? opts.rename(ns.name) : ns.name}`);
}

export function exportShellScript(kernel: KernelApi, opts: ExportOptions): string {
  const { prefix } = opts;
  const out = [
    '#!/bin/sh',
    '# Rebuilds a vethlab world with the real Linux kernel. Run it as root on a',
    '# machine with iproute2 and iptables (nf_tables or legacy). It only creates',
    `# network namespaces whose names start with "${prefix}"; the machine's own`,
    '# interfaces and rules are never touched.',
    '#',
    '# Enter a namespace with:  ip netns exec NAME sh',
    '# Remove everything with the commands at the end of this script.',
    'set -e',
    ...worldCommands(kernel, opts),
    '',
    '# --- clean up afterwards with ---',
    ...exportedNamespaceNames(kernel, opts).map((name) => `#   ${cmd('ip', 'netns', 'del', name)}`),
  ];
  return `${out.join('\n')}\n`;
}

/**
 * The commands that build the world, section by section (each opening with a
 * blank line and a `# --- title ---` comment), without a header or a clean-up:
 * for scripts that wrap them (src/scenario/export/linux.ts).
 */
export function worldCommands(kernel: KernelApi, opts: ExportOptions): string[] {
  const { prefix, rename } = opts;
  const nsName = (name: string) => `${prefix}${rename ? rename(name) : name}`;
  const spaces = sortedNamespaces(kernel);
  const out: string[] = [];
  const section = (title: string) => out.push('', `# --- ${title} ---`);
  const inNs = (ns: NetnsView, ...words: string[]) => cmd('ip', '-n', nsName(ns.name), ...words);
  const execIn = (ns: NetnsView, ...words: string[]) => cmd('ip', 'netns', 'exec', nsName(ns.name), ...words);

  const ipv6 = worldHasIPv6(kernel);

  section('network namespaces');
  for (const ns of spaces) out.push(cmd('ip', 'netns', 'add', nsName(ns.name)));

  const bridged = spaces.some((ns) => ns.links().some((l) => l.kind === 'bridge'));
  section('namespace-wide sysctls (before links exist, so new devices inherit them)');
  if (bridged) {
    out.push('# bridge-nf-call-iptables exists once the br_netfilter module is loaded.');
    out.push('modprobe br_netfilter 2>/dev/null || true');
  }
  // One sysctl per namespace: entering a namespace costs a process and a mount namespace.
  for (const ns of spaces) {
    const settings: string[] = [];
    for (const key of ipv6 ? [...NETNS_SYSCTLS, ...NETNS_SYSCTLS6] : NETNS_SYSCTLS) {
      const value = ns.sysctl(key);
      if (value !== undefined) settings.push(`${key}=${value}`);
    }
    for (const scope of ['all', 'default']) {
      for (const key of CONF_KEYS) {
        const value = ns.sysctl(`net.ipv4.conf.${scope}.${key}`);
        // rp_filter always: distributions change its default, and it decides asymmetric paths.
        if (value === undefined || (value === '0' && key !== 'rp_filter')) continue;
        settings.push(`${confKey(scope, key)}=${value}`);
      }
    }
    if (settings.length > 0) out.push(execIn(ns, 'sysctl', '-qw', ...settings));
  }

  section('bridges');
  for (const ns of spaces) {
    for (const link of ns.links()) {
      if (link.kind === 'bridge') out.push(inNs(ns, 'link', 'add', link.name, 'type', 'bridge'));
    }
  }

  section('veth pairs (each end created directly in its namespace, with its final name)');
  for (const ns of spaces) {
    for (const link of ns.links()) {
      if (link.kind !== 'veth' || !vethOwner(ns, link)) continue;
      if (!link.peer) {
        out.push(`# ${nsName(ns.name)} ${link.name}: veth without a peer, skipped`);
        continue;
      }
      const words = ['link', 'add', link.name, 'type', 'veth', 'peer', 'name', link.peer.name];
      if (link.peer.netns !== ns.name) words.push('netns', nsName(link.peer.netns));
      out.push(inNs(ns, ...words));
    }
  }

  section('per-device sysctls');
  for (const ns of spaces) {
    const settings: string[] = [];
    for (const link of ns.links()) {
      for (const key of CONF_KEYS) {
        const value = ns.sysctl(`net.ipv4.conf.${link.name}.${key}`);
        const dflt = ns.sysctl(`net.ipv4.conf.default.${key}`) ?? '0';
        if (value === undefined || value === dflt) continue;
        settings.push(`${confKey(link.name, key)}=${value}`);
      }
      // Docker turns IPv6 off on a container's interface on a network without it: no link-local address.
      if (ns.sysctl(`net.ipv6.conf.${link.name}.disable_ipv6`) === '1') settings.push(`${confKey(link.name, 'disable_ipv6', 'ipv6')}=1`);
    }
    if (settings.length > 0) out.push(execIn(ns, 'sysctl', '-qw', ...settings));
  }

  // Everything else happens inside one namespace at a time, so each gets one ip batch.
  section('each namespace: MACs and MTUs as simulated, bridge ports, addresses (before links go up), links up, routes');
  for (const ns of spaces) {
    const lo = ns.links().find((l) => l.kind === 'loopback');
    if (lo?.up && !ns.addresses().some((a) => a.ifname === lo.name && isDefaultLoopbackAddress(a))) {
      out.push(`# ${nsName(ns.name)}: the kernel gives lo 127.0.0.1/8 when it goes up without an address.`);
    }
    for (const link of ns.links()) {
      if (link.kind === 'loopback') continue;
      const words = ['link', 'set', 'dev', link.name, 'address', link.mac];
      if (link.mtu !== DEFAULT_MTU[link.kind]) words.push('mtu', String(link.mtu));
      out.push(inNs(ns, ...words));
    }
    for (const link of ns.links()) {
      if (link.master !== undefined) out.push(inNs(ns, 'link', 'set', 'dev', link.name, 'master', link.master));
    }
    for (const a of ns.addresses()) {
      const words = ['addr', 'add', `${a.address}/${a.prefixLen}`];
      if (a.broadcast !== undefined) words.push('broadcast', a.broadcast);
      if (a.scope !== defaultAddressScope(a)) words.push('scope', a.scope);
      words.push('dev', a.ifname);
      out.push(inNs(ns, ...words));
    }
    // Global IPv6 addresses only: the kernel makes lo's ::1 and each device's EUI-64 fe80:: from its MAC.
    // ip tells the family from the address, so these need no -6 (and fit in a batch).
    for (const a of ns.addresses6()) {
      if (a.scope !== 'global') continue;
      out.push(inNs(ns, 'addr', 'add', `${a.address}/${a.prefixLen}`, 'dev', a.ifname, ...(a.nodad ? ['nodad'] : [])));
    }
    for (const link of ns.links()) {
      if (link.up) out.push(inNs(ns, 'link', 'set', 'dev', link.name, 'up'));
    }
    for (const r of ns.routes()) {
      if (r.proto === 'kernel') continue;
      const words = ['route', 'add', r.dst];
      if (r.via !== undefined) words.push('via', r.via);
      words.push('dev', r.dev);
      if (r.src !== undefined) words.push('src', r.src);
      if (r.metric !== undefined && r.metric !== 0) words.push('metric', String(r.metric));
      if (r.scope !== undefined && r.scope !== defaultRouteScope(r)) words.push('scope', r.scope);
      if (r.proto === 'static') words.push('proto', 'static');
      out.push(inNs(ns, ...words));
    }
    for (const r of ns.routes6()) {
      if (r.proto === 'kernel' || r.multicast) continue;
      // `::/0`, not `default`: the IPv6 default route whatever family ip would assume.
      out.push(inNs(ns, 'route', 'add', r.dst === 'default' ? '::/0' : r.dst, ...(r.via !== undefined ? ['via', r.via] : []), 'dev', r.dev, 'metric', String(r.metric)));
    }
  }

  const permanent = spaces.flatMap((ns) =>
    ns.neighbours().filter((n) => n.state === 'PERMANENT' && n.mac !== undefined).map((n) => ({ ns, n })),
  );
  if (permanent.length > 0) {
    section('static neighbours');
    for (const { ns, n } of permanent) {
      out.push(inNs(ns, 'neigh', 'add', n.address, 'lladdr', n.mac ?? '', 'dev', n.ifname, 'nud', 'permanent'));
    }
  }

  // Each namespace's rules as its *tables-save prints them, restored from a here-document.
  const rulesOf = (family: 4 | 6): void => {
    const [tool, heredoc] = family === 4 ? ['iptables', HEREDOC] : ['ip6tables', HEREDOC6];
    section(`${tool} rules (${tool}-save text of each namespace)`);
    for (const ns of spaces) {
      const saved = ns.netfilter.save([], family, kernel.now);
      const text = saved.exitCode === 0 ? saved.stdout : '';
      if (text.trim() === '') {
        out.push(`# ${nsName(ns.name)}: no rules`);
        continue;
      }
      out.push(`${execIn(ns, `${tool}-restore`)} <<'${heredoc}'`);
      out.push(...text.replace(/\n+$/, '').split('\n'));
      out.push(heredoc);
    }
  };
  rulesOf(4);
  if (ipv6) rulesOf(6);

  const sockets = spaces.flatMap((ns) => ns.sockets().map((s) => ({ ns, s })));
  section('listening sockets (not created by this script: start your own servers)');
  if (sockets.length === 0) out.push('# none');
  for (const { ns, s } of sockets) {
    out.push(`# ${nsName(ns.name)}: ${s.proto} ${s.address}:${s.port} (${s.process})`);
  }
  return batchIpRuns(out);
}
