/**
 * redis-py's client as the REPL reaches it: `redis.Redis(host=, port=, db=,
 * decode_responses=)` (and `StrictRedis`, its alias) connects lazily, each
 * command encodes its arguments as redis-py does (str, bytes, int, float;
 * DataError for anything else), goes over the simulator's TCP path to the
 * redis-server it reaches, and comes back through redis-py's response
 * callbacks (SET -> True, PING -> True, GET -> bytes or None). A connection
 * that fails raises redis-py's ConnectionError with the socket's errno, as
 * redis/utils.py `format_error_message` words it.
 */
import type { Trace } from '../../net/trace.ts';
import type { RedisReply } from '../servers.ts';
import { floatRepr, NONE, TRUE, typeName, type PyValue } from './values.ts';

/** An exception the REPL prints as a traceback's last line (`TYPE: MESSAGE`). */
export class PyError {
  constructor(
    readonly type: string,
    readonly message: string,
    /** Raised inside redis-py (its own frames come before the last line). */
    readonly inLibrary = false,
  ) {}
}

/** Why a TCP connection failed, as the socket's errno and strerror. */
export type ConnectError = { errno: number; reason: string };

/** One command sent to the server at host:port from the container. */
export type RedisTransport = (host: string, port: number, args: string[]) => { reply: RedisReply; traces: Trace[] } | { error: ConnectError; traces: Trace[] } | { notRedis: true; traces: Trace[] };

export type RedisClient = PyValue & { t: 'redis' };

/** The methods the REPL runs, with the command each sends. */
const METHODS = new Set(['ping', 'set', 'get', 'delete', 'exists', 'incr', 'keys', 'dbsize', 'flushdb', 'flushall', 'echo']);

export function hasMethod(name: string): boolean {
  return METHODS.has(name);
}

/** `redis.Redis(...)`: keyword arguments as redis-py's constructor takes them (host, port, db first, positionally too). */
export function newClient(args: PyValue[], kwargs: [string, PyValue][]): RedisClient | PyError | 'unsupported' {
  const named = new Map(kwargs);
  const positional = ['host', 'port', 'db'];
  if (args.length > positional.length) return 'unsupported';
  args.forEach((a, i) => named.set(positional[i]!, a));
  for (const key of named.keys()) if (!['host', 'port', 'db', 'decode_responses', 'socket_timeout', 'socket_connect_timeout'].includes(key)) return 'unsupported';
  const host = named.get('host') ?? { t: 'str', v: 'localhost' };
  const port = named.get('port') ?? { t: 'int', v: 6379n };
  const db = named.get('db') ?? { t: 'int', v: 0n };
  const decode = named.get('decode_responses');
  if (host.t !== 'str' || (port.t !== 'int' && port.t !== 'str') || db.t !== 'int') return 'unsupported';
  return { t: 'redis', host: host.v, port: Number(port.v), db: Number(db.v), decode: decode !== undefined && decode.t === 'bool' && decode.v };
}

/** redis-py's Encoder.encode: what a value is sent as. */
function encode(v: PyValue): string | PyError {
  switch (v.t) {
    case 'str':
    case 'bytes':
      return v.v;
    case 'int':
      return v.v.toString();
    case 'float':
      return floatRepr(v.v);
    default:
      return new PyError('redis.exceptions.DataError', `Invalid input of type: '${typeName(v)}'. Convert to a bytes, string, int or float first.`);
  }
}

/**
 * The command a method call sends, or `unsupported` (keyword options, other
 * arities: Python's TypeError names redis-py's mixin classes, not modelled).
 */
function command(name: string, args: PyValue[], kwargs: [string, PyValue][]): (PyValue | string)[] | 'unsupported' {
  if (kwargs.length > 0) return 'unsupported';
  const arity = (n: number): boolean => args.length === n;
  switch (name) {
    case 'ping':
    case 'dbsize':
    case 'flushdb':
    case 'flushall':
      return arity(0) ? [name.toUpperCase()] : 'unsupported';
    case 'get':
    case 'echo':
      return arity(1) ? [name.toUpperCase(), ...args] : 'unsupported';
    case 'set':
      return arity(2) ? ['SET', ...args] : 'unsupported';
    case 'delete':
      return ['DEL', ...args];
    case 'exists':
      return ['EXISTS', ...args];
    case 'incr':
      // redis-py sends INCRBY NAME 1; the simulated server answers it as INCR.
      return arity(1) ? ['INCR', args[0]!] : 'unsupported';
    case 'keys':
      return args.length <= 1 ? ['KEYS', args[0] ?? '*'] : 'unsupported';
    default:
      return 'unsupported';
  }
}

/** A reply through redis-py's response callbacks. */
function decode(name: string, reply: RedisReply, decodeResponses: boolean): PyValue | PyError {
  const text = (s: string): PyValue => (decodeResponses ? { t: 'str', v: s } : { t: 'bytes', v: s });
  switch (reply.type) {
    case 'error': {
      const [code, ...rest] = reply.text.split(' ');
      return new PyError('redis.exceptions.ResponseError', code === 'ERR' ? rest.join(' ') : reply.text, true);
    }
    case 'status':
      if (name === 'ping') return { t: 'bool', v: reply.text === 'PONG' };
      return reply.text === 'OK' ? TRUE : text(reply.text);
    case 'bulk':
      return reply.text === null ? NONE : text(reply.text);
    case 'integer':
      return { t: 'int', v: BigInt(reply.value) };
    case 'array':
      return { t: 'list', items: reply.items.map(text) };
  }
}

/** Runs `client.name(*args, **kwargs)`: its value, the exception it raises, or `unsupported`. */
export function callMethod(client: RedisClient, name: string, args: PyValue[], kwargs: [string, PyValue][], send: RedisTransport, traces: Trace[]): PyValue | PyError | 'unsupported' {
  const cmd = command(name, args, kwargs);
  if (cmd === 'unsupported') return cmd;
  const wire: string[] = [];
  for (const part of cmd) {
    const encoded = typeof part === 'string' ? part : encode(part);
    if (encoded instanceof PyError) return encoded;
    wire.push(encoded);
  }
  const answer = send(client.host, client.port, wire);
  traces.push(...answer.traces);
  if ('notRedis' in answer) return 'unsupported';
  if ('error' in answer) {
    const { errno, reason } = answer.error;
    return new PyError('redis.exceptions.ConnectionError', `Error ${errno} connecting to ${client.host}:${client.port}. ${reason}.`, true);
  }
  return decode(name, answer.reply, client.decode);
}
