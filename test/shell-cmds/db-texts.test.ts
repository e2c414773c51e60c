/**
 * The database clients' texts that the programs' sources alone left open, each
 * checked against a published run of the real thing (or the exact source line),
 * named in its test. The rig cannot show them: it has no official images.
 */
import { describe, expect, it } from 'vitest';
import { replay, runLine } from '../../src/scenario/scenario.ts';

const world = () =>
  replay([
    'docker network create backend',
    'docker run -d --name db --network backend -e POSTGRES_PASSWORD=secret postgres:16',
    'docker run -d --name my --network backend -e MYSQL_ROOT_PASSWORD=secret mysql:8.4',
    'docker run -d --name ma --network backend -e MARIADB_ROOT_PASSWORD=pw mariadb',
  ]).sim;

describe('postgres', () => {
  it("SELECT version() names trixie's gcc in the Debian images, as published runs of pgdg13 builds print it", () => {
    // A CI log of `psql "$DATABASE_URL" -c "SELECT version();"` against 16.14-1.pgdg13+1 (jamie-lifeos's
    // pipeline, GitHub Actions), and docker logs of postgres 14.19, 15.15, 16.10 and 18.3 pgdg13 images:
    // "PostgreSQL 16.14 (Debian 16.14-1.pgdg13+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit".
    const out = runLine(world(), "docker exec db psql -U postgres -c 'SELECT version()'").stdout;
    const row = ' PostgreSQL 16.15 (Debian 16.15-1.pgdg13+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit';
    // psql's aligned format: the header centred over the column, dashes as wide as the value plus its two blanks.
    const header = `${' '.repeat(55)}version${' '.repeat(56)}`;
    expect(out).toBe(`${header}\n${'-'.repeat(row.length + 1)}\n${row}\n(1 row)\n\n`);
  });

  it('psql -t ends its rows with an empty line', () => {
    // postgres src/fe_utils/print.c, print_aligned_text: at stop_table the footers are skipped under
    // tuples_only, but `fputc('\n', fout)` that follows them is not.
    expect(runLine(world(), "docker exec db psql -U postgres -t -c 'SELECT 1'").stdout).toBe('        1\n\n');
  });
});

describe('mysql', () => {
  it("logs the X Plugin's line before ready for connections, as mysql:8.4's docker logs show it", () => {
    // docker logs of mysql 8.4.3 (and 8.0.x) published in tutorials and issues:
    // "[System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock".
    const logs = runLine(world(), 'docker logs my').stdout;
    expect(logs).toMatch(/Z 0 \[System\] \[MY-011323\] \[Server\] X Plugin ready for connections\. Bind-address: '::' port: 33060, socket: \/var\/run\/mysqld\/mysqlx\.sock\n.*\[MY-010931\] \[Server\] \/usr\/sbin\/mysqld: ready for connections\./);
  });

  it("mysqladmin's hints follow the error number (mysql-server client/mysqladmin.cc, sql_connect)", () => {
    const sim = world();
    const refused = runLine(sim, 'docker run --rm --network backend mysql:8.4 mysqladmin -h my -P 3307 ping');
    expect(refused.stderr).toBe("mysqladmin: connect to server at 'my' failed\nerror: 'Can't connect to MySQL server on 'my:3307' (111)'\nCheck that mysqld is running on my and that the port is 3307.\nYou can check this by doing 'telnet my 3307'\n");
    // A container of its own has no server on its socket.
    const socket = runLine(sim, 'docker run --rm --network backend mysql:8.4 mysqladmin ping');
    expect(socket.stderr).toBe("mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!\n");
  });
});

describe('mariadb', () => {
  it("mariadb-admin's hints say mariadbd, and a refused TCP connection (Connector/C's 2002) gets the socket's", () => {
    // MariaDB/server client/mysqladmin.cc sql_connect: "Check that mariadbd is running and that the socket: '%s' exists!"
    // for CR_CONNECTION_ERROR; a published compose log shows it after `mariadb-admin` against the TCP host `mariadb`,
    // and ledccn/iyuuplus-dev#59 after a local one.
    const sim = world();
    const tcp = runLine(sim, 'docker run --rm --network backend mariadb mariadb-admin -h my -P 3307 ping');
    expect([tcp.stderr, tcp.exitCode]).toEqual(["mariadb-admin: connect to server at 'my' failed\nerror: 'Can't connect to server on 'my' (115)'\nCheck that mariadbd is running and that the socket: '/run/mysqld/mysqld.sock' exists!\n", 1]);
    const unknown = runLine(sim, 'docker run --rm --network backend mariadb mariadb-admin -h nope ping');
    expect(unknown.stderr).toBe("mariadb-admin: connect to server at 'nope' failed\nerror: 'Unknown server host 'nope' (-2)'\nCheck that mariadbd is running on nope and that the port is 3306.\nYou can check this by doing 'telnet nope 3306'\n");
  });

  it('the image has no mysql* names since 11.0; the mariadb-client package’s mysql warns that its name is deprecated', () => {
    // MariaDB/mariadb-docker#512 and #545 (11.0 dropped the mysql symlinks from the image); the warning is mysys's
    // EE_NAME_DEPRECATED, "Deprecated program name. It will be removed in a future release, use '%s' instead",
    // as published runs print it: "mysql: Deprecated program name. It will be removed in a future release, use '/usr/bin/mariadb' instead".
    const sim = world();
    const missing = runLine(sim, "docker exec ma mysql -ppw -e 'SELECT 1'");
    expect([missing.stderr, missing.exitCode]).toEqual(['OCI runtime exec failed: exec failed: unable to start container process: exec: "mysql": executable file not found in $PATH\n', 127]);
    expect(runLine(sim, 'docker exec ma mysqladmin ping').exitCode).toBe(127);
    runLine(sim, 'docker run -d --name cli --network backend alpine sleep 600');
    runLine(sim, 'docker exec cli apk add mariadb-client');
    const client = runLine(sim, "docker exec cli mysql -h ma -uroot -ppw -e 'SELECT 1'");
    expect(client.stderr).toBe("mysql: Deprecated program name. It will be removed in a future release, use '/usr/bin/mariadb' instead\n");
    expect(client.stdout).toBe('1\n1\n');
  });
});
