/**
 * The database images' entrypoints at start, as `docker logs` and `docker ps` show them.
 * Texts from the scripts themselves (src/sim/shell/db/entrypoints.ts names file and commit):
 * docker-library/postgres 6edb0a8 16/trixie/docker-entrypoint.sh, docker-library/mysql
 * 7f30fdb 8.4/docker-entrypoint.sh, MariaDB/mariadb-docker 1b6429b 12.2/docker-entrypoint.sh,
 * docker-library/mongo 2c69a57 8.2/docker-entrypoint.sh.
 */
import { describe, expect, it } from 'vitest';
import { replay, runLine } from '../../src/scenario/scenario.ts';

const status = (sim: ReturnType<typeof replay>['sim'], name: string) => runLine(sim, `docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' ${name}`).stdout;
const logs = (sim: ReturnType<typeof replay>['sim'], name: string) => {
  const out = runLine(sim, `docker logs ${name}`);
  return out.stdout + out.stderr;
};

describe('postgres', () => {
  it('exits 1 with the entrypoint error when POSTGRES_PASSWORD is missing', () => {
    const { sim } = replay(['docker run -d --name db postgres:16']);
    expect(status(sim, 'db')).toBe('exited 1\n');
    expect(logs(sim, 'db')).toBe(
      'Error: Database is uninitialized and superuser password is not specified.\n' +
        '       You must specify POSTGRES_PASSWORD to a non-empty value for the\n' +
        '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n' +
        '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n' +
        '       connections without a password. This is *not* recommended.\n\n' +
        '       See PostgreSQL documentation about "trust":\n' +
        '       https://www.postgresql.org/docs/current/auth-trust.html\n',
    );
  });

  it('starts with a password and logs that it accepts connections', () => {
    const { sim } = replay(['docker run -d --name db -e POSTGRES_PASSWORD=secret postgres:16']);
    expect(status(sim, 'db')).toBe('running 0\n');
    const log = logs(sim, 'db');
    expect(log.startsWith('\nPostgreSQL init process complete; ready for start up.\n\n')).toBe(true);
    expect(log).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC \[1\] LOG: {2}database system is ready to accept connections$/m);
    expect(log).toContain('LOG:  listening on IPv4 address "0.0.0.0", port 5432\n');
  });

  it('starts with POSTGRES_HOST_AUTH_METHOD=trust after its warning, and a restart skips initialization', () => {
    const { sim } = replay(['docker run -d --name db -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16-alpine']);
    expect(status(sim, 'db')).toBe('running 0\n');
    expect(logs(sim, 'db')).toContain('WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow\n');
    runLine(sim, 'docker restart db');
    expect(logs(sim, 'db')).toContain('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n');
  });
});

describe('mysql and mariadb', () => {
  it('mysql exits 1 with the entrypoint ERROR without a root password option', () => {
    const { sim } = replay(['docker run -d --name db mysql:8.4']);
    expect(status(sim, 'db')).toBe('exited 1\n');
    const lines = logs(sim, 'db').split('\n');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00 \[Note\] \[Entrypoint\]: Entrypoint script for MySQL Server 8\.4\.11-1\.el9 started\.$/);
    expect(lines[1]).toMatch(/\[Note\] \[Entrypoint\]: Switching to dedicated user 'mysql'$/);
    expect(lines[3]).toMatch(/\[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified$/);
    expect(lines.slice(4)).toEqual(['    You need to specify one of the following as an environment variable:', '    - MYSQL_ROOT_PASSWORD', '    - MYSQL_ALLOW_EMPTY_PASSWORD', '    - MYSQL_RANDOM_ROOT_PASSWORD', '']);
  });

  it('mysql starts with MYSQL_RANDOM_ROOT_PASSWORD and logs mysqld ready for connections', () => {
    const { sim } = replay(['docker run -d --name db -e MYSQL_RANDOM_ROOT_PASSWORD=1 mysql:8.4']);
    expect(status(sim, 'db')).toBe('running 0\n');
    expect(logs(sim, 'db')).toMatch(/Z 0 \[System\] \[MY-010931\] \[Server\] \/usr\/sbin\/mysqld: ready for connections\. Version: '8\.4\.11' {2}socket: '\/var\/run\/mysqld\/mysqld\.sock' {2}port: 3306 {2}MySQL Community Server - GPL\.\n$/);
  });

  it('mariadb names its MARIADB_ variables, and takes the MYSQL_ forms too', () => {
    const { sim } = replay(['docker run -d --name m1 mariadb', 'docker run -d --name m2 -e MYSQL_ROOT_PASSWORD=pw mariadb:12.2']);
    expect(status(sim, 'm1')).toBe('exited 1\n');
    expect(logs(sim, 'm1')).toContain('[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD\n');
    expect(status(sim, 'm2')).toBe('running 0\n');
    expect(logs(sim, 'm2')).toContain(" 0 [Note] mariadbd: ready for connections.\nVersion: '12.2.2-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution\n");
  });
});

describe('mongo', () => {
  it('starts without credentials and logs its JSON "Waiting for connections"', () => {
    const { sim } = replay(['docker run -d --name db mongo']);
    expect(status(sim, 'db')).toBe('running 0\n');
    expect(logs(sim, 'db')).toMatch(/^\{"t":\{"\$date":"[^"]+\+00:00"\},"s":"I", {2}"c":"NETWORK", {2}"id":23016, {3}"ctx":"listener","msg":"Waiting for connections","attr":\{"port":27017,"ssl":"off"\}\}\n$/);
  });

  it('exits 1 when only one of the root user and password is given', () => {
    const { sim } = replay(['docker run -d --name db -e MONGO_INITDB_ROOT_USERNAME=admin mongo']);
    expect(status(sim, 'db')).toBe('exited 1\n');
    expect(logs(sim, 'db')).toBe("\nerror: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created\n\n");
  });
});
