/**
 * ping, in both userlands: iputils (Debian hosts, lan, gw) and busybox (inside
 * containers). Each echo request is one probe through the kernel model; the text
 * reads the Trace: a reply, an ICMP error (iputils prints it, busybox ignores it),
 * silence, or a send error. Times come from the hop count, so they are
 * deterministic (transcripts normalize them anyway).
 */
import { BUSYBOX_BANNER, busyboxUsage } from './busybox.ts';
import { parseIPv4 } from '../netfilter/inet.ts';
import type { Trace } from '../net/trace.ts';
import type { Command, CommandContext, CommandOutput } from './types.ts';
import { fail } from './types.ts';

/** Turns a host name into an address the way the namespace's resolver would; undefined: unknown name. */
export type Resolver = (name: string, ctx: CommandContext) => string | undefined;

interface PingOptions {
  count: number;
  target: string;
}

function parseArgs(argv: string[], flavour: 'iputils' | 'busybox'): PingOptions | CommandOutput {
  let count = flavour === 'busybox' ? 4 : 4;
  let target: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-c') count = Number(argv[++i]);
    else if (a.startsWith('-c') && a.length > 2) count = Number(a.slice(2));
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s' || a === '-I' || a === '-t') i++;
    else if (a === '-q' || a === '-n' || a === '-4') continue;
    else if (a.startsWith('-')) {
      return flavour === 'busybox'
        ? fail(`ping: unrecognized option '${a}'\n${BUSYBOX_BANNER}\n\nUsage: ping [OPTIONS] HOST\n`, 1)
        : fail(`ping: invalid option -- '${a.slice(1, 2)}'\n`, 2);
    } else target = a;
  }
  if (target === undefined) {
    return flavour === 'busybox' ? fail(busyboxUsage('Usage: ping [OPTIONS] HOST\n'), 1) : fail('ping: usage error: Destination address required\n', 1);
  }
  if (!Number.isInteger(count) || count < 1) return fail(`ping: invalid argument: '${count}'\n`, flavour === 'busybox' ? 1 : 2);
  return { count, target };
}

/** 64 minus the routers on the way back. */
function replyTtl(trace: Trace): number {
  return 64 - trace.hops.filter((h) => h.leg === 'reply' && h.kind === 'route' && h.detail.startsWith('forward')).length;
}

function rtt(trace: Trace): number {
  return 0.04 + trace.hops.length * 0.004;
}

export function pingCommand(flavour: 'iputils' | 'busybox', resolve: Resolver): Command {
  return (argv, ctx) => {
    const opts = parseArgs(argv, flavour);
    if ('exitCode' in opts) return opts;
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
