/**
 * busybox 1.35's `netstat` inside containers: `-r` (routing table) and the
 * socket listing (-t, -u, -l, -a, -n): TCP then UDP, IPv4 then IPv6, in
 * busybox's fixed columns; an AF_INET6 socket on `::` shows as `:::PORT`.
 * On a user-defined network the list includes the embedded DNS's two
 * listeners on 127.0.0.11 (docker/dns.ts; golden dns-resolver-sockets).
 * Debian's busybox (the rig's images) is built without `-W` and `-p`;
 * Alpine's has them. Without -n the rig's glibc build names each IPv4 address,
 * local then foreign, socket by socket (getnameinfo: /etc/hosts, then a PTR
 * question, 0.0.0.0 included; glibc never asks for `::`), and ports through
 * /etc/services, which the rig's images lack (test/fixtures/tcpdump/capnettools.txt).
 */
import type { SocketInfo } from '../../net/api.ts';
import type { Trace } from '../../net/trace.ts';
import type { Command } from '../types.ts';
import { fail, ok } from '../types.ts';
import { busyboxUsage } from '../busybox.ts';
import { padEnd, padStart } from './devices.ts';
import { netstatRoutes } from './route.ts';
import { askingResolver, type AskingResolver, type ToolResolver } from './names.ts';

/** The options both busybox builds list; Alpine's adds -W and -p. */
const USAGE_OPTIONS = `Display networking information

\t-r\tRouting table
\t-a\tAll sockets
\t-l\tListening sockets
\t\tElse: connected sockets
\t-t\tTCP sockets
\t-u\tUDP sockets
\t-w\tRaw sockets
\t-x\tUnix sockets
\t\tElse: all socket types
\t-e\tOther/more information
\t-n\tDon't resolve names
`;

/** The rig's Debian build (golden dns-resolver-sockets). */
const DEBIAN_USAGE = busyboxUsage(`Usage: netstat [-ral] [-tuwx] [-en]

${USAGE_OPTIONS}`);

const ALPINE_USAGE = busyboxUsage(`Usage: netstat [-ral] [-tuwx] [-enWp]

${USAGE_OPTIONS}\t-W\tWide display
\t-p\tShow PID/program name for sockets
`);

/** busybox netstat as Debian builds it (the rig's images): an unknown option prints the usage. */
export function netstatCommand(resolver: ToolResolver): Command {
  return (argv, ctx) => {
    const flags = new Set<string>();
    for (const a of argv) {
      if (!/^-[raltuwxen]+$/.test(a)) {
        const bad = /^-[raltuwxen]*([^raltuwxen])/.exec(a)?.[1];
        return fail(`${bad === undefined ? '' : `netstat: invalid option -- '${bad}'\n`}${DEBIAN_USAGE}`, 1);
      }
      for (const f of a.slice(1)) flags.add(f);
    }
    return listing(flags, ctx, resolver);
  };
}

/**
 * Alpine's busybox netstat: it has -W and -p, whose columns are not modelled here, and
 * musl names sockets otherwise than glibc (it asks a PTR for `::` too, and Alpine has an
 * /etc/services): without -n only the routing table (-r) is modelled.
 */
export function alpineNetstatCommand(resolver: ToolResolver): Command {
  return (argv, ctx) => {
    const flags = new Set<string>();
    for (const a of argv) {
      if (!/^-[raltuwxenWp]+$/.test(a)) return fail(ALPINE_USAGE, 1);
      for (const f of a.slice(1)) flags.add(f);
    }
    const unmodelled = ['W', 'p'].find((f) => flags.has(f));
    if (unmodelled !== undefined) return fail(`vethlab: busybox netstat -${unmodelled} is not modelled here\n`, 1);
    if (!flags.has('n') && !flags.has('r')) return fail("vethlab: Alpine's busybox netstat names sockets through musl and /etc/services, which is not modelled here; netstat -n lists them\n", 1);
    return listing(flags, ctx, resolver);
  };
}

function listing(flags: ReadonlySet<string>, ctx: Parameters<Command>[1], resolver: ToolResolver): ReturnType<Command> {
  const view = ctx.kernel.netns(ctx.netns);
  if (!view) return fail('netstat: socket: Operation not permitted\n', 1);
  const traces: Trace[] = [];
  const withTraces = (out: ReturnType<Command>) => (traces.length > 0 ? { ...out, traces } : out);
  if (flags.has('r')) return withTraces(ok(netstatRoutes(view, flags.has('n') ? undefined : askingResolver(resolver, traces))));
  const ask = flags.has('n') ? undefined : askingResolver(resolver, traces, false);
  const anyType = !['t', 'u', 'w', 'x'].some((f) => flags.has(f));
  const listening = flags.has('l');
  const all = flags.has('a');
  const what = all ? 'servers and established' : listening ? 'only servers' : 'w/o servers';
  let out = '';
  if (anyType || flags.has('t') || flags.has('u') || flags.has('w')) {
    out += `Active Internet connections (${what})\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n`;
    // Every socket the model has is a listener (TCP) or an unconnected datagram socket (UDP).
    if (listening || all) {
      const sockets = view.sockets();
      const pick = (proto: 'tcp' | 'udp', family: 4 | 6) => sockets.filter((s) => s.proto === proto && (s.family ?? 4) === family);
      if (anyType || flags.has('t')) for (const s of [...pick('tcp', 4), ...pick('tcp', 6)]) out += line(s, 'LISTEN', ask);
      if (anyType || flags.has('u')) for (const s of [...pick('udp', 4), ...pick('udp', 6)]) out += line(s, '', ask);
    }
  }
  if (anyType || flags.has('x')) {
    out += `Active UNIX domain sockets (${what})\nProto RefCnt Flags       Type       State         I-Node Path\n`;
  }
  return withTraces(ok(out));
}

/** An address as ip_port_str names it: getnameinfo's name, else the number; `::` is never asked. */
function addressText(address: string, ask: AskingResolver | undefined): string {
  return (ask && address !== '::' ? ask.name(address) : undefined) ?? address;
}

/** busybox prints tcp6/udp6 sockets as tcp/udp, with `::` addresses (`:::80`). */
function line(s: SocketInfo, state: string, ask: AskingResolver | undefined): string {
  const local = `${addressText(s.address, ask)}:${s.port}`;
  const foreign = `${addressText(s.family === 6 ? '::' : '0.0.0.0', ask)}:*`;
  return `${padEnd(s.proto, 5)} ${padStart('0', 6)} ${padStart('0', 6)} ${padEnd(local, 23)} ${padEnd(foreign, 23)} ${padEnd(state, 12)}\n`;
}
