/**
 * mongosh, for the health checks and one-liners tutorials use: `mongosh --quiet
 * [--host H] [--port P] [URI] --eval 'db.runCommand({ping:1})'` (and
 * `db.adminCommand('ping')`, `db.version()`), printing results as mongosh inspects
 * them (`{ ok: 1 }`). Connection failures are the Node.js driver's errors
 * (`MongoNetworkError: connect ECONNREFUSED 172.18.0.2:27017`,
 * `MongoNetworkError: getaddrinfo ENOTFOUND db`), exit 1. Without --quiet mongosh
 * first prints a banner with a random log ID and the versions, and without --eval
 * it opens its REPL: neither is modelled.
 */
import type { Command } from '../types.ts';
import { fail } from '../types.ts';
import { converse, reach, type ClientPlace } from './connect.ts';

/** Node's error codes for connect's failures (libuv's names). */
const NODE_CODES = { refused: 'ECONNREFUSED', timeout: 'ETIMEDOUT', unreachable: 'EHOSTUNREACH', 'no-route': 'ENETUNREACH' } as const;

function parseUri(uri: string): { host: string; port: number } | undefined {
  const m = /^mongodb:\/\/(?:[^@/]*@)?([^:/?,]+)(?::(\d+))?(?:\/[^?]*)?(?:\?.*)?$/.exec(uri);
  return m ? { host: m[1]!, port: m[2] ? Number(m[2]) : 27017 } : undefined;
}

export function mongoshCommand(place: ClientPlace): Command {
  return (argv) => {
    let host = '127.0.0.1';
    let port = 27017;
    let evaluate: string | undefined;
    let quiet = false;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      const value = () => inline ?? argv[++i] ?? '';
      if (name === '--quiet') quiet = true;
      else if (name === '--eval') evaluate = value();
      else if (name === '--host') {
        const h = value();
        const [hostPart, portPart] = h.split(':');
        host = hostPart!;
        if (portPart !== undefined) port = Number(portPart);
      } else if (name === '--port') port = Number(value());
      else if (name === '--norc' || name === '--nodb') continue;
      else if (!a.startsWith('-')) {
        const parsed = a.startsWith('mongodb://') ? parseUri(a) : { host: a.split(':')[0]!, port: Number(a.split(':')[1] ?? 27017) };
        if (!parsed) return fail(`MongoshInvalidInputError: [COMMON-10001] Invalid URI: ${a}\n`, 1);
        ({ host, port } = parsed);
      } else return fail(`vethlab: mongosh ${name} is not modelled here (--quiet, --eval, --host, --port and a mongodb:// URI are)\n`, 1);
    }
    if (evaluate === undefined) return fail('vethlab: mongosh\'s interactive shell is not modelled here (give --quiet --eval \'db.runCommand({ping:1})\')\n', 1);
    if (!quiet) return fail('vethlab: mongosh\'s banner (a random log ID, the versions) is not modelled here: add --quiet\n', 1);
    const code = evaluate.replace(/\s+/g, '').replace(/;$/, '').replace(/"/g, "'");
    const known: Record<string, (version: string) => string> = {
      "db.runCommand({ping:1})": () => '{ ok: 1 }',
      "db.adminCommand({ping:1})": () => '{ ok: 1 }',
      "db.adminCommand('ping')": () => '{ ok: 1 }',
      "db.runCommand('ping')": () => '{ ok: 1 }',
      'db.version()': (version) => version,
    };
    const answer = known[code];
    if (!answer) return fail(`vethlab: mongosh --eval runs db.runCommand({ping:1}), db.adminCommand('ping') and db.version() here; this expression is not modelled: ${evaluate}\n`, 1);
    // localhost is the container's own mongod, over the loopback interface.
    const reached = reach(place, host === 'localhost' ? '127.0.0.1' : host, port, 30);
    if (reached.kind === 'unknown-host') return { stdout: '', stderr: `MongoNetworkError: getaddrinfo ENOTFOUND ${host}\n`, exitCode: 1, traces: reached.traces };
    if (reached.kind === 'failed') {
      const code = NODE_CODES[reached.failure];
      // The driver gives up on server selection after 30 s, naming the last error.
      const text = code === 'ETIMEDOUT' ? `MongoServerSelectionError: connect ETIMEDOUT ${reached.address}:${port}` : `MongoNetworkError: connect ${code} ${reached.address}:${port}`;
      return { stdout: '', stderr: `${text}\n`, exitCode: 1, traces: reached.traces };
    }
    if (reached.kind === 'other' || reached.server.kind !== 'mongo') {
      converse(place, reached.traces, '', '');
      return { stdout: '', stderr: `vethlab: ${reached.kind === 'other' ? reached.process || 'a program' : reached.process} answers on that port, not MongoDB; what mongosh says then is not modelled here\n`, exitCode: 1, traces: reached.traces };
    }
    const out = `${answer(reached.server.version)}\n`;
    converse(place, reached.traces, evaluate, out);
    return { stdout: out, stderr: '', exitCode: 0, traces: reached.traces };
  };
}
