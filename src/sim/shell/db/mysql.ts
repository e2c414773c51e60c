/**
 * The MySQL and MariaDB command-line clients: `mysql`/`mariadb` with -h -P -u -p<pw>
 * -D -e (and their long forms), and `mysqladmin ping`. Connecting as libmysqlclient
 * and MariaDB Connector/C do: `localhost` (the default) is the Unix socket, any other
 * host is TCP; their errors word for word (CR_UNKNOWN_HOST 2005, CR_CONN_HOST_ERROR
 * 2003 / MariaDB's 2002, CR_CONNECTION_ERROR 2002 for the socket, the server's
 * ER_ACCESS_DENIED_ERROR 1045, ER_DBACCESS_DENIED_ERROR 1044, ER_BAD_DB_ERROR 1049).
 * Results: tab-separated with a header line when stdout is not a terminal (batch
 * mode), boxed on a terminal or with -t. The docker images create root@'%' (MYSQL_ROOT_HOST)
 * and MYSQL_USER@'%' with all rights on MYSQL_DATABASE, and skip name resolution, so
 * the server names a client by its address.
 */
import type { Command, CommandOutput } from '../types.ts';
import { fail } from '../types.ts';
import { CONNECT_ERRORS, converse, localServer, reach, type ClientPlace } from './connect.ts';
import type { MysqlServer } from './database.ts';

/** Whose client it is: Oracle's (the mysql image) or MariaDB's (the mariadb image, the distributions' packages). */
export interface MysqlClient {
  flavor: 'mysql' | 'mariadb';
  /** The client's version: MariaDB 11 and later warn when called by the old name `mysql`. */
  major: number;
}

interface Options {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string | undefined;
  execute: string[];
  table: boolean;
  skipNames: boolean;
  protocolTcp: boolean;
  rest: string[];
}

/** my_getopt's reading: `-pSECRET` (attached only; `-p` alone prompts), `-uroot`, `-u root`, `--user=root`, `--user root`. */
function parseOptions(argv: readonly string[], env: Record<string, string>): Options | string {
  const o: Options = { host: env.MYSQL_HOST ?? 'localhost', port: 3306, user: 'root', password: env.MYSQL_PWD, database: undefined, execute: [], table: false, skipNames: false, protocolTcp: false, rest: [] };
  const valued: Record<string, keyof Options> = { h: 'host', P: 'port', u: 'user', D: 'database', e: 'execute', host: 'host', port: 'port', user: 'user', database: 'database', execute: 'execute' };
  const set = (key: keyof Options, value: string): string | undefined => {
    if (key === 'port') {
      if (!/^\d+$/.test(value)) return `Incorrect integer value: '${value}'`;
      o.port = Number(value);
    } else if (key === 'execute') o.execute.push(value);
    else if (key === 'host' || key === 'user') o[key] = value;
    else if (key === 'database') o.database = value;
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const value = eq < 0 ? undefined : a.slice(eq + 1);
      if (name === 'password') {
        if (value === undefined) return 'vethlab: a password prompt (--password without a value) is not modelled here; give it as --password=SECRET';
        o.password = value;
      } else if (name === 'table') o.table = true;
      else if (name === 'batch' || name === 'silent') continue;
      else if (name === 'skip-column-names') o.skipNames = true;
      else if (name === 'protocol') o.protocolTcp = (value ?? argv[++i] ?? '').toUpperCase() === 'TCP';
      else if (valued[name] !== undefined) {
        const v = value ?? argv[++i];
        if (v === undefined) return `option '--${name}' requires an argument`;
        const err = set(valued[name]!, v);
        if (err) return err;
      } else return `vethlab: ${a.split('=')[0]} is not modelled here (-h, -P, -u, -p, -D, -e, -t, -B, -N, --protocol are)`;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const letter = a[j]!;
        if (letter === 'p') {
          if (j + 1 === a.length) return 'vethlab: a password prompt (-p without a value) is not modelled here; write it attached: -pSECRET';
          o.password = a.slice(j + 1);
          break;
        }
        if (letter === 't') o.table = true;
        else if (letter === 'B' || letter === 's') continue;
        else if (letter === 'N') o.skipNames = true;
        else if (valued[letter] !== undefined) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) return `option '-${letter}' requires an argument`;
          const err = set(valued[letter]!, v);
          if (err) return err;
          break;
        } else return `vethlab: -${letter} is not modelled here (-h, -P, -u, -p, -D, -e, -t, -B, -N, --protocol are)`;
      }
    } else o.rest.push(a);
  }
  return o;
}

type Session = { server: MysqlServer; user: string; clientHost: string; database: string | undefined; traces: NonNullable<CommandOutput['traces']> };
type Refused = { error: string; serverAnswered: boolean; traces: NonNullable<CommandOutput['traces']> };

function socketPath(client: MysqlClient): string {
  return client.flavor === 'mysql' ? '/var/run/mysqld/mysqld.sock' : '/run/mysqld/mysqld.sock';
}

/** Connects and logs in, as the client library reports each failure. */
function connect(place: ClientPlace, client: MysqlClient, o: Options): Session | Refused {
  const maria = client.flavor === 'mariadb';
  if (o.host === 'localhost' && !o.protocolTcp) {
    const server = localServer(place);
    if (!server || (server.kind !== 'mysql' && server.kind !== 'mariadb') || socketPath(client) !== socketPath({ flavor: server.kind, major: 0 })) {
      return { error: `ERROR 2002 (HY000): Can't connect to local ${maria ? '' : 'MySQL '}server through socket '${socketPath(client)}' (2)`, serverAnswered: false, traces: [] };
    }
    return login(server, o, 'localhost', []);
  }
  const host = o.host === 'localhost' ? '127.0.0.1' : o.host;
  const reached = reach(place, host, o.port);
  if (reached.kind === 'unknown-host') return { error: `ERROR 2005 (HY000): Unknown ${maria ? '' : 'MySQL '}server host '${o.host}' (-2)`, serverAnswered: false, traces: reached.traces };
  if (reached.kind === 'failed') {
    // Connector/C connects without blocking: its errno is connect's EINPROGRESS (115), whatever came next.
    const error = maria ? `ERROR 2002 (HY000): Can't connect to server on '${o.host}' (115)` : `ERROR 2003 (HY000): Can't connect to MySQL server on '${o.host}:${o.port}' (${CONNECT_ERRORS[reached.failure].errno})`;
    return { error, serverAnswered: false, traces: reached.traces };
  }
  if (reached.kind === 'other' || (reached.server.kind !== 'mysql' && reached.server.kind !== 'mariadb')) {
    converse(place, reached.traces, '', '');
    return { error: `vethlab: ${reached.process || 'a program'} answers on that port, not a MySQL server; what the client says then is not modelled here`, serverAnswered: false, traces: reached.traces };
  }
  return login(reached.server, o, reached.client, reached.traces);
}

function login(server: MysqlServer, o: Options, clientHost: string, traces: Session['traces']): Session | Refused {
  const using = o.password !== undefined && o.password !== '' ? 'YES' : 'NO';
  const given = o.password ?? '';
  const denied = { error: `ERROR 1045 (28000): Access denied for user '${o.user}'@'${clientHost}' (using password: ${using})`, serverAnswered: true, traces };
  const root = o.user === 'root';
  if (root ? server.rootPassword === undefined || server.rootPassword !== given : server.user?.name !== o.user || server.user.password !== given) return denied;
  const database = o.database ?? o.rest[0];
  if (database !== undefined) {
    if (!databasesOf(server, o.user).includes(database)) {
      if (!root && !['mysql', 'sys'].includes(database) && database !== server.database) return { error: `ERROR 1049 (42000): Unknown database '${database}'`, serverAnswered: true, traces };
      if (!root) return { error: `ERROR 1044 (42000): Access denied for user '${o.user}'@'%' to database '${database}'`, serverAnswered: true, traces };
      return { error: `ERROR 1049 (42000): Unknown database '${database}'`, serverAnswered: true, traces };
    }
  }
  return { server, user: o.user, clientHost, database, traces };
}

/** SHOW DATABASES: what the user may see. */
function databasesOf(server: MysqlServer, user: string): string[] {
  const own = server.database ? [server.database] : [];
  const all = user === 'root' ? ['information_schema', 'mysql', 'performance_schema', 'sys', ...own] : ['information_schema', 'performance_schema', ...own];
  return [...new Set(all)].sort();
}

/** A result: tab-separated (batch) or boxed (a terminal, -t); numbers right-aligned in boxes. */
function printResult(columns: string[], rows: string[][], boxed: boolean, skipNames: boolean, numeric: boolean[]): string {
  if (!boxed) return `${skipNames ? '' : `${columns.join('\t')}\n`}${rows.map((r) => `${r.join('\t')}\n`).join('')}`;
  const widths = columns.map((c, i) => Math.max(skipNames ? 0 : c.length, ...rows.map((r) => r[i]!.length)));
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  const line = (cells: string[], alignRight: boolean[]) => `|${cells.map((c, i) => ` ${alignRight[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)} `).join('|')}|\n`;
  return `${rule}${skipNames ? '' : line(columns, columns.map(() => false)) + rule}${rows.map((r) => line(r, numeric)).join('')}${rule}`;
}

const MODELLED = 'SELECT 1, SELECT VERSION(), SELECT USER(), SELECT CURRENT_USER(), SELECT DATABASE(), SHOW DATABASES are';

function execute(statement: string, s: Session, o: Options, boxed: boolean): { stdout: string; stderr?: string } {
  const text = statement.trim().replace(/;\s*$/, '').trim();
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  const one = (column: string, value: string, numeric = false) => ({ stdout: printResult([column], [[value]], boxed, o.skipNames, [numeric]) });
  // The column is named by the expression as it was written.
  const expression = text.replace(/^select\s+/i, '');
  const number = /^select (-?\d+)$/.exec(lower);
  if (number) return one(expression, String(Number(number[1])), true);
  if (lower === 'select version()') return one(expression, s.server.version);
  if (lower === 'select user()') return one(expression, `${s.user}@${s.clientHost}`);
  if (lower === 'select current_user()') return one(expression, `${s.user}@${s.clientHost === 'localhost' && s.user === 'root' ? 'localhost' : '%'}`);
  if (lower === 'select database()') return one(expression, s.database ?? 'NULL');
  if (lower === 'show databases') return { stdout: printResult(['Database'], databasesOf(s.server, s.user).map((d) => [d]), boxed, o.skipNames, [false]) };
  return { stdout: '', stderr: `vethlab: this statement is not modelled here (${MODELLED}): ${text}\n` };
}

/** The warnings a client prints before anything else. */
function warnings(client: MysqlClient, name: string, argv: readonly string[]): string {
  let out = '';
  if (client.flavor === 'mariadb' && client.major >= 11 && name === 'mysql') out += "mysql: Deprecated program name. It will be removed in a future release, use '/usr/bin/mariadb' instead\n";
  if (client.flavor === 'mysql' && argv.some((a) => /^-[^-]*p./.test(a) || a.startsWith('--password='))) out += `${name}: [Warning] Using a password on the command line interface can be insecure.\n`;
  return out;
}

/** `mysql` / `mariadb`: the statements of -e, or those on stdin, one result each. */
export function mysqlCommand(place: ClientPlace, client: MysqlClient, name: string): Command {
  return (argv, ctx) => {
    const o = parseOptions(argv, ctx.env);
    if (typeof o === 'string') return fail(o.startsWith('vethlab:') ? `${o}\n` : `${name}: ${o}\n`, 1);
    const warned = warnings(client, name, argv);
    const session = connect(place, client, o);
    if ('error' in session) return { stdout: '', stderr: `${warned}${session.error}\n`, exitCode: 1, traces: session.traces };
    // A terminal (docker exec -t sets TERM) gets boxes; a pipe or a file gets batch mode.
    const boxed = o.table || ctx.env.TERM !== undefined;
    const statements = o.execute.length > 0 ? o.execute.flatMap((e) => e.split(';')) : ctx.stdin.split(';');
    // On a terminal with nothing to run, the client would prompt: that prompt is not modelled.
    if (o.execute.length === 0 && ctx.stdin === '' && boxed && !o.table) return { stdout: '', stderr: `${warned}vethlab: ${name}'s interactive prompt is not modelled here (give the statement with -e)\n`, exitCode: 1, traces: session.traces };
    let stdout = '';
    let stderr = warned;
    let exitCode = 0;
    for (const statement of statements.filter((st) => st.trim() !== '')) {
      const result = execute(statement, session, o, boxed);
      stdout += result.stdout;
      if (result.stderr) {
        stderr += result.stderr;
        exitCode = 1;
        break;
      }
    }
    if (session.traces.length > 0) converse(place, session.traces, statements.join(';'), stdout);
    return { stdout, stderr, exitCode, traces: session.traces, ...(warned ? { stderrFirst: true } : {}) };
  };
}

/**
 * The hint mysqladmin.cc's sql_connect prints after a failed connect, chosen by the
 * error's number alone: CR_CONNECTION_ERROR (2002) names the socket, CR_CONN_HOST_ERROR
 * (2003) and CR_UNKNOWN_HOST (2005) the host and port. MariaDB's copy says `mariadbd`;
 * its Connector/C reports a refused TCP connection as 2002, so the socket hint follows it
 * there too (as published mariadb-admin runs against a TCP host show).
 */
function connectHint(client: MysqlClient, error: string, o: Options): string {
  const daemon = client.flavor === 'mariadb' ? 'mariadbd' : 'mysqld';
  if (error.startsWith('ERROR 2002 ')) return `Check that ${daemon} is running and that the socket: '${socketPath(client)}' exists!\n`;
  if (/^ERROR 200[35] /.test(error)) return `Check that ${daemon} is running on ${o.host} and that the port is ${o.port}.\nYou can check this by doing 'telnet ${o.host} ${o.port}'\n`;
  return '';
}

/**
 * `mysqladmin ping` (and mariadb-admin's): `mysqld is alive`, status 0 while the server
 * answers, even when it refuses the login (mysqladmin's documented exception for ping);
 * 1 when nothing answers. Other commands say they are not modelled.
 */
export function mysqladminCommand(place: ClientPlace, client: MysqlClient, name: string): Command {
  return (argv, ctx) => {
    const o = parseOptions(argv, ctx.env);
    if (typeof o === 'string') return fail(o.startsWith('vethlab:') ? `${o}\n` : `${name}: ${o}\n`, 1);
    const [command, ...more] = o.rest;
    if (command !== 'ping' || more.length > 0) return fail(`vethlab: ${name} ${command ?? '(no command)'} is not modelled here (ping is)\n`, 1);
    const warned = client.flavor === 'mysql' && argv.some((a) => /^-[^-]*p./.test(a) || a.startsWith('--password=')) ? `${name}: [Warning] Using a password on the command line interface can be insecure.\n` : '';
    // mysqladmin's operands are its commands, never a database.
    const session = connect(place, client, { ...o, rest: [] });
    if (!('error' in session)) {
      if (session.traces.length > 0) converse(place, session.traces, 'ping', '');
      return { stdout: 'mysqld is alive\n', stderr: warned, exitCode: 0, traces: session.traces, ...(warned ? { stderrFirst: true } : {}) };
    }
    const reason = session.error.replace(/^ERROR \d+ \([0-9A-Z]+\): /, '');
    let stderr = `${warned}${name}: connect to server at '${o.host}' failed\nerror: '${reason}'\n`;
    stderr += connectHint(client, session.error, o);
    return { stdout: '', stderr, exitCode: session.serverAnswered ? 0 : 1, traces: session.traces };
  };
}
