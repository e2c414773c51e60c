/**
 * ping, in both userlands: iputils (Debian hosts, lan, gw) and busybox (inside
 * containers). Each echo request is one probe through the kernel model; the text
 * reads the Trace: a reply, an ICMP error (iputils prints it, busybox ignores it),
 * silence, or a send error. Times come from the hop count, so they are
 * deterministic (transcripts normalize them anyway).
 */
import { appletUsage } from './busybox-help.ts';
import { getopt, getoptMessage, isGetoptError } from './getopt.ts';
import { parseIPv6 } from '../netfilter/addr.ts';
import { parseIPv4 } from '../netfilter/inet.ts';
import type { Trace } from '../net/trace.ts';
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
    }
  }
  const target = parsed.operands[parsed.operands.length - 1];
  if (target === undefined) {
    return busybox ? fail(appletUsage('ping'), 1) : fail('ping: usage error: Destination address required\n', 1);
  }
  return family === undefined ? { count, target, quiet } : { count, target, quiet, family };
}

/** 64 minus the routers on the way back. */
function replyTtl(trace: Trace): number {
  return 64 - trace.hops.filter((h) => h.leg === 'reply' && h.kind === 'route' && h.detail.startsWith('forward')).length;
}

function rtt(trace: Trace): number {
  return 0.04 + trace.hops.length * 0.004;
}

/**
 * `resolve6` gives a name's IPv6 address (busybox asks for AAAA first, so a name
 * with one is pinged over IPv6 unless -4 is given). Packets over IPv6 are not
 * modelled yet: those pings say so instead of answering over IPv4.
 */
export function pingCommand(flavour: 'iputils' | 'busybox', resolve: Resolver, resolve6: Resolver = () => undefined): Command {
  return (argv, ctx) => {
    const opts = parseArgs(argv, flavour);
    if ('exitCode' in opts) return opts;
    const literal6 = opts.target.includes(':') && parseIPv6(opts.target) !== undefined;
    const address6 = literal6 ? opts.target : opts.family === 4 ? undefined : resolve6(opts.target, ctx);
    if (opts.family === 6 || address6 !== undefined) {
      const hint = address6 !== undefined && !literal6 ? ` (${opts.target} is ${address6}; ping -4 ${opts.target} pings its IPv4 address)` : '';
      return fail(`vethlab: ping over IPv6 is not modelled yet${hint}\n`, flavour === 'busybox' ? 1 : 2);
    }
    const ip = parseIPv4(opts.target) !== undefined ? opts.target : resolve(opts.target, ctx);
    if (ip === undefined) {
      return flavour === 'busybox'
        ? fail(`ping: bad address '${opts.target}'\n`, 1)
        : fail(`ping: ${opts.target}: Name or service not known\n`, 2);
    }
    const traces: Trace[] = [];
    const lines: string[] = [];
    const times: number[] = [];
    let errors = 0;
    for (let seq = 0; seq < opts.count; seq++) {
      const trace = ctx.kernel.probe({ kind: 'icmp-echo', from: ctx.netns, dst: ip });
      traces.push(trace);
      const o = trace.outcome;
      if (o.kind === 'no-route' && o.leg === 'request' && o.netns === ctx.netns) {
        const message = flavour === 'busybox' ? 'ping: sendto: Network is unreachable\n' : 'ping: connect: Network is unreachable\n';
        return { stdout: flavour === 'busybox' ? `PING ${opts.target} (${ip}): 56 data bytes\n` : '', stderr: message, exitCode: flavour === 'busybox' ? 1 : 2, traces };
      }
      if (o.kind === 'replied') {
        const t = rtt(trace);
        times.push(t);
        lines.push(flavour === 'busybox'
          ? `64 bytes from ${ip}: seq=${seq} ttl=${replyTtl(trace)} time=${t.toFixed(3)} ms`
          : `64 bytes from ${ip}: icmp_seq=${seq + 1} ttl=${replyTtl(trace)} time=${t.toFixed(3)} ms`);
      } else if (flavour === 'iputils' && (o.kind === 'no-neighbour' || o.kind === 'rejected' || (o.kind === 'no-route' && o.leg === 'request'))) {
        errors++;
        lines.push(`From ${errorSource(trace)} icmp_seq=${seq + 1} ${icmpErrorText(trace)}`);
      }
    }
    const received = times.length;
    const loss = Math.round(((opts.count - received) / opts.count) * 100);
    let out: string;
    if (opts.quiet) lines.length = 0;
    if (flavour === 'busybox') {
      out = `PING ${opts.target} (${ip}): 56 data bytes\n${lines.map((l) => `${l}\n`).join('')}\n--- ${opts.target} ping statistics ---\n${opts.count} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
      if (received > 0) out += `round-trip min/avg/max = ${stats(times).slice(0, 3).join('/')} ms\n`;
    } else {
      const errorPart = errors > 0 ? `, +${errors} errors` : '';
      out = `PING ${opts.target} (${ip}) 56(84) bytes of data.\n${lines.map((l) => `${l}\n`).join('')}\n--- ${opts.target} ping statistics ---\n${opts.count} packets transmitted, ${received} received${errorPart}, ${loss}% packet loss, time ${(opts.count - 1) * 1000}ms\n`;
      out += received > 0 ? `rtt min/avg/max/mdev = ${stats(times).join('/')} ms\n` : '\n';
    }
    const exitCode = received > 0 ? 0 : 1;
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
  const src = arrival?.packet.src ?? 0;
  return `${src >>> 24}.${(src >>> 16) & 255}.${(src >>> 8) & 255}.${src & 255}`;
}

function icmpErrorText(trace: Trace): string {
  const o = trace.outcome;
  if (o.kind === 'no-neighbour') return 'Destination Host Unreachable';
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
