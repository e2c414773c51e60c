/**
 * OpenBSD netcat's port check, `nc -zv [-w N] [-u] HOST PORT`, as the rig's images
 * and Debian hosts have it: one connection attempt through the packet walk.
 */
import { serviceName } from '../netfilter/services.ts';
import { parseIPv4 } from '../netfilter/inet.ts';
import { observedResult } from '../net/trace.ts';
import type { Command } from './types.ts';
import { fail } from './types.ts';

export function ncCommand(resolve: (name: string) => string | undefined, options: { services: boolean }): Command {
  return (argv, ctx) => {
    let udp = false;
    const words: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '-w' || a === '-p' || a === '-s') i++;
      else if (a.startsWith('-')) udp ||= a.includes('u');
      else words.push(a);
    }
    const [host, portText] = words;
    if (host === undefined || portText === undefined || !/^\d+$/.test(portText)) {
      return fail('usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n', 1);
    }
    const port = Number(portText);
    const ip = parseIPv4(host) !== undefined ? host : resolve(host);
    if (ip === undefined) return fail(`nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`, 1);
    const proto = udp ? 'udp' : 'tcp';
    const who = ip === host ? host : `${host} (${ip})`;
    const trace = ctx.kernel.probe({ kind: udp ? 'udp-send' : 'tcp-connect', from: ctx.netns, dst: ip, port });
    const traces = [trace];
    const seen = observedResult(trace);
    if (seen === 'reply' || (udp && seen === 'timeout')) {
      const service = (options.services ? serviceName(port, proto) : undefined) ?? '*';
      const hostPart = ip === host ? host : `${host} (${ip})`;
      return { stdout: '', stderr: `Connection to ${hostPart} ${port} port [${proto}/${service}] succeeded!\n`, exitCode: 0, traces };
    }
    const reason =
      seen === 'refused' ? 'failed: Connection refused' : seen === 'timeout' ? 'timed out: Operation now in progress' : seen === 'no-route' ? 'failed: Network is unreachable' : 'failed: No route to host';
    return { stdout: '', stderr: `nc: connect to ${who} port ${port} (${proto}) ${reason}\n`, exitCode: 1, traces };
  };
}
