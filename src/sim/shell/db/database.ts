/**
 * The database servers of the official images (postgres, mysql, mariadb, mongo) as
 * their entrypoints set them up from the container's environment: who may log in with
 * which password, which databases exist, and the server's version. The clients
 * (psql, pg_isready, mysql, mysqladmin, mongosh) read this of the server they reach.
 */
import type { Container } from '../../docker/model.ts';
import type { Engine } from '../../docker/engine.ts';

export type DatabaseKind = 'postgres' | 'mysql' | 'mariadb' | 'mongo';

/** The server processes the catalog's images start (catalog.ts `listens`), by kind. */
const PROCESS_KINDS: Record<string, DatabaseKind> = { postgres: 'postgres', mysqld: 'mysql', mariadbd: 'mariadb', mongod: 'mongo' };

export function databaseKindOf(process: string): DatabaseKind | undefined {
  return PROCESS_KINDS[process];
}

/** KEY=VALUE pairs as a record (the last of a key wins, as in a process's environment). */
export function envRecord(env: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of env) {
    const eq = e.indexOf('=');
    if (eq > 0) out[e.slice(0, eq)] = e.slice(eq + 1);
  }
  return out;
}

export interface PostgresServer {
  kind: 'postgres';
  /** POSTGRES_USER, the superuser initdb creates (default postgres). */
  user: string;
  password: string;
  /** pg_hba.conf's method for TCP connections: POSTGRES_HOST_AUTH_METHOD, scram-sha-256 by default. */
  hostAuth: string;
  /** postgres, template0, template1 and POSTGRES_DB (default: the user's name), in `\l`'s order. */
  databases: string[];
  /** PG_VERSION without the Debian revision (16.15). */
  version: string;
  /** The Debian package's version (16.15-1.pgdg13+2), or undefined on Alpine. */
  debianVersion: string | undefined;
}

export interface MysqlServer {
  kind: 'mysql' | 'mariadb';
  /** root's password; '' when empty passwords are allowed; a random one is nobody's to know. */
  rootPassword: string | undefined;
  /** MYSQL_USER / MARIADB_USER with its password, when both are set. */
  user: { name: string; password: string } | undefined;
  /** MYSQL_DATABASE / MARIADB_DATABASE. */
  database: string | undefined;
  /** The server's version string (8.4.11, 12.2.2-MariaDB-ubu2404). */
  version: string;
}

export interface MongoServer {
  kind: 'mongo';
  /** MONGO_INITDB_ROOT_USERNAME and _PASSWORD: with them mongod runs with --auth. */
  root: { name: string; password: string } | undefined;
  version: string;
}

export type DatabaseServer = PostgresServer | MysqlServer | MongoServer;

/** The database a container's image runs, as its environment configured it. */
export function databaseServer(kind: DatabaseKind, env: Record<string, string>): DatabaseServer {
  switch (kind) {
    case 'postgres': {
      const user = env.POSTGRES_USER || 'postgres';
      const db = env.POSTGRES_DB || user;
      const databases = [...new Set([db, 'postgres', 'template0', 'template1'])].sort();
      const pg = env.PG_VERSION ?? '';
      const debian = /^(\d+(?:\.\d+)?)-/.exec(pg);
      return { kind, user, password: env.POSTGRES_PASSWORD ?? '', hostAuth: env.POSTGRES_HOST_AUTH_METHOD || 'scram-sha-256', databases, version: debian ? debian[1]! : pg, debianVersion: debian ? pg : undefined };
    }
    case 'mysql':
    case 'mariadb': {
      // mariadb-docker's _mariadb_file_env: each MYSQL_ variable is the MARIADB_ one's fallback.
      const get = (name: string) => (kind === 'mariadb' ? env[`MARIADB_${name}`] || env[`MYSQL_${name}`] : env[`MYSQL_${name}`]) || '';
      const allowEmpty = kind === 'mariadb' ? get('ALLOW_EMPTY_ROOT_PASSWORD') || env.MYSQL_ALLOW_EMPTY_PASSWORD : env.MYSQL_ALLOW_EMPTY_PASSWORD;
      const rootPassword = get('ROOT_PASSWORD') || (allowEmpty ? '' : undefined);
      const name = get('USER');
      const password = get('PASSWORD');
      const version = kind === 'mariadb' ? `${(env.MARIADB_VERSION ?? '').replace(/^\d+:/, '').replace(/\+maria~(\w+)$/, '-MariaDB-$1')}` : (env.MYSQL_VERSION ?? '').replace(/-.*$/, '');
      return { kind, rootPassword, user: name && password && name !== 'root' ? { name, password } : undefined, database: get('DATABASE') || undefined, version };
    }
    case 'mongo': {
      const name = env.MONGO_INITDB_ROOT_USERNAME ?? '';
      const password = env.MONGO_INITDB_ROOT_PASSWORD ?? '';
      return { kind, root: name && password ? { name, password } : undefined, version: env.MONGO_VERSION ?? '' };
    }
  }
}

/** The database server a container runs (its image's default command), if any. */
export function containerDatabase(engine: Engine, c: Container): DatabaseServer | undefined {
  const image = engine.imageOf(c);
  const kind = image.listens.map((l) => databaseKindOf(l.process)).find((k) => k !== undefined);
  return kind && databaseServer(kind, envRecord(engine.containerEnv(c)));
}
