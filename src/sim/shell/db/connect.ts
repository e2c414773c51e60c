/**
 * How the database clients reach a server: a name resolved by the container's resolver
 * (its DNS questions are the command's first packets), a TCP connection through the
 * packet walk, and the database the process that accepted it runs. A client in the
 * server's own container may instead use its Unix socket: no packet at all.
 */
import type { Container } from '../../docker/model.ts';
import type { Engine } from '../../docker/engine.ts';
import { runsImageDefault } from '../../docker/engine.ts';
import { parseIPv4 } from '../../netfilter/inet.ts';
import type { Trace } from '../../net/trace.ts';
import { lineExchange } from '../../net/exchange.ts';
import type { ConnectFailure, Servers } from '../servers.ts';
import { containerDatabase, databaseKindOf, type DatabaseServer } from './database.ts';

/** What the clients need of the place they run in. */
export interface ClientPlace {
  engine: Engine;
  servers: Servers;
  /** The container the client runs in. */
  container: Container;
  /** The container's resolver (records its questions as the command's packets). */
  resolve: (name: string) => string | undefined;
  /** The C library the client is linked with: gai_strerror's wording differs. */
  libc: 'glibc' | 'musl';
}

export type Reached =
  | { kind: 'server'; server: DatabaseServer; process: string; client: string; address: string; traces: Trace[] }
  /** Something else accepted the connection (another program on that port). */
  | { kind: 'other'; process: string; address: string; traces: Trace[] }
  | { kind: 'failed'; failure: ConnectFailure; address: string; traces: Trace[] }
  | { kind: 'unknown-host'; traces: Trace[] };

/** getaddrinfo's EAI_NONAME as the client's libc words it. */
export function unknownNameText(libc: 'glibc' | 'musl'): string {
  return libc === 'musl' ? 'Name does not resolve' : 'Name or service not known';
}

/** connect(2)'s errors as strerror words them, and their errno. */
export const CONNECT_ERRORS: Record<ConnectFailure, { text: string; errno: number }> = {
  refused: { text: 'Connection refused', errno: 111 },
  timeout: { text: 'Connection timed out', errno: 110 },
  unreachable: { text: 'No route to host', errno: 113 },
  'no-route': { text: 'Network is unreachable', errno: 101 },
};

/** A TCP connection to host:port from the client's container. `timeout` in seconds (undefined: the kernel's). */
export function reach(place: ClientPlace, host: string, port: number, timeout?: number): Reached {
  const address = parseIPv4(host) !== undefined ? host : place.resolve(host);
  if (address === undefined) return { kind: 'unknown-host', traces: [] };
  const conn = place.servers.connect(place.container.netns ?? '', address, port, timeout === undefined ? {} : { timeout });
  if (!conn.ok) return { kind: 'failed', failure: conn.failure, address, traces: conn.traces };
  const owner = [...place.engine.containers.values()].find((c) => c.netns === conn.peer.netns && c.state === 'running' && runsImageDefault(c, place.engine.imageOf(c)));
  const server = databaseKindOf(conn.peer.process) && owner ? containerDatabase(place.engine, owner) : undefined;
  if (!server) return { kind: 'other', process: conn.peer.process, address, traces: conn.traces };
  return { kind: 'server', server, process: conn.peer.process, client: conn.peer.client, address, traces: conn.traces };
}

/**
 * The database served on the client's own container's Unix socket: the image's server,
 * running as its default command.
 */
export function localServer(place: ClientPlace): DatabaseServer | undefined {
  const c = place.container;
  if (c.state !== 'running' || !runsImageDefault(c, place.engine.imageOf(c))) return undefined;
  return containerDatabase(place.engine, c);
}

/**
 * The conversation over a connection, walked so that rule counters add its bytes. The
 * payload is the statements and the rows as text, not the protocol's framing (postgres'
 * and mysql's messages, mongo's BSON): the sizes are close, not exact.
 */
export function converse(place: ClientPlace, traces: readonly Trace[], sent: string, answered: string): void {
  place.servers.exchanged(traces, lineExchange(sent, answered));
}
