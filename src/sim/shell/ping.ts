/**
 * ping, in both userlands: iputils (Debian hosts, lan, gw) and busybox (inside
 * containers; `ping6` is busybox's ping with -6), over IPv4 or IPv6 (ICMPv6 echo).
 * Each echo request is one probe through the kernel model; the text
 * reads the Trace: a reply, an ICMP error (iputils prints it, busybox ignores it),
 * silence, or a send error. Times come from the hop count, so they are
 * deterministic (transcripts normalize them anyway).
 */
import { appletUsage } from './busybox-help.ts';
import { getopt, getoptMessage, isGetoptError } from './getopt.ts';
import { formatAddr, parseAddr, parseIPv6 } from '../netfilter/addr.ts';
import { parseIPv4 } from '../netfilter/inet.ts';
import type { Probe, Trace } from '../net/trace.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail } from './types.ts';

/** Turns a host name into an address the way the namespace's resolver would; undefined: unknown name. */
export type Resolver = (name: string, ctx: CommandContext) => string | undefined;

interface PingOptions {
  count: number;
  target: string;
  /** -4 / -6 as given (the last one wins). */
  family?: 4 | 6;
  /** -q: only the first line and the statistics. */
  quiet: boolean;
  /** -s: data bytes after the 8-byte ICMP header (56: an 84-byte IP packet). */
  size: number;
  /** -t: the request's TTL; undefined keeps the kernel's 64 (busybox also for values setsockopt refuses). */
  ttl?: number;
  /** busybox -I: a source address (`from ADDR` in the first line) or an interface name. */
  source?: string;
  /** busybox -w: seconds until ping stops sending and exits. */
  deadline?: number;
  /** -i: seconds between requests (only timing: what the deadline lets through). */
  interval: number;
}

/** busybox's xatou_range message, or its "invalid number" for what is not a number. */
function busyboxNumber(text: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(text)) return `ping: invalid number '${text}'\n`;
  const n = Number(text);
  return n < min || n > max ? `ping: number ${text} is not in ${min}..${max} range\n` : n;
}

/** iputils ping's usage, after its `ping: invalid option -- 'x'` line (exit 2). */
const IPUTILS_USAGE = "\nUsage\n  ping [options] <destination>\n\nOptions:\n  <destination>      dns name or ip address\n  -a                 use audible ping\n  -A                 use adaptive ping\n  -B                 sticky source address\n  -c <count>         stop after <count> replies\n  -C                 call connect() syscall on socket creation\n  -D                 print timestamps\n  -d                 use SO_DEBUG socket option\n  -e <identifier>    define identifier for ping session, default is random for\n                     SOCK_RAW and kernel defined for SOCK_DGRAM\n                     Imply using SOCK_RAW (for IPv4 only for identifier 0)\n  -f                 flood ping\n  -h                 print help and exit\n  -I <interface>     either interface name or address\n  -i <interval>      seconds between sending each packet\n  -L                 suppress loopback of multicast packets\n  -l <preload>       send <preload> number of packages while waiting replies\n  -m <mark>          tag the packets going out\n  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>\n  -n                 no dns name resolution\n  -O                 report outstanding replies\n  -p <pattern>       contents of padding byte\n  -q                 quiet output\n  -Q <tclass>        use quality of service <tclass> bits\n  -s <size>          use <size> as number of data bytes to be sent\n  -S <size>          use <size> as SO_SNDBUF socket option value\n  -t <ttl>           define time to live\n  -U                 print user-to-user latency\n  -v                 verbose output\n  -V                 print version and exit\n  -w <deadline>      reply wait <deadline> in seconds\n  -W <timeout>       time to wait for response\n\nIPv4 options:\n  -4                 use IPv4\n  -b                 allow pinging broadcast\n  -R                 record route\n  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>\n\nIPv6 options:\n  -6                 use IPv6\n  -F <flowlabel>     define flow label, default is random\n  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument\n\nFor more details see ping(8).\n";

/**
 * The options as each ping reads them (getopt: `-c1 -W1`, `-c 1`, clusters
 * like `-qc1`): the count, quiet output and the target; the rest (waits,
 * sizes, TTLs, interfaces) are taken and have no effect here.
 */
function parseArgs(argv: string[], flavour: 'iputils' | 'busybox'): PingOptions | CommandOutput {
  const busybox = flavour === 'busybox';
  const parsed = getopt(argv, busybox ? { flags: '46Aq', valued: 'csitIWwp' } : { flags: '46aAbBCdDfhLnOqrRUvV', valued: 'ceFiIlmMNpQsStTwW' });
  if (isGetoptError(parsed)) {
    const message = getoptMessage('ping', parsed);
    return busybox ? fail(message + appletUsage('ping'), 1) : fail(message + IPUTILS_USAGE, 2);
  }
  let count = 4;
  let quiet = false;
  let size = 56;
  let interval = 1;
  let ttl: number | undefined;
  let source: string | undefined;
  let deadline: number | undefined;
  let family: 4 | 6 | undefined;
  for (const [k, v] of parsed.options) {
    if (k === 'q') quiet = true;
    else if (k === '4' || k === '6') family = k === '4' ? 4 : 6;
    else if (k === 'c') {
      if (!/^\d+$/.test(v!)) return busybox ? fail(`ping: invalid number '${v}'\n`, 1) : fail(`ping: invalid argument: '${v}'\n`, 1);
      count = Number(v);
      if (count < 1) return busybox ? fail('vethlab: ping -c 0 would ping until interrupted\n', 1) : fail(`ping: invalid argument: '${v}': out of range: 1 <= value <= 9223372036854775807\n`, 1);
    } else if ((k === 'W' || k === 'w' || k === 'i') && !/^\d+(\.\d+)?$/.test(v!)) {
      if (busybox) return fail(`ping: invalid number '${v}'\n`, 1);
      if (k === 'W') return fail(`ping: bad linger time: ${v}\n`, 1);
      return fail(`ping: invalid argument: '${v}'\n`, 1);
    } else if (k === 's') {
      const n = busybox ? busyboxNumber(v!, 0, 65535) : !/^\d+$/.test(v!) ? `ping: invalid argument: '${v}'\n` : Number(v) <= 2147483647 ? Number(v) : `vethlab: ping -s ${v}: only 0..2147483647 is modelled\n`;
      if (typeof n === 'string') return fail(n, 1);
      size = n;
    } else if (k === 't') {
      const n = busybox ? busyboxNumber(v!, 0, 4294967295) : !/^\d+$/.test(v!) ? `ping: invalid argument: '${v}'\n` : Number(v) > 255 ? `ping: invalid argument: '${v}': out of range: 0 <= value <= 255\n` : Number(v);
      if (typeof n === 'string') return fail(n, 1);
      // iputils passes 0 to setsockopt, which refuses it.
      if (!busybox && n === 0) return fail('ping: cannot set unicast time-to-live: Invalid argument\n', 2);
      // busybox ignores setsockopt's refusal of 0 or more than 255: the kernel's 64 stays.
      ttl = n >= 1 && n <= 255 ? n : undefined;
    } else if (k === 'p' && busybox) {
      const n = /^[0-9a-fA-F]+$/.test(v!) ? parseInt(v!, 16) : NaN;
      if (Number.isNaN(n)) return fail(`ping: invalid number '${v}'\n`, 1);
      if (n > 255) return fail(`ping: number ${v} is not in 0..255 range\n`, 1);
    } else if (k === 'I' && busybox) source = v;
    else if (k === 'w' && busybox) deadline = Number(v);
    else if (k === 'i') interval = Number(v);
  }
  const target = parsed.operands[parsed.operands.length - 1];
  if (target === undefined) {
    return busybox ? fail(appletUsage('ping'), 1) : fail('ping: usage error: Destination address required\n', 1);
  }
  // -w without -c: as many requests as the deadline allows.
  if (deadline !== undefined && !parsed.options.some(([k]) => k === 'c')) count = Infinity;
  const opts: PingOptions = { count, target, quiet, size, interval };
  if (ttl !== undefined) opts.ttl = ttl;
  if (source !== undefined) opts.source = source;
  if (deadline !== undefined) opts.deadline = deadline;
  if (family !== undefined) opts.family = family;
  return opts;
}

/** 64 minus the routers on the way back. */
function replyTtl(trace: Trace): number {
  return 64 - trace.hops.filter((h) => h.leg === 'reply' && h.kind === 'route' && h.detail.startsWith('forward')).length;
}

function rtt(trace: Trace): number {
  return 0.04 + trace.hops.length * 0.004;
}

/**
 * The address a ping goes to and its family. busybox asks for a name's AAAA record
 * first (`resolve6`), so a name with one is pinged over IPv6 unless -4 is given;
 * -6 (and `ping6`) takes only IPv6, -4 only IPv4. A string is the error to print.
 */
function pingTarget(opts: PingOptions, flavour: 'iputils' | 'busybox', resolve: (name: string) => string | undefined, resolve6: (name: string) => string | undefined, applet: string): { ip: string; v6: boolean } | CommandOutput {
  const literal6 = opts.target.includes(':') && parseIPv6(opts.target) !== undefined;
  const literal4 = parseIPv4(opts.target) !== undefined;
  const badAddress = (): CommandOutput => (flavour === 'busybox' ? fail(`${applet}: bad address '${opts.target}'\n`, 1) : fail(`ping: ${opts.target}: Name or service not known\n`, 2));
  if (literal6 || literal4) {
    // A literal of the other family than -4/-6 asked for: getaddrinfo has no such address.
    if ((literal6 && opts.family === 4) || (literal4 && opts.family === 6)) {
      return flavour === 'busybox' ? badAddress() : fail(`ping: ${opts.target}: Address family for hostname not supported\n`, 2);
    }
    return { ip: opts.target, v6: literal6 };
  }
  if (opts.family !== 4) {
    const address6 = resolve6(opts.target);
    if (address6 !== undefined) return { ip: address6, v6: true };
    if (opts.family === 6) return badAddress();
  }
  const ip = resolve(opts.target);
  return ip === undefined ? badAddress() : { ip, v6: false };
}

/**
 * `applet` is the name busybox runs as: `ping6` pings over IPv6 unless -4 is given,
 * and its errors carry that name.
 */
export function pingCommand(flavour: 'iputils' | 'busybox', resolve: Resolver, resolve6: Resolver = () => undefined, applet: 'ping' | 'ping6' = 'ping'): Command {
  return (argv, ctx) => {
    const opts = parseArgs(argv, flavour);
    if ('exitCode' in opts) return opts;
    if (applet === 'ping6' && opts.family === undefined) opts.family = 6;
    const target = pingTarget(opts, flavour, (name) => resolve(name, ctx), (name) => resolve6(name, ctx), applet);
    if ('exitCode' in target) return target;
    const { ip, v6 } = target;
    let source: string | undefined;
    if (opts.source !== undefined && v6 && flavour === 'iputils') return fail('vethlab: ping -I over IPv6 (iputils) is not modelled yet\n', 2);
    // busybox -I: an interface binds to it; anything else is an address (or a host to resolve, in the target's family) to bind to.
    const ns = ctx.kernel.netns(ctx.netns);
    const iface = opts.source === undefined ? undefined : ns?.link(opts.source);
    if (opts.source !== undefined && flavour === 'busybox' && !iface) {
      source = (v6 ? opts.source.includes(':') && parseIPv6(opts.source) !== undefined : parseIPv4(opts.source) !== undefined) ? opts.source : v6 ? resolve6(opts.source, ctx) : resolve(opts.source, ctx);
      if (source === undefined) return fail(`${applet}: bad address '${opts.source}'\n`, 1);
    }
    // iputils words its first line differently over IPv6 (no total size).
    const first = flavour === 'busybox'
      ? `PING ${opts.target} (${ip})${source !== undefined ? ` from ${source}` : ''}: ${opts.size} data bytes\n`
      : v6 ? `PING ${opts.target}(${ip}) ${opts.size} data bytes\n` : `PING ${opts.target} (${ip}) ${opts.size}(${opts.size + 28}) bytes of data.\n`;
    // busybox prints its first line before it creates and binds the socket (ping.c's ping()), so errors follow it.
    if (iface && iface.name !== ns?.routeGet(ip)?.dev) {
      if (!v6) return fail(`vethlab: ping -I ${opts.source}: sending through an interface the route does not use is not modelled\n`, 1);
      // SO_BINDTODEVICE to a device no route of the destination uses (golden ipv6-traceroute: -I lo).
      return { stdout: first, stderr: `${applet}: sendto: Network is unreachable\n`, exitCode: 1 };
    }
    const local = (address: string) => (v6 ? ns?.addresses6() : ns?.addresses())?.some((a) => parseAddr(a.address) === parseAddr(address)) === true;
    if (source !== undefined && !local(source)) return { stdout: first, stderr: `${applet}: bind: Cannot assign requested address\n`, exitCode: 1 };
    const headers = v6 ? 48 : 28;
    // -w: requests go out every -i seconds until the deadline (busybox), or -c of them, whichever is first.
    const sends = opts.deadline === undefined ? opts.count : Math.min(opts.count, Math.max(1, Math.ceil(opts.deadline / opts.interval)));
    // Fewer than 4 data bytes leave no room for the send time: no time=, no round-trip line.
    const timed = opts.size >= (flavour === 'busybox' ? 4 : 16);
    const traces: Trace[] = [];
    const lines: string[] = [];
    const times: number[] = [];
    let errors = 0;
    for (let seq = 0; seq < sends; seq++) {
      // More than an IP packet holds (65535 - 28, or - 48 over IPv6): sendto fails and iputils counts the request as lost.
      if (opts.size > 65535 - headers) continue;
      const probe: Probe = { kind: 'icmp-echo', from: ctx.netns, dst: ip, size: opts.size + headers };
      if (opts.ttl !== undefined) probe.ttl = opts.ttl;
      if (source !== undefined) probe.src = source;
      // Every request of a run carries the first one's identifier: after it, conntrack sees ESTABLISHED.
      const icmpId = traces[0]?.hops[0]?.packet.icmpId;
      if (icmpId !== undefined) probe.icmpId = icmpId;
      const trace = ctx.kernel.probe(probe);
      traces.push(trace);
      const o = trace.outcome;
      if (o.kind === 'no-route' && o.leg === 'request' && o.netns === ctx.netns) {
        const message = flavour === 'busybox' ? `${applet}: sendto: Network is unreachable\n` : 'ping: connect: Network is unreachable\n';
        return { stdout: flavour === 'busybox' ? first : '', stderr: message, exitCode: flavour === 'busybox' ? 1 : 2, traces };
      }
      if (o.kind === 'replied') {
        const t = rtt(trace);
        if (timed) times.push(t);
        const time = timed ? ` time=${t.toFixed(3)} ms` : '';
        lines.push(flavour === 'busybox'
          ? `${opts.size + 8} bytes from ${ip}: seq=${seq} ttl=${replyTtl(trace)}${time}`
          : `${opts.size + 8} bytes from ${ip}: icmp_seq=${seq + 1} ttl=${replyTtl(trace)}${time}`);
      } else if (flavour === 'iputils' && (o.kind === 'no-neighbour' || o.kind === 'rejected' || o.kind === 'ttl-exceeded' || (o.kind === 'no-route' && o.leg === 'request'))) {
        // busybox ignores ICMP errors (a TTL that runs out shows only as loss); iputils prints them.
        errors++;
        lines.push(`From ${errorSource(trace)} icmp_seq=${seq + 1} ${v6 ? icmp6ErrorText(trace) : icmpErrorText(trace)}`);
      }
    }
    const received = traces.filter((t) => t.outcome.kind === 'replied').length;
    const loss = Math.round(((sends - received) / sends) * 100);
    let out: string;
    if (opts.quiet) lines.length = 0;
    if (flavour === 'busybox') {
      out = `${first}${lines.map((l) => `${l}\n`).join('')}\n--- ${opts.target} ping statistics ---\n${sends} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
      if (times.length > 0) out += `round-trip min/avg/max = ${stats(times).slice(0, 3).join('/')} ms\n`;
    } else {
      const errorPart = errors > 0 ? `, +${errors} errors` : '';
      out = `${first}${lines.map((l) => `${l}\n`).join('')}\n--- ${opts.target} ping statistics ---\n${sends} packets transmitted, ${received} received${errorPart}, ${loss}% packet loss, time ${(sends - 1) * 1000}ms\n`;
      out += times.length > 0 ? `rtt min/avg/max/mdev = ${stats(times).join('/')} ms\n` : '\n';
    }
    // busybox with a deadline fails when fewer than -c answers came (print_stats_and_exit).
    const short = flavour === 'busybox' && opts.deadline !== undefined && opts.count !== Infinity && received < opts.count;
    const exitCode = received > 0 && !short ? 0 : 1;
    return { stdout: out, stderr: '', exitCode, traces };
  };
}

function stats(times: number[]): string[] {
  const min = Math.min(...times);
  const max = Math.max(...times);
  const avg = times.reduce((a, b) => a + b, 0) / times.length;
  const mdev = Math.sqrt(times.reduce((a, t) => a + (t - avg) ** 2, 0) / times.length);
  return [min, avg, max, mdev].map((v) => v.toFixed(3));
}

/** The sender of the ICMP error: the source of the error packet as it arrived. */
function errorSource(trace: Trace): string {
  const arrival = [...trace.hops].reverse().find((h) => h.leg === 'reply' && h.kind === 'receive');
  return formatAddr(arrival?.packet.src ?? 0);
}

/** iputils' words for an ICMPv6 error (ping6_common.c). */
function icmp6ErrorText(trace: Trace): string {
  const o = trace.outcome;
  if (o.kind === 'ttl-exceeded') return 'Time exceeded: Hop limit';
  const reason = o.kind === 'no-neighbour' ? 'Address unreachable'
    : o.kind === 'no-route' ? 'No route'
    : o.kind !== 'rejected' ? 'Unknown code'
    : o.with === 'icmp6-no-route' ? 'No route'
    : o.with === 'icmp6-adm-prohibited' ? 'Administratively prohibited'
    : o.with === 'icmp6-not-neighbor' ? 'Beyond scope of source address'
    : o.with === 'icmp6-addr-unreachable' ? 'Address unreachable'
    : o.with === 'icmp6-port-unreachable' ? 'Port unreachable'
    : 'Unknown code';
  return `Destination unreachable: ${reason}`;
}

function icmpErrorText(trace: Trace): string {
  const o = trace.outcome;
  if (o.kind === 'no-neighbour') return 'Destination Host Unreachable';
  if (o.kind === 'ttl-exceeded') return 'Time to live exceeded';
  if (o.kind === 'no-route') return 'Destination Net Unreachable';
  if (o.kind === 'rejected') {
    switch (o.with) {
      case 'icmp-net-unreachable':
        return 'Destination Net Unreachable';
      case 'icmp-host-unreachable':
        return 'Destination Host Unreachable';
      case 'icmp-port-unreachable':
        return 'Destination Port Unreachable';
      case 'icmp-proto-unreachable':
        return 'Destination Protocol Unreachable';
      case 'icmp-net-prohibited':
        return 'Destination Net Prohibited';
      case 'icmp-host-prohibited':
        return 'Destination Host Prohibited';
      default:
        return 'Packet filtered';
    }
  }
  return 'Destination Unreachable';
}
