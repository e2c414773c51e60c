/**
 * busybox traceroute: UDP probes to ports 33434 and up with TTL 1, 2, 3...; each
 * router that finds the TTL spent answers ICMP time exceeded, the destination's
 * closed port answers port unreachable and ends the run. Every probe is a packet
 * walk, so a firewall that drops them shows as `*` exactly where it drops.
 */
import { parseIPv4 } from '../netfilter/inet.ts';
import type { Trace } from '../net/trace.ts';
import { busyboxUsage } from './busybox.ts';
import type { Command } from './types.ts';
import { fail } from './types.ts';

const USAGE = busyboxUsage(
  'Usage: traceroute [-46FIlnrv] [-f 1ST_TTL] [-m MAXTTL] [-q PROBES] [-p PORT]\n\t[-t TOS] [-w WAIT_SEC] [-s SRC_IP] [-i IFACE]\n\t[-z PAUSE_MSEC] HOST [BYTES]\n\nTrace the route to HOST\n\n\t-4,-6\tForce IP or IPv6 name resolution\n\t-F\tSet don\'t fragment bit\n\t-I\tUse ICMP ECHO instead of UDP datagrams\n\t-l\tDisplay TTL value of the returned packet\n\t-n\tPrint numeric addresses\n\t-r\tBypass routing tables, send directly to HOST\n\t-v\tVerbose\n\t-f N\tFirst number of hops (default 1)\n\t-m N\tMax number of hops\n\t-q N\tNumber of probes per hop (default 3)\n\t-p N\tBase UDP port number used in probes\n\t\t(default 33434)\n\t-s IP\tSource address\n\t-i IFACE Source interface\n\t-t N\tType-of-service in probe packets (default 0)\n\t-w SEC\tWait for a response (default 3)\n\t-z MSEC\tWait before each send\n',
);

type Resolver = (name: string) => string | undefined;

/** The address an answer came from: the source of what arrived back at the sender. */
function answerFrom(trace: Trace): string | undefined {
  const back = [...trace.hops].reverse().find((h) => h.leg === 'reply' && (h.kind === 'deliver' || h.kind === 'receive') && h.netns === trace.probe.from);
  const p = back?.rewritten ?? back?.packet;
  if (!p) return undefined;
  return [p.src >>> 24, (p.src >>> 16) & 255, (p.src >>> 8) & 255, p.src & 255].join('.');
}

export function tracerouteCommand(resolve: Resolver, nameOf: (ip: string) => string | undefined): Command {
  return (argv, ctx) => {
    let numeric = false;
    let maxTtl = 30;
    let firstTtl = 1;
    let probes = 3;
    let port = 33434;
    let host: string | undefined;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      const value = () => Number(argv[++i]);
      if (a === '-m') maxTtl = value();
      else if (a === '-f') firstTtl = value();
      else if (a === '-q') probes = value();
      else if (a === '-p') port = value();
      else if (a === '-w' || a === '-t' || a === '-s' || a === '-i' || a === '-z') i++;
      else if (/^-[46FInlrv]+$/.test(a)) numeric ||= a.includes('n');
      else if (a.startsWith('-')) return fail(`traceroute: invalid option -- '${a[1]}'\n${USAGE}`, 1);
      else if (host === undefined) host = a;
    }
    if (host === undefined || ![maxTtl, firstTtl, probes, port].every((n) => Number.isInteger(n) && n > 0)) return fail(USAGE, 1);
    const ip = parseIPv4(host) !== undefined ? host : resolve(host);
    if (ip === undefined) return fail(`traceroute: bad address '${host}'\n`, 1);
    const label = (addr: string) => (numeric ? addr : `${nameOf(addr) ?? addr} (${addr})`);
    let stdout = `traceroute to ${host} (${ip}), ${maxTtl} hops max, 46 byte packets\n`;
    const traces: Trace[] = [];
    let seq = 0;
    for (let ttl = firstTtl; ttl <= maxTtl; ttl++) {
      let line = ` ${ttl}`;
      let last: string | undefined;
      let done = false;
      for (let q = 0; q < probes; q++) {
        const trace = ctx.kernel.probe({ kind: 'udp-send', from: ctx.netns, dst: ip, port: port + seq++, ttl });
        traces.push(trace);
        const o = trace.outcome;
        if (o.kind === 'no-route' && o.netns === ctx.netns) return { stdout, stderr: 'traceroute: sendto: Network is unreachable\n', exitCode: 1, traces };
        const from = o.kind === 'ttl-exceeded' || o.kind === 'port-closed' || o.kind === 'rejected' || o.kind === 'no-route' || o.kind === 'no-neighbour' ? answerFrom(trace) : undefined;
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
