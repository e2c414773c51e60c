/**
 * The database images' docker-entrypoint.sh at a container's start, as far as `docker
 * logs` shows it: a missing password ends the container with status 1 and the script's
 * own error; otherwise the server starts, and the log has the script's notes and the
 * server's lines saying it accepts connections. Sources (texts copied from them):
 *
 * - docker-library/postgres 6edb0a8c4def40c371514b34aef9037ec82d9110, 16/trixie/docker-entrypoint.sh
 *   (docker_verify_minimum_env, _main); the server's lines: postgres src/backend/libpq/pqcomm.c
 *   ("listening on %s address \"%s\", port %d", "listening on Unix socket \"%s\"") and
 *   postmaster.c ("database system is ready to accept connections"), log_line_prefix '%m [%p] '.
 * - docker-library/mysql 7f30fdb0738041fc5125e8218e393e0a891243e9, 8.4/docker-entrypoint.sh
 *   (mysql_log, docker_verify_minimum_env, _main); mysqld's ER_SERVER_STARTUP_MSG
 *   (share/messages_to_error_log.txt) and the X Plugin's MY-011323.
 * - MariaDB/mariadb-docker 1b6429ba3544e134715c15f8c56cc6f665f827c9, 12.2/docker-entrypoint.sh;
 *   mariadbd's "ready for connections." (sql/mysqld.cc, ER_STARTUP).
 * - docker-library/mongo 2c69a57b939afb99266e8f97258adb178e9559e0, 8.2/docker-entrypoint.sh;
 *   mongod's log id 23016 "Waiting for connections".
 *
 * Left out, because no source here gives their exact text for these versions: initdb's and
 * mysqld --initialize's output, the temporary servers' lines, the servers' other startup
 * lines (versions, compiler, warnings). What is shown is each log's last lines, in order.
 */
import type { Container } from '../../docker/model.ts';
import type { Engine } from '../../docker/engine.ts';
import { databaseKindOf, envRecord, type DatabaseKind } from './database.ts';

export interface DatabaseStart {
  /** The entrypoint's and the server's output, as `docker logs` shows it. */
  log: string;
  /** Set when the entrypoint exits instead of starting the server. */
  exitCode?: number;
}

const POSTGRES_NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

const POSTGRES_TRUST_WARNING = `********************************************************************************
WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow
         anyone with access to the Postgres port to access your database without
         a password, even if POSTGRES_PASSWORD is set. See PostgreSQL
         documentation about "trust":
         https://www.postgresql.org/docs/current/auth-trust.html
         In Docker's default configuration, this is effectively any other
         container on the same system.

         It is not recommended to use POSTGRES_HOST_AUTH_METHOD=trust. Replace
         it with "-e POSTGRES_PASSWORD=password" instead to set a password in
         "docker run".
********************************************************************************
`;

const MYSQL_NO_PASSWORD = `Database is uninitialized and password option is not specified
    You need to specify one of the following as an environment variable:
    - MYSQL_ROOT_PASSWORD
    - MYSQL_ALLOW_EMPTY_PASSWORD
    - MYSQL_RANDOM_ROOT_PASSWORD`;

const MARIADB_NO_PASSWORD = 'Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD';

const MONGO_HALF_ROOT = `
error: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'
       both must be specified for a user to be created

`;

const iso = (ms: number) => new Date(ms).toISOString();
/** postgres's %m: `2026-12-07 07:30:00.123 UTC`. */
const pgTime = (ms: number) => `${iso(ms).slice(0, 10)} ${iso(ms).slice(11, 23)} UTC`;
/** `date --rfc-3339=seconds` in a UTC container: `2026-12-07 07:30:00+00:00`. */
const rfc3339 = (ms: number) => `${iso(ms).slice(0, 10)} ${iso(ms).slice(11, 19)}+00:00`;
/** mysqld's log_timestamps=UTC: microseconds. */
const mysqldTime = (ms: number) => `${iso(ms).slice(0, 23)}000Z`;
/** mariadbd's `%04d-%02d-%02d %2d:%02d:%02d`. */
const mariadbTime = (ms: number) => {
  const d = new Date(ms);
  return `${iso(ms).slice(0, 10)} ${String(d.getUTCHours()).padStart(2, ' ')}:${iso(ms).slice(14, 19)}`;
};
/** mongod's `$date`: milliseconds and the offset. */
const mongoTime = (ms: number) => `${iso(ms).slice(0, 23)}+00:00`;

/** Whether a variable is set to a non-empty value (the scripts' `[ -z "$VAR" ]`). */
const set = (env: Record<string, string>, name: string) => (env[name] ?? '') !== '';

function postgresStart(env: Record<string, string>, now: number, initialized: boolean): DatabaseStart {
  const trust = env.POSTGRES_HOST_AUTH_METHOD === 'trust';
  let log = '';
  if (!initialized) {
    if (!set(env, 'POSTGRES_PASSWORD') && !trust) return { log: POSTGRES_NO_PASSWORD, exitCode: 1 };
    if (trust) log += POSTGRES_TRUST_WARNING;
    log += '\nPostgreSQL init process complete; ready for start up.\n\n';
  } else log += '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n';
  const line = (text: string) => `${pgTime(now)} [1] LOG:  ${text}\n`;
  log += line('listening on IPv4 address "0.0.0.0", port 5432');
  log += line('listening on IPv6 address "::", port 5432');
  log += line('listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
  log += line('database system is ready to accept connections');
  return { log };
}

function mysqlStart(kind: 'mysql' | 'mariadb', env: Record<string, string>, now: number, initialized: boolean): DatabaseStart {
  const note = (type: string, text: string) => `${rfc3339(now)} [${type}] [Entrypoint]: ${text}\n`;
  const product = kind === 'mysql' ? `MySQL Server ${env.MYSQL_VERSION ?? ''}` : `MariaDB Server ${env.MARIADB_VERSION ?? ''}`;
  // The script runs as root, notes its start, and runs itself again as mysql (gosu), noting it again.
  let log = note('Note', `Entrypoint script for ${product} started.`) + note('Note', "Switching to dedicated user 'mysql'") + note('Note', `Entrypoint script for ${product} started.`);
  if (!initialized) {
    const value = (name: string) => (kind === 'mariadb' ? env[`MARIADB_${name}`] || env[`MYSQL_${name}`] : env[`MYSQL_${name}`]) ?? '';
    const allowEmpty = kind === 'mariadb' ? value('ALLOW_EMPTY_ROOT_PASSWORD') || env.MYSQL_ALLOW_EMPTY_PASSWORD : value('ALLOW_EMPTY_PASSWORD');
    const hasPassword = value('ROOT_PASSWORD') !== '' || (kind === 'mariadb' && value('ROOT_PASSWORD_HASH') !== '') || (allowEmpty ?? '') !== '' || value('RANDOM_ROOT_PASSWORD') !== '';
    if (!hasPassword) return { log: log + note('ERROR', kind === 'mysql' ? MYSQL_NO_PASSWORD : MARIADB_NO_PASSWORD), exitCode: 1 };
    log += `\n${note('Note', `${kind === 'mysql' ? 'MySQL' : 'MariaDB'} init process done. Ready for start up.`)}\n`;
  }
  if (kind === 'mysql') {
    const version = (env.MYSQL_VERSION ?? '').replace(/-.*$/, '');
    log += `${mysqldTime(now)} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock\n`;
    log += `${mysqldTime(now)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n`;
  } else {
    const version = (env.MARIADB_VERSION ?? '').replace(/^\d+:/, '').replace(/\+maria~(\w+)$/, '-MariaDB-$1');
    log += `${mariadbTime(now)} 0 [Note] mariadbd: ready for connections.\nVersion: '${version}'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution\n`;
  }
  return { log };
}

function mongoStart(env: Record<string, string>, now: number): DatabaseStart {
  if (set(env, 'MONGO_INITDB_ROOT_USERNAME') !== set(env, 'MONGO_INITDB_ROOT_PASSWORD')) return { log: MONGO_HALF_ROOT, exitCode: 1 };
  return { log: `{"t":{"$date":"${mongoTime(now)}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}\n` };
}

/**
 * What the entrypoint does at this start. `initialized`: an earlier start of the
 * container set its database up (the data directory is in its writable layer), so the
 * password checks are skipped, as the scripts skip them for an existing database.
 */
export function databaseStart(kind: DatabaseKind, env: Record<string, string>, now: number, initialized: boolean): DatabaseStart {
  switch (kind) {
    case 'postgres':
      return postgresStart(env, now, initialized);
    case 'mysql':
    case 'mariadb':
      return mysqlStart(kind, env, now, initialized);
    case 'mongo':
      return mongoStart(env, now);
  }
}

/**
 * Starts a database image's main process in a running container: its log, and its end
 * when the entrypoint refuses to set the database up. `initialized` keeps the containers
 * whose database an earlier start set up. Returns false for an image that runs no database.
 */
export function startDatabase(engine: Engine, c: Container, initialized: WeakSet<Container>): boolean {
  const image = engine.imageOf(c);
  const kind = image.listens.map((l) => databaseKindOf(l.process)).find((k) => k !== undefined);
  if (kind === undefined) return false;
  const start = databaseStart(kind, envRecord(engine.containerEnv(c)), engine.kernel.now, initialized.has(c));
  c.logs += start.log;
  if (start.exitCode !== undefined) engine.mainProcessExited(c.id, start.exitCode);
  else initialized.add(c);
  return true;
}
