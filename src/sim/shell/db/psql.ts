/**
 * PostgreSQL's clients: pg_isready (src/bin/scripts/pg_isready.c) and a small, honest
 * part of psql (src/bin/psql): connecting as libpq does (options, a postgresql:// URI
 * or key=value string, the PG* variables, a Unix socket in /var/run/postgresql when no
 * host is given), libpq's connection errors word for word (fe-connect.c: "could not
 * translate host name", "connection to server at ... failed", the server's FATALs),
 * and a few statements in psql's aligned format. Anything else says so in one
 * `vethlab:` line. The docker image's pg_hba.conf (docker-entrypoint.sh
 * pg_setup_hba_conf, initdb's defaults): local and loopback connections trust,
 * `host all all all $POSTGRES_HOST_AUTH_METHOD` (scram-sha-256) for the others.
 */
import { getopt, type GetoptError } from '../getopt.ts';
import type { Command, CommandOutput } from '../types.ts';
import { fail } from '../types.ts';
import { CONNECT_ERRORS, converse, localServer, reach, unknownNameText, type ClientPlace } from './connect.ts';
import type { PostgresServer } from './database.ts';
import { alignedTable } from './pg-table.ts';

const SOCKET_DIR = '/var/run/postgresql';

/** What a client asks for: the connection parameters libpq ends up with. */
interface Target {
  host: string | undefined;
  port: string;
  user: string;
  dbname: string;
  password: string | undefined;
}

/** A connection string's parameters: `postgresql://user:pass@host:port/db` or `host=db user=x`. */
function parseConninfo(text: string): Record<string, string> | string {
  const uri = /^postgres(?:ql)?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?]*)(?::(\d*))?(?:\/([^?]*))?(?:\?.*)?$/.exec(text);
  if (uri) {
    const out: Record<string, string> = {};
    const [, user, password, host, port, dbname] = uri;
    if (user) out.user = decodeURIComponent(user);
    if (password !== undefined) out.password = decodeURIComponent(password);
    if (host) out.host = host;
    if (port) out.port = port;
    if (dbname) out.dbname = decodeURIComponent(dbname);
    return out;
  }
  if (/^postgres(ql)?:\/\//.test(text)) return `invalid URI: "${text}"`;
  if (!text.includes('=')) return { dbname: text };
  const out: Record<string, string> = {};
  for (const pair of text.trim().split(/\s+/)) {
    const eq = pair.indexOf('=');
    if (eq < 0) return `missing "=" after "${pair}" in connection info string\n`;
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** libpq's precedence: the connection string's values, then the options, then PG* variables, then defaults. */
function target(options: { host?: string; port?: string; user?: string; dbname?: string }, env: Record<string, string>): Target | string {
  let conn: Record<string, string> = {};
  if (options.dbname !== undefined && (options.dbname.includes('=') || /^postgres(ql)?:\/\//.test(options.dbname))) {
    const parsed = parseConninfo(options.dbname);
    if (typeof parsed === 'string') return parsed;
    conn = parsed;
  } else if (options.dbname !== undefined) conn = { dbname: options.dbname };
  const user = conn.user ?? options.user ?? env.PGUSER ?? env.USER ?? 'root';
  return {
    host: conn.host ?? options.host ?? env.PGHOST,
    port: conn.port ?? options.port ?? env.PGPORT ?? '5432',
    user,
    dbname: conn.dbname ?? env.PGDATABASE ?? user,
    password: conn.password ?? env.PGPASSWORD,
  };
}

type Session = { server: PostgresServer; target: Target; socket: boolean; address: string; traces: CommandOutput['traces'] & object };

/** libpq's connect: a session, or its error message (without `psql: error: `) and the traces so far. */
function connect(place: ClientPlace, t: Target, timeout?: number): Session | { error: string; traces: NonNullable<CommandOutput['traces']>; reached: boolean } {
  if (t.host === undefined || t.host.startsWith('/')) {
    const dir = t.host ?? SOCKET_DIR;
    const server = localServer(place);
    const where = `connection to server on socket "${dir}/.s.PGSQL.${t.port}" failed`;
    if (!server || server.kind !== 'postgres' || dir !== SOCKET_DIR || t.port !== '5432') return { error: `${where}: No such file or directory\n\tIs the server running locally and accepting connections on that socket?`, traces: [], reached: false };
    return authenticate({ server, target: t, socket: true, address: '', traces: [] }, 'local', where);
  }
  const port = Number(t.port);
  if (!/^\d+$/.test(t.port) || port > 65535) return { error: `invalid integer value "${t.port}" for connection option "port"`, traces: [], reached: false };
  const reached = reach(place, t.host, port, timeout);
  if (reached.kind === 'unknown-host') return { error: `could not translate host name "${t.host}" to address: ${unknownNameText(place.libc)}`, traces: reached.traces, reached: false };
  const where = `connection to server at "${t.host}"${reached.address === t.host ? '' : ` (${reached.address})`}, port ${port} failed`;
  if (reached.kind === 'failed') return { error: `${where}: ${CONNECT_ERRORS[reached.failure].text}\n\tIs the server running on that host and accepting TCP/IP connections?`, traces: reached.traces, reached: false };
  if (reached.kind === 'other' || reached.server.kind !== 'postgres') {
    converse(place, reached.traces, '', '');
    return { error: `vethlab: ${reached.kind === 'other' ? reached.process || 'a program' : reached.process} answers on that port, not PostgreSQL; what libpq says then is not modelled here`, traces: reached.traces, reached: false };
  }
  return authenticate({ server: reached.server, target: t, socket: false, address: reached.address, traces: reached.traces }, reached.client, where);
}

/** pg_hba.conf's verdict and the server's FATALs, as libpq reports them. */
function authenticate(s: Session, client: string, where: string): Session | { error: string; traces: NonNullable<CommandOutput['traces']>; reached: boolean } {
  const { server, target: t } = s;
  const trusted = client === 'local' || client === '127.0.0.1' || client === '::1' || server.hostAuth === 'trust';
  const fatal = (text: string) => ({ error: `${where}: FATAL:  ${text}`, traces: s.traces, reached: true });
  if (!trusted) {
    if (t.password === undefined || t.password === '') return { error: `${where}: fe_sendauth: no password supplied`, traces: s.traces, reached: true };
    if (t.user !== server.user || t.password !== server.password) return fatal(`password authentication failed for user "${t.user}"`);
  }
  if (t.user !== server.user) return fatal(`role "${t.user}" does not exist`);
  if (!server.databases.includes(t.dbname) || t.dbname === 'template0') return fatal(t.dbname === 'template0' ? 'database "template0" is not currently accepting connections' : `database "${t.dbname}" does not exist`);
  return s;
}

/**
 * version()'s text. The Debian images' (pgdg13, trixie) compiler part is what published
 * runs of them print (`PostgreSQL 16.14 (Debian 16.14-1.pgdg13+1) on x86_64-pc-linux-gnu,
 * compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit`, and the same for 14.19, 15.15,
 * 16.10, 18.3). The Alpine images' is Alpine's gcc 14.2.0 as its package names itself;
 * no published postgres:*-alpine run confirmed it.
 */
function versionText(server: PostgresServer): string {
  return server.debianVersion !== undefined
    ? `PostgreSQL ${server.version} (Debian ${server.debianVersion}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit`
    : `PostgreSQL ${server.version} on x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit`;
}

interface Format {
  tuplesOnly: boolean;
  unaligned: boolean;
}

/** A result as psql prints it: aligned (the default), unaligned (-A, `|` between fields), tuples only (-t). */
function printResult(columns: { name: string; numeric?: boolean }[], rows: string[][], format: Format, title?: string): string {
  if (format.unaligned) {
    const body = rows.map((r) => `${r.join('|')}\n`).join('');
    if (format.tuplesOnly) return body;
    return `${title !== undefined ? `${title}\n` : ''}${columns.map((c) => c.name).join('|')}\n${body}(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})\n`;
  }
  const table = alignedTable(columns, rows, title);
  if (!format.tuplesOnly) return table;
  // -t: the rows alone, and the empty line that ends a result.
  const lines = table.split('\n');
  return `${lines.slice(title === undefined ? 2 : 3, lines.length - 3).join('\n')}\n\n`;
}

const MODELLED = 'SELECT 1, SELECT version(), SELECT current_user, SELECT current_database(), \\conninfo, \\l and \\q are';

/** The databases `\l` lists (describe.c listAllDbs), by the server's major version. */
function listDatabases(server: PostgresServer, format: Format): string {
  const major = Number(server.version.split('.')[0]);
  const columns = ['Name', 'Owner', 'Encoding', 'Locale Provider', 'Collate', 'Ctype', major >= 17 ? 'Locale' : 'ICU Locale', 'ICU Rules', 'Access privileges'].map((name) => ({ name }));
  const rows = server.databases.map((db) => [db, server.user, 'UTF8', 'libc', 'en_US.utf8', 'en_US.utf8', '', '', db.startsWith('template') ? `=c/${server.user}\n${server.user}=CTc/${server.user}` : '']);
  return printResult(columns, rows, format, 'List of databases');
}

/** One statement or meta-command: its output, or an error line and psql's status. */
function execute(statement: string, s: Session, format: Format, clientMajor: number): { stdout: string; stderr?: string; quit?: true } {
  const text = statement.trim().replace(/;\s*$/, '').trim();
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  if (lower === '\\q') return { stdout: '', quit: true };
  if (lower === '\\l' || lower === '\\list') return { stdout: listDatabases(s.server, format) };
  if (lower === '\\conninfo') {
    // psql 18 prints \conninfo as a table of many rows, which is not modelled.
    if (clientMajor >= 18) return { stdout: '', stderr: `vethlab: psql ${clientMajor}'s \\conninfo table is not modelled here\n` };
    const t = s.target;
    const who = `You are connected to database "${t.dbname}" as user "${t.user}"`;
    if (s.socket) return { stdout: `${who} via socket in "${SOCKET_DIR}" at port "${t.port}".\n` };
    return { stdout: `${who} on host "${t.host}"${s.address === t.host ? '' : ` (address "${s.address}")`} at port "${t.port}".\n` };
  }
  const number = /^select (-?\d+)$/.exec(lower);
  if (number) return { stdout: printResult([{ name: '?column?', numeric: true }], [[String(Number(number[1]))]], format) };
  if (lower === 'select version()') return { stdout: printResult([{ name: 'version' }], [[versionText(s.server)]], format) };
  if (lower === 'select current_user') return { stdout: printResult([{ name: 'current_user' }], [[s.target.user]], format) };
  if (lower === 'select current_database()') return { stdout: printResult([{ name: 'current_database' }], [[s.target.dbname]], format) };
  return { stdout: '', stderr: `vethlab: psql: this statement is not modelled here (${MODELLED}): ${text}\n` };
}

/** Statements of a script: split at `;` ends of lines, meta-commands one a line. */
function splitScript(input: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const line of input.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('--')) continue;
    if (pending === '' && trimmed.startsWith('\\')) {
      out.push(trimmed);
      continue;
    }
    pending += `${pending ? ' ' : ''}${trimmed}`;
    if (pending.endsWith(';')) {
      out.push(pending);
      pending = '';
    }
  }
  return out;
}

const PSQL_LONG = {
  host: { key: 'h', value: 'required' }, port: { key: 'p', value: 'required' }, username: { key: 'U', value: 'required' }, dbname: { key: 'd', value: 'required' },
  command: { key: 'c', value: 'required' }, 'no-password': { key: 'w' }, password: { key: 'W' }, quiet: { key: 'q' }, 'no-psqlrc': { key: 'X' },
  'tuples-only': { key: 't' }, 'no-align': { key: 'A' }, list: { key: 'l' }, version: { key: 'V' }, help: { key: '?' },
  file: { key: 'f', value: 'required' }, output: { key: 'o', value: 'required' }, set: { key: 'v', value: 'required' }, variable: { key: 'v', value: 'required' },
  expanded: { key: 'x' }, 'echo-all': { key: 'a' }, 'echo-queries': { key: 'e' }, 'single-transaction': { key: '1' }, html: { key: 'H' }, 'field-separator': { key: 'F', value: 'required' },
} as const;

/** psql's client version, for `--version` and what \conninfo looks like. */
export interface PgClient {
  /** `16.15 (Debian 16.15-1.pgdg13+2)`, `17.5`. */
  version: string;
}

function usageError(e: GetoptError): CommandOutput {
  const text = e.kind === 'invalid' ? `psql: invalid option -- '${e.option}'` : e.kind === 'missing' ? `psql: option requires an argument -- '${e.option}'` : `psql: unrecognized option '${e.option}'`;
  return fail(`${text}\npsql: hint: Try "psql --help" for more information.\n`, 1);
}

export function psqlCommand(place: ClientPlace, client: PgClient): Command {
  const clientMajor = Number(client.version.split('.')[0]);
  return (argv, ctx) => {
    const parsed = getopt(argv, { flags: 'wWqXtAlVaex1H?', valued: 'hpUdcfovF', long: PSQL_LONG });
    if ('kind' in parsed) return usageError(parsed);
    const opts: { host?: string; port?: string; user?: string; dbname?: string } = {};
    const commands: string[] = [];
    const format: Format = { tuplesOnly: false, unaligned: false };
    let list = false;
    for (const [key, value] of parsed.options) {
      if (key === 'h') opts.host = value!;
      else if (key === 'p') opts.port = value!;
      else if (key === 'U') opts.user = value!;
      else if (key === 'd') opts.dbname = value!;
      else if (key === 'c') commands.push(value!);
      else if (key === 't') format.tuplesOnly = true;
      else if (key === 'A') format.unaligned = true;
      else if (key === 'l') list = true;
      else if (key === 'V') return { stdout: `psql (PostgreSQL) ${client.version}\n`, stderr: '', exitCode: 0 };
      else if (key === 'W') return fail('vethlab: psql -W prompts for a password on a terminal, which is not modelled here (give it in PGPASSWORD or the URI)\n', 1);
      else if (!['w', 'q', 'X'].includes(key)) return fail(`vethlab: psql -${key} is not modelled here (-h, -p, -U, -d, -c, -l, -t, -A, -q, -w, -X are)\n`, 1);
    }
    const [first, second, ...extra] = parsed.operands;
    // psql warns of each argument beyond the database and user, and goes on.
    const warnings = extra.map((a) => `psql: warning: extra command-line argument "${a}" ignored\n`).join('');
    if (first !== undefined && opts.dbname === undefined) opts.dbname = first;
    if (second !== undefined && opts.user === undefined) opts.user = second;
    const t = target(opts, ctx.env);
    if (typeof t === 'string') return fail(`${warnings}psql: error: ${t}\n`, 1);
    const session = connect(place, t);
    if ('error' in session) return { stdout: '', stderr: `${warnings}psql: error: ${session.error}\n`, exitCode: 2, traces: session.traces };
    const statements = list ? ['\\l'] : commands.length > 0 ? commands : splitScript(ctx.stdin);
    // On a terminal (exec -t sets TERM) with nothing to run, psql would prompt: that prompt is not modelled.
    if (statements.length === 0 && ctx.stdin === '' && ctx.env.TERM !== undefined) return { stdout: '', stderr: `${warnings}vethlab: psql's interactive prompt is not modelled here (give the statement with -c)\n`, exitCode: 1, traces: session.traces };
    let stdout = '';
    let stderr = warnings;
    let exitCode = 0;
    for (const statement of statements) {
      const result = execute(statement, session, format, clientMajor);
      stdout += result.stdout;
      if (result.stderr) {
        stderr += result.stderr;
        exitCode = 1;
        if (commands.length > 0) break;
      }
      if (result.quit) break;
    }
    if (!session.socket) converse(place, session.traces, statements.join('\n'), stdout);
    return { stdout, stderr, exitCode, traces: session.traces };
  };
}

const ISREADY_LONG = {
  host: { key: 'h', value: 'required' }, port: { key: 'p', value: 'required' }, username: { key: 'U', value: 'required' }, dbname: { key: 'd', value: 'required' },
  timeout: { key: 't', value: 'required' }, quiet: { key: 'q' }, version: { key: 'V' }, help: { key: '?' },
} as const;

/**
 * pg_isready: `HOST:PORT - accepting connections` (0), `rejecting connections` (1),
 * `no response` (2), `no attempt` (3); HOST as given, or the socket directory. A
 * server that refuses the login still accepts connections (PQping reads the
 * server's answer, not whether the login succeeds).
 */
export function pgIsreadyCommand(place: ClientPlace, client: PgClient): Command {
  return (argv, ctx) => {
    const parsed = getopt(argv, { flags: 'qV?', valued: 'hpUdt', long: ISREADY_LONG });
    if ('kind' in parsed) {
      const text = parsed.kind === 'invalid' ? `pg_isready: invalid option -- '${parsed.option}'` : parsed.kind === 'missing' ? `pg_isready: option requires an argument -- '${parsed.option}'` : `pg_isready: unrecognized option '${parsed.option}'`;
      return fail(`${text}\npg_isready: hint: Try "pg_isready --help" for more information.\n`, 3);
    }
    const opts: { host?: string; port?: string; user?: string; dbname?: string } = {};
    let quiet = false;
    let timeout = 3;
    for (const [key, value] of parsed.options) {
      if (key === 'h') opts.host = value!;
      else if (key === 'p') opts.port = value!;
      else if (key === 'U') opts.user = value!;
      else if (key === 'd') opts.dbname = value!;
      else if (key === 'q') quiet = true;
      else if (key === 't') timeout = Number(value);
      else if (key === 'V') return { stdout: `pg_isready (PostgreSQL) ${client.version}\n`, stderr: '', exitCode: 0 };
      else return fail('vethlab: pg_isready --help is not modelled here\n', 3);
    }
    if (parsed.operands.length > 0) return fail(`pg_isready: error: too many command-line arguments (first is "${parsed.operands[0]}")\npg_isready: hint: Try "pg_isready --help" for more information.\n`, 3);
    const t = target(opts, ctx.env);
    if (typeof t === 'string') return fail(`pg_isready: ${t}\n`, 3);
    const session = connect(place, t, timeout > 0 ? timeout : undefined);
    const ok = !('error' in session) || session.reached;
    if ('error' in session ? session.reached : !session.socket) converse(place, session.traces, '', '');
    const line = `${t.host ?? SOCKET_DIR}:${t.port} - ${ok ? 'accepting connections' : 'no response'}\n`;
    return { stdout: quiet ? '' : line, stderr: '', exitCode: ok ? 0 : 2, traces: session.traces };
  };
}
