/**
 * busybox traceroute: UDP probes to ports 33434 and up with TTL 1, 2, 3...; each
 * router that finds the TTL spent answers ICMP time exceeded, the destination's
 * closed port answers port unreachable and ends the run. Every probe is a packet
 * walk, so a firewall that drops them shows as `*` exactly where it drops.
 */
import { parseIPv4 } from '../netfilter/inet.ts';
import { formatAddr, parseIPv6 } from '../netfilter/addr.ts';
import type { Probe, Trace } from '../net/trace.ts';
import { busyboxUsage } from './busybox.ts';
import { getopt, getoptMessage, isGetoptError } from './getopt.ts';
import type { Command, CommandOutput } from './types.ts';
import { fail } from './types.ts';

const USAGE = busyboxUsage(
  'Usage: traceroute [-46Flnrv] [-f 1ST_TTL] [-m MAXTTL] [-q PROBES] [-p PORT]\n\t[-t TOS] [-w WAIT_SEC] [-s SRC_IP] [-i IFACE]\n\t[-z PAUSE_MSEC] HOST [BYTES]\n\nTrace the route to HOST\n\n\t-4,-6\tForce IP or IPv6 name resolution\n\t-F\tSet don\'t fragment bit\n\t-l\tDisplay TTL value of the returned packet\n\t-n\tPrint numeric addresses\n\t-r\tBypass routing tables, send directly to HOST\n\t-v\tVerbose\n\t-f N\tFirst number of hops (default 1)\n\t-m N\tMax number of hops\n\t-q N\tNumber of probes per hop (default 3)\n\t-p N\tBase UDP port number used in probes\n\t\t(default 33434)\n\t-s IP\tSource address\n\t-i IFACE Source interface\n\t-t N\tType-of-service in probe packets (default 0)\n\t-w SEC\tWait for a response (default 3)\n\t-z MSEC\tWait before each send\n',
);

type Resolver = (name: string) => string | undefined;

/** The values busybox's xatou_range accepts for each numeric option (-f is checked against -m later). */
const RANGES: Partial<Record<string, [number, number]>> = { m: [1, 255], q: [1, 10], p: [0, 65535], w: [1, 86400], z: [0, 3600000], t: [0, 255] };

/** The address an answer came from: the source of what arrived back at the sender. */
function answerFrom(trace: Trace): string | undefined {
  const back = [...trace.hops].reverse().find((h) => h.leg === 'reply' && (h.kind === 'deliver' || h.kind === 'receive') && h.netns === trace.probe.from);
  const p = back?.rewritten ?? back?.packet;
  if (!p) return undefined;
  return formatAddr(p.src);
}

/**
 * `resolve6` is the name's AAAA answer: busybox traceroute takes the first address
 * getaddrinfo gives, IPv6 first (golden ipv6-traceroute: `traceroute -n a2` goes over
 * IPv6), so -4 asks for A only and -6 (or the traceroute6 applet) for AAAA only.
 */
/** A hop's name and the packets asking for it sent (a PTR question per hop, as getnameinfo asks). */
export type HopName = (ip: string) => { name?: string; traces: readonly Trace[] };

export function tracerouteCommand(resolve: Resolver, nameOf: HopName, resolve6: Resolver = () => undefined, applet: 'traceroute' | 'traceroute6' = 'traceroute'): Command {
  return (argv, ctx) => {
    const parsed = getopt(argv, { flags: '46FIlnrv', valued: 'fimpqstwz' });
    if (isGetoptError(parsed)) return fail(`${getoptMessage('traceroute', parsed)}${USAGE}`, 1);
    let numeric = false;
    let icmp = false;
    let maxTtl = 30;
    let firstTtlText: string | undefined;
    let probes = 3;
    let port = 33434;
    let family: 4 | 6 | undefined = applet === 'traceroute6' ? 6 : undefined;
    for (const [k, v] of parsed.options) {
      const number = (min: number, max: number): number | CommandOutput => {
        if (!/^\d+$/.test(v!)) return fail(`traceroute: invalid number '${v}'\n`, 1);
        const n = Number(v);
        return n < min || n > max ? fail(`traceroute: number ${v} is not in ${min}..${max} range\n`, 1) : n;
      };
      const range = RANGES[k];
      if (range) {
        const n = number(...range);
        if (typeof n !== 'number') return n;
        if (k === 'm') maxTtl = n;
        else if (k === 'q') probes = n;
        else if (k === 'p') port = n;
        // -w, -z and -t (timing, type of service) change no line here: checked and taken.
      } else if (k === 'n') numeric = true;
      else if (k === 'I') icmp = true;
      else if (k === 'f') firstTtlText = v;
      else if (k === '6') family = 6;
      else if (k === '4') family = 4;
      else if (k !== 'F') return fail(`vethlab: traceroute -${k} is not modelled (it would change what is sent or printed)\n`, 1);
    }
    const [host, bytesText, ...extra] = parsed.operands;
    if (host === undefined || extra.length > 0) return fail(USAGE, 1);
    let firstTtl = 1;
    if (firstTtlText !== undefined) {
      // busybox checks -f against the maximum TTL, after reading every option.
      if (!/^\d+$/.test(firstTtlText)) return fail(`traceroute: invalid number '${firstTtlText}'\n`, 1);
      firstTtl = Number(firstTtlText);
      if (firstTtl < 1 || firstTtl > maxTtl) return fail(`traceroute: number ${firstTtlText} is not in 1..${maxTtl} range\n`, 1);
    }
    let packetBytes = 46;
    if (bytesText !== undefined) {
      if (!/^\d+$/.test(bytesText)) return fail(`traceroute: invalid number '${bytesText}'\n`, 1);
      packetBytes = Number(bytesText);
      if (packetBytes < 46 || packetBytes > 32768) return fail(`vethlab: traceroute packets of ${bytesText} bytes are not modelled (46..32768 are)\n`, 1);
    }
    const literal6 = host.includes(':') && parseIPv6(host) !== undefined;
    const literal = parseIPv4(host) !== undefined || literal6 ? host : undefined;
    const ip = literal !== undefined ? (family === (literal6 ? 4 : 6) ? undefined : literal) : family === 4 ? resolve(host) : family === 6 ? resolve6(host) : (resolve6(host) ?? resolve(host));
    if (ip === undefined) return fail(`traceroute: bad address '${host}'\n`, 1);
    const v6 = ip.includes(':');
    if (v6 && icmp) return fail('vethlab: traceroute -I over IPv6 (ICMPv6 echo probes) is not modelled yet\n', 1);
    if (v6 && bytesText !== undefined) return fail('vethlab: traceroute BYTES over IPv6 is not modelled yet (72-byte packets are)\n', 1);
    // busybox's IPv6 probe: a 40-byte header, 8 of UDP and its 24-byte outdata.
    if (v6) packetBytes = 72;
    const traces: Trace[] = [];
    // Without -n each hop's first answer is named as it is printed: its PTR question goes before the hop's next probe (capresolve.txt).
    const label = (addr: string) => {
      if (numeric) return addr;
      const found = nameOf(addr);
      traces.push(...found.traces);
      return `${found.name ?? addr} (${addr})`;
    };
    let stdout = `traceroute to ${host} (${ip}), ${maxTtl} hops max, ${packetBytes} byte packets\n`;
    let seq = 0;
    let sport: number | undefined;
    for (let ttl = firstTtl; ttl <= maxTtl; ttl++) {
      let line = ` ${ttl}`;
      let last: string | undefined;
      let done = false;
      for (let q = 0; q < probes; q++) {
        // -I: echo requests, which the destination answers with an echo reply; else UDP to a closed port.
        // busybox sends every UDP probe from one socket, to port + ++seq (the rig's first went to 33435; capresolve.txt).
        seq++;
        const probe: Probe = icmp ? { kind: 'icmp-echo', from: ctx.netns, dst: ip, ttl, size: packetBytes } : { kind: 'udp-send', from: ctx.netns, dst: ip, port: port + seq, ttl, size: packetBytes, ...(sport === undefined ? {} : { sport }) };
        const trace = ctx.kernel.probe(probe);
        sport ??= trace.hops[0]?.packet.sport;
        traces.push(trace);
        const o = trace.outcome;
        if (o.kind === 'no-route' && o.netns === ctx.netns) return { stdout, stderr: 'traceroute: sendto: Network is unreachable\n', exitCode: 1, traces };
        const from = o.kind === 'ttl-exceeded' || o.kind === 'replied' || o.kind === 'port-closed' || o.kind === 'rejected' || o.kind === 'no-route' || o.kind === 'no-neighbour' ? answerFrom(trace) : undefined;
        if (from === undefined) {
          line += '  *';
          continue;
        }
        if (from !== last) line += `  ${label(from)}`;
        last = from;
        // Timings follow the hops walked: deterministic, like ping's.
        line += `  ${(0.01 + trace.hops.length * 0.002).toFixed(3)} ms`;
        if (o.kind === 'rejected') line += o.with === 'icmp-net-unreachable' ? ' !N' : o.with === 'icmp-host-unreachable' ? ' !H' : o.with === 'icmp-port-unreachable' ? '' : ' !X';
        else if (o.kind === 'no-route') line += ' !N';
        else if (o.kind === 'no-neighbour') line += ' !H';
        if (o.kind !== 'ttl-exceeded') done = true;
      }
      stdout += `${line}\n`;
      if (done) break;
    }
    return { stdout, stderr: '', exitCode: 0, traces };
  };
}
