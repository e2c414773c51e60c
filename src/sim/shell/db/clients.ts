/**
 * The database clients, a lazy part (lazy/parts.ts `databases`): each command built for
 * the container it runs in, with the client's own version (the image's, or the
 * installed package's).
 */
import type { Command } from '../types.ts';
import type { ClientPlace } from './connect.ts';
import type { DatabaseClientName } from './client-names.ts';
import { mongoshCommand } from './mongosh.ts';
import { mysqladminCommand, mysqlCommand, type MysqlClient } from './mysql.ts';
import { pgIsreadyCommand, psqlCommand, type PgClient } from './psql.ts';

/** The images' entrypoints at a container's start go with the clients: the line that made the container named the image. */
export { startDatabase } from './entrypoints.ts';

/** What decides a client's version: the image's environment and the installed packages. */
export interface ClientOrigin {
  env: Record<string, string>;
  /** Installed package name -> version. */
  packages: ReadonlyMap<string, string>;
  /** The image runs mysqld (Oracle's client), not MariaDB's. */
  oracleMysql: boolean;
  distro: 'debian' | 'ubuntu' | 'alpine' | string;
}

/** psql's version: PG_VERSION of the postgres images, or the package's (Debian's and Ubuntu's name their build). */
function pgClient(origin: ClientOrigin): PgClient {
  const image = origin.env.PG_VERSION;
  if (image !== undefined) {
    const debian = /^(\d+(?:\.\d+)?)-/.exec(image);
    return { version: debian ? `${debian[1]} (Debian ${image})` : image };
  }
  const entry = [...origin.packages].find(([name]) => /^postgresql\d*-client(-\d+)?$/.test(name) && /\d/.test(name));
  const full = entry?.[1] ?? '';
  if (origin.distro === 'alpine') return { version: full.replace(/-r\d+$/, '') };
  const upstream = full.replace(/-.*$/, '');
  return { version: `${upstream} (${origin.distro === 'ubuntu' ? 'Ubuntu' : 'Debian'} ${full})` };
}

function mysqlClient(origin: ClientOrigin): MysqlClient {
  if (origin.oracleMysql) return { flavor: 'mysql', major: Number((origin.env.MYSQL_VERSION ?? '8').split('.')[0]) };
  const version = origin.env.MARIADB_VERSION ?? origin.packages.get('mariadb-client') ?? '';
  return { flavor: 'mariadb', major: Number(version.replace(/^\d+:/, '').split('.')[0]) };
}

export function databaseClient(name: DatabaseClientName, place: ClientPlace, origin: ClientOrigin): Command {
  switch (name) {
    case 'psql':
      return psqlCommand(place, pgClient(origin));
    case 'pg_isready':
      return pgIsreadyCommand(place, pgClient(origin));
    case 'mysql':
    case 'mariadb':
      return mysqlCommand(place, mysqlClient(origin), name);
    case 'mysqladmin':
    case 'mariadb-admin':
      return mysqladminCommand(place, mysqlClient(origin), name);
    case 'mongosh':
      return mongoshCommand(place);
  }
}
