/**
 * The database clients over the simulated network (src/sim/shell/db). Texts from the
 * programs' source: postgres src/bin/scripts/pg_isready.c (`%s:%s - accepting
 * connections`, exit 0/2), libpq fe-connect.c and psql (print.c's aligned format,
 * command.c's \conninfo, describe.c's \l); mysql client/ and MariaDB Connector/C's
 * errmsg (2002, 2003, 2005), the server's 1045/1049; mysqladmin.cc (`mysqld is alive`);
 * mongosh's inspect output and the Node.js driver's MongoNetworkError.
 */
import { describe, expect, it } from 'vitest';
import { replay, runLine } from '../../src/scenario/scenario.ts';

/** A postgres on an internal network, as the tutorial has it. */
function postgresWorld() {
  return replay(['docker network create --internal backend', 'docker run -d --name db --network backend -e POSTGRES_PASSWORD=secret -e POSTGRES_DB=app postgres:16']);
}

const kinds = (out: ReturnType<typeof runLine>) => (out.traces ?? []).map((t) => `${t.probe.kind}:${t.probe.port ?? ''}`);

describe('pg_isready', () => {
  it('answers on the server container’s own socket, and over the network by name', () => {
    const { sim } = postgresWorld();
    const local = runLine(sim, 'docker exec db pg_isready');
    expect(local.stdout).toBe('/var/run/postgresql:5432 - accepting connections\n');
    expect(local.traces ?? []).toEqual([]);
    const remote = runLine(sim, 'docker run --rm --network backend postgres:16 pg_isready -h db -U app');
    expect(remote.stdout).toBe('db:5432 - accepting connections\n');
    expect(remote.exitCode).toBe(0);
    // The embedded DNS's questions first, then the connection.
    expect(kinds(remote)).toEqual(['udp-send:53', 'udp-send:53', 'tcp-connect:5432']);
  });

  it('says "no response" (exit 2) for a name that does not resolve, a closed port, and from the default bridge', () => {
    const { sim } = postgresWorld();
    const nope = runLine(sim, 'docker run --rm --network backend postgres:16 pg_isready -h nope');
    expect([nope.stdout, nope.exitCode]).toEqual(['nope:5432 - no response\n', 2]);
    const closed = runLine(sim, 'docker run --rm --network backend postgres:16 pg_isready -h db -p 5433 -t 1');
    expect([closed.stdout, closed.exitCode]).toEqual(['db:5433 - no response\n', 2]);
    expect(runLine(sim, 'docker run --rm --network backend postgres:16 pg_isready -q -h db').stdout).toBe('');
    expect(runLine(sim, 'docker run --rm postgres:16 pg_isready -x').exitCode).toBe(3);
  });
});

describe('psql', () => {
  it('runs SELECT 1 in the aligned format with its footer and empty line', () => {
    const { sim } = postgresWorld();
    const out = runLine(sim, 'docker exec db psql -U postgres -c "SELECT 1"');
    expect(out.stdout).toBe(' ?column? \n----------\n        1\n(1 row)\n\n');
    expect(runLine(sim, "docker exec db psql -U postgres -d app -tAc 'select current_database();'").stdout).toBe('app\n');
  });

  it('connects by URI over the network and reports the connection', () => {
    const { sim } = postgresWorld();
    const url = 'postgresql://postgres:secret@db:5432/app';
    expect(runLine(sim, `docker run --rm --network backend postgres:16 psql ${url} -c 'SELECT current_user'`).stdout).toBe(' current_user \n--------------\n postgres\n(1 row)\n\n');
    const info = runLine(sim, `docker run --rm --network backend postgres:16 psql ${url} -c '\\conninfo'`);
    expect(info.stdout).toBe('You are connected to database "app" as user "postgres" on host "db" (address "172.18.0.2") at port "5432".\n');
    expect(kinds(info).at(-1)).toBe('tcp-connect:5432');
  });

  it('lists the databases of POSTGRES_DB and POSTGRES_USER with \\l', () => {
    const { sim } = postgresWorld();
    const out = runLine(sim, "docker exec db psql -U postgres -c '\\l'").stdout.split('\n');
    expect(out[1]).toBe('   Name    |  Owner   | Encoding | Locale Provider |  Collate   |   Ctype    | ICU Locale | ICU Rules |   Access privileges   ');
    expect(out[3]).toBe(' app       | postgres | UTF8     | libc            | en_US.utf8 | en_US.utf8 |            |           | ');
    expect(out[5]).toBe(' template0 | postgres | UTF8     | libc            | en_US.utf8 | en_US.utf8 |            |           | =c/postgres          +');
    expect(out[6]).toBe('           |          |          |                 |            |            |            |           | postgres=CTc/postgres');
    expect(out.slice(-3)).toEqual(['(4 rows)', '', '']);
  });

  it('words libpq’s connection errors and exits 2', () => {
    const { sim } = postgresWorld();
    const run = (line: string) => {
      const out = runLine(sim, line);
      return [out.stderr, out.exitCode];
    };
    expect(run('docker exec db psql')).toEqual(['psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist\n', 2]);
    expect(run('docker run --rm --network backend postgres:16 psql -h nope -U postgres')).toEqual(['psql: error: could not translate host name "nope" to address: Name or service not known\n', 2]);
    expect(run('docker run --rm --network backend postgres:16 psql -h db -U postgres -c "SELECT 1"')).toEqual(['psql: error: connection to server at "db" (172.18.0.2), port 5432 failed: fe_sendauth: no password supplied\n', 2]);
    expect(run('docker run --rm --network backend -e PGPASSWORD=nope postgres:16 psql -h db -U postgres -c "SELECT 1"')).toEqual(['psql: error: connection to server at "db" (172.18.0.2), port 5432 failed: FATAL:  password authentication failed for user "postgres"\n', 2]);
    expect(run('docker run --rm --network backend postgres:16 psql postgresql://postgres:secret@db/shop -c "SELECT 1"')).toEqual(['psql: error: connection to server at "db" (172.18.0.2), port 5432 failed: FATAL:  database "shop" does not exist\n', 2]);
    expect(run('docker run --rm --network backend postgres:16 psql postgresql://postgres:secret@172.18.0.2:5433/app')).toEqual(['psql: error: connection to server at "172.18.0.2", port 5433 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n', 2]);
  });

  it('says in one vethlab line that other SQL is not modelled', () => {
    const { sim } = postgresWorld();
    const out = runLine(sim, 'docker exec db psql -U postgres -c "CREATE TABLE t (id int)"');
    expect(out.stderr).toMatch(/^vethlab: psql: this statement is not modelled here \(.*\): CREATE TABLE t \(id int\)\n$/);
    expect(out.exitCode).toBe(1);
  });

  it('comes with the postgresql-client package in alpine, worded by musl', () => {
    // apk reaches its mirror through a network with a way out.
    const { sim } = replay(['docker network create appnet', 'docker run -d --name db --network appnet -e POSTGRES_PASSWORD=secret postgres:16-alpine']);
    const out = runLine(sim, "docker run --rm --network appnet alpine sh -c 'apk add -q postgresql-client; pg_isready -h db; psql -h nope'");
    expect(out.stdout).toBe('db:5432 - accepting connections\n');
    expect(out.stderr).toBe('psql: error: could not translate host name "nope" to address: Name does not resolve\n');
  });
});

describe('mysql, mariadb and mysqladmin', () => {
  const world = () => replay(['docker network create backend', 'docker run -d --name my --network backend -e MYSQL_ROOT_PASSWORD=secret -e MYSQL_DATABASE=app mysql:8.4', 'docker run -d --name ma --network backend -e MARIADB_ROOT_PASSWORD=pw mariadb']);

  it('prints batch results without a terminal and boxes with -t, after mysql’s password warning', () => {
    const { sim } = world();
    const batch = runLine(sim, "docker exec my mysql -psecret -e 'SELECT 1'");
    expect(batch.stdout).toBe('1\n1\n');
    expect(batch.stderr).toBe('mysql: [Warning] Using a password on the command line interface can be insecure.\n');
    expect(batch.stderrFirst).toBe(true);
    expect(runLine(sim, "docker run --rm --network backend mysql:8.4 mysql -h my -uroot -psecret -t -e 'SELECT 1'").stdout).toBe('+---+\n| 1 |\n+---+\n| 1 |\n+---+\n');
    expect(runLine(sim, "docker exec ma mariadb -ppw -e 'SELECT VERSION()'").stdout).toBe('VERSION()\n12.2.2-MariaDB-ubu2404\n');
  });

  it('words the connection errors of each client', () => {
    const { sim } = world();
    const err = (line: string) => runLine(sim, line).stderr.split('\n').filter((l) => !l.includes('[Warning]')).join('\n');
    expect(err("docker run --rm --network backend mysql:8.4 mysql -h nope -uroot -psecret -e 'SELECT 1'")).toBe("ERROR 2005 (HY000): Unknown MySQL server host 'nope' (-2)\n");
    expect(err("docker run --rm --network backend mysql:8.4 mysql -h my -P 3307 -e 'SELECT 1'")).toBe("ERROR 2003 (HY000): Can't connect to MySQL server on 'my:3307' (111)\n");
    expect(err("docker run --rm --network backend mysql:8.4 mysql -h my -uroot -pnope -e 'SELECT 1'")).toBe("ERROR 1045 (28000): Access denied for user 'root'@'172.18.0.4' (using password: YES)\n");
    expect(err("docker run --rm --network backend mysql:8.4 mysql -h my -uroot -psecret shop -e 'SELECT 1'")).toBe("ERROR 1049 (42000): Unknown database 'shop'\n");
    expect(err("docker run --rm --network backend mariadb mariadb -h nope -e 'SELECT 1'")).toBe("ERROR 2005 (HY000): Unknown server host 'nope' (-2)\n");
    expect(err("docker exec my sh -c 'mysql -e \"SELECT 1\" ; true'")).toBe("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n");
  });

  it('mysqladmin ping: alive, alive though refused, and not reached', () => {
    const { sim } = world();
    const alive = runLine(sim, 'docker run --rm --network backend mysql:8.4 mysqladmin -h my -uroot -psecret ping');
    expect([alive.stdout, alive.exitCode]).toEqual(['mysqld is alive\n', 0]);
    const refused = runLine(sim, 'docker exec my mysqladmin ping');
    expect([refused.stderr, refused.exitCode]).toEqual(["mysqladmin: connect to server at 'localhost' failed\nerror: 'Access denied for user 'root'@'localhost' (using password: NO)'\n", 0]);
    const gone = runLine(sim, 'docker run --rm --network backend mysql:8.4 mysqladmin -h nope ping');
    expect(gone.exitCode).toBe(1);
    expect(gone.stderr).toBe("mysqladmin: connect to server at 'nope' failed\nerror: 'Unknown MySQL server host 'nope' (-2)'\nCheck that mysqld is running on nope and that the port is 3306.\nYou can check this by doing 'telnet nope 3306'\n");
  });
});

describe('mongosh', () => {
  it('pings its own mongod and one by name, and words the driver’s errors', () => {
    const { sim } = replay(['docker network create backend', 'docker run -d --name mo --network backend mongo']);
    expect(runLine(sim, "docker exec mo mongosh --quiet --eval 'db.runCommand({ping:1})'").stdout).toBe('{ ok: 1 }\n');
    const remote = runLine(sim, "docker run --rm --network backend mongo mongosh --quiet --host mo --eval 'db.adminCommand(\"ping\")'");
    expect(remote.stdout).toBe('{ ok: 1 }\n');
    expect(kinds(remote).at(-1)).toBe('tcp-connect:27017');
    expect(runLine(sim, "docker run --rm --network backend mongo mongosh --quiet mongodb://nope:27017 --eval 'db.runCommand({ping:1})'").stderr).toBe('MongoNetworkError: getaddrinfo ENOTFOUND nope\n');
    expect(runLine(sim, "docker run --rm --network backend mongo mongosh --quiet --host 172.18.0.9 --eval 'db.version()'").exitCode).toBe(1);
    expect(runLine(sim, 'docker exec mo mongosh').stderr).toMatch(/^vethlab: mongosh's interactive shell is not modelled here/);
  });
});

describe('on a terminal', () => {
  it('psql and mysql say their interactive prompts are not modelled instead of printing nothing', () => {
    const { sim } = replay(['docker run -d --name db -e POSTGRES_PASSWORD=secret postgres:16', 'docker run -d --name my -e MYSQL_ROOT_PASSWORD=secret mysql:8.4']);
    const psql = runLine(sim, 'docker exec -t db psql -U postgres');
    expect([psql.stderr, psql.exitCode]).toEqual(["vethlab: psql's interactive prompt is not modelled here (give the statement with -c)\n", 1]);
    const mysql = runLine(sim, 'docker exec -t my mysql -psecret');
    expect(mysql.stderr).toContain("vethlab: mysql's interactive prompt is not modelled here (give the statement with -e)\n");
    // Without a terminal, an empty stdin is the end of the input: nothing to do.
    expect(runLine(sim, 'docker exec db psql -U postgres').exitCode).toBe(0);
  });
});
