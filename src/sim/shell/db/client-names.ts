/**
 * Which database clients a container has: the programs its image or its installed
 * packages put on PATH (the postgres, mysql, mariadb and mongo images' own; the
 * postgresql-client and mariadb-client packages'). Kept apart from the clients
 * themselves, which load as a lazy part (lazy/parts.ts: `databases`).
 */

export const DATABASE_CLIENTS = ['psql', 'pg_isready', 'mysql', 'mariadb', 'mysqladmin', 'mariadb-admin', 'mongosh'] as const;
export type DatabaseClientName = (typeof DATABASE_CLIENTS)[number];

const DIRS = ['/usr/local/bin', '/usr/bin', '/bin'];

/** The clients among these executables. */
export function databaseClientNames(executables: ReadonlySet<string>): DatabaseClientName[] {
  return DATABASE_CLIENTS.filter((name) => DIRS.some((dir) => executables.has(`${dir}/${name}`)));
}
