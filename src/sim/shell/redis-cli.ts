/**
 * redis-cli, as the redis image ships it: `redis-cli [-h HOST] [-p PORT] [CMD ARG...]`,
 * or the commands on stdin one per line. Output is the raw form redis-cli uses
 * when its stdout is not a terminal (OK, PONG, the value, an empty line for nil).
 */
import { parseIPv4 } from '../netfilter/inet.ts';
import { lineExchange } from '../net/exchange.ts';
import { encodeCommand, encodeReply, redisCommand, splitRedisLine, type ConnectFailure, type RedisReply, type Servers } from './servers.ts';
import type { Command } from './types.ts';
import { fail } from './types.ts';

const REASON: Record<ConnectFailure, string> = {
  refused: 'Connection refused',
  timeout: 'Connection timed out',
  'no-route': 'Network is unreachable',
  unreachable: 'No route to host',
};

function raw(reply: RedisReply): string {
  switch (reply.type) {
    case 'status':
    case 'error':
      return `${reply.text}\n`;
    case 'bulk':
      return `${reply.text ?? ''}\n`;
    case 'integer':
      return `${reply.value}\n`;
    case 'array':
      return reply.items.map((i) => `${i}\n`).join('');
  }
}

export function redisCliCommand(servers: Servers, resolve: (name: string) => string | undefined): Command {
  return (argv, ctx) => {
    let host = '127.0.0.1';
    let port = 6379;
    const args: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (args.length === 0 && a === '-h') host = argv[++i] ?? host;
      else if (args.length === 0 && a === '-p') {
        const value = argv[++i] ?? '';
        if (!/^\d+$/.test(value)) return fail(`Invalid port: ${value}\n`, 1);
        port = Number(value);
      } else args.push(a);
    }
    const ip = parseIPv4(host) !== undefined ? host : resolve(host);
    if (ip === undefined) return fail(`Could not connect to Redis at ${host}:${port}: Name or service not known\n`, 1);
    const conn = servers.connect(ctx.netns, ip, port);
    if (!conn.ok) return { stdout: '', stderr: `Could not connect to Redis at ${host}:${port}: ${REASON[conn.failure]}\n`, exitCode: 1, traces: conn.traces };
    const lines = args.length > 0 ? [args] : ctx.stdin.split('\n').map((l) => splitRedisLine(l)).filter((l) => l.length > 0);
    let stdout = '';
    let sent = '';
    let answered = '';
    for (const command of lines) {
      sent += encodeCommand(command);
      // Anything other than a redis server answers nothing redis-cli can read.
      if (conn.peer.process !== 'redis-server') {
        servers.exchanged(conn.traces, lineExchange(sent, answered));
        return { stdout, stderr: 'Error: Connection reset by peer\n', exitCode: 1, traces: conn.traces };
      }
      const reply = redisCommand(servers.redisStore(conn.peer), command);
      answered += encodeReply(reply);
      stdout += raw(reply);
    }
    servers.exchanged(conn.traces, lineExchange(sent, answered));
    return { stdout, stderr: '', exitCode: 0, traces: conn.traces };
  };
}
