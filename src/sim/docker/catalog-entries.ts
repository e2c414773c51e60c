/**
 * The image catalog's entries (catalog.ts says what an entry is and where each came from):
 * every repository and family of tags the playground's registry knows. A lazy part of the
 * browser's build (shell/lazy/parts.ts `catalog`): a world starts with the `latest`
 * variants catalog.ts holds, and a line that may pull anything else loads this first.
 */
import { ALPINE_LATEST, BUILDPACK_TOOLS, BUSYBOX_LATEST, CURLIMAGES_CURL_VERSION, ENTRYPOINT_SH, GOSU, HTTPD_COMMON, HTTPD_LATEST, IMAGE_SOCAT_VERSION, mib, NGINX_COMMON, NGINX_LABELS, NGINX_LATEST, NGINX_VERSION, PYTHON_312_ENV, PYTHON_314_ENV, PYTHON_LATEST, pythonBins, REDIS_COMMON, REDIS_LATEST, UBUNTU_CMD, UBUNTU_LATEST, type CatalogEntry, type Variant } from './catalog.ts';
import { ALPINE_BASH_PS1, bins, PATH_ENV } from './userland.ts';

/** docker-library/postgres: ENTRYPOINT docker-entrypoint.sh, STOPSIGNAL SIGINT, EXPOSE 5432, CMD postgres. */
const postgres = (major: string, version: string, pgdata: string, volume: string): Omit<Variant, 'tags' | 'base' | 'created' | 'size' | 'layers'> => ({
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['postgres'],
  env: [`${PATH_ENV}:/usr/lib/postgresql/${major}/bin`, 'GOSU_VERSION=1.19', 'LANG=en_US.utf8', `PG_MAJOR=${major}`, `PG_VERSION=${version}`, `PGDATA=${pgdata}`],
  exposed: ['5432/tcp'],
  volumes: [volume],
  stopSignal: 'SIGINT',
  executables: [ENTRYPOINT_SH, '/usr/local/bin/docker-ensure-initdb.sh', GOSU, ...bins(`/usr/lib/postgresql/${major}/bin`, ['postgres', 'initdb', 'pg_ctl']), ...bins('/usr/bin', ['psql', 'pg_dump', 'pg_isready'])],
  listens: [{ proto: 'tcp', port: 5432, process: 'postgres' }],
});
const postgresAlpine = (major: string, version: string, pgdata: string, volume: string): Omit<Variant, 'tags' | 'base' | 'created' | 'size' | 'layers'> => ({
  ...postgres(major, version, pgdata, volume),
  env: [PATH_ENV, 'LANG=en_US.utf8', `PG_MAJOR=${major}`, `PG_VERSION=${version}`, `PGDATA=${pgdata}`],
  executables: [ENTRYPOINT_SH, '/usr/local/bin/docker-ensure-initdb.sh', '/sbin/su-exec', '/bin/bash', '/usr/bin/bash', ...bins('/usr/local/bin', ['postgres', 'initdb', 'pg_ctl', 'psql', 'pg_dump', 'pg_isready'])],
  // The alpine variant installs bash for its entrypoint (docker-library/postgres alpine Dockerfile).
  shells: { sh: 'ash', bash: { ps1: ALPINE_BASH_PS1, version: '5.3' } },
});

/** docker-library/mysql (Oracle Linux 9): ENTRYPOINT docker-entrypoint.sh, CMD mysqld, EXPOSE 3306 33060, VOLUME /var/lib/mysql. */
const mysql = (major: string, version: string): Omit<Variant, 'tags' | 'base' | 'created' | 'size' | 'layers'> => ({
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mysqld'],
  env: [PATH_ENV, 'GOSU_VERSION=1.19', `MYSQL_MAJOR=${major}`, `MYSQL_VERSION=${version}`, `MYSQL_SHELL_VERSION=${version}`],
  exposed: ['3306/tcp', '33060/tcp'],
  volumes: ['/var/lib/mysql'],
  executables: [ENTRYPOINT_SH, GOSU, '/usr/sbin/mysqld', ...bins('/usr/bin', ['mysql', 'mysqladmin', 'mysqldump', 'mysqlsh'])],
  listens: [{ proto: 'tcp', port: 3306, process: 'mysqld' }, { proto: 'tcp', port: 33060, process: 'mysqld' }],
});

/** node (docker-library/node): ENTRYPOINT docker-entrypoint.sh, CMD node. */
const node = (version: string): Omit<Variant, 'tags' | 'base' | 'created' | 'size' | 'layers'> & { executables: readonly string[] } => ({
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['node'],
  env: [PATH_ENV, `NODE_VERSION=${version}`],
  executables: [ENTRYPOINT_SH, ...bins('/usr/local/bin', ['node', 'npm', 'npx', 'corepack'])],
});


export const CATALOG: readonly CatalogEntry[] = [
  {
    path: 'library/alpine',
    variants: [
      // repo-info alpine:3.24.2 (latest in September 2026).
      ALPINE_LATEST,
      // Created and size made up (3.20's last point release).
      { tags: ['3.20', '3.20.8'], matches: /^3\.20(\.\d+)?$/, base: 'alpine', cmd: ['/bin/sh'], env: [PATH_ENV], created: '2026-07-15T18:31:05.112Z', size: 7_800_000, layers: 1, fileSets: ['alpine-3.20'] },
      { tags: ['edge'], matches: /^3\.\d+(\.\d+)?$/, base: 'alpine', cmd: ['/bin/sh'], env: [PATH_ENV], created: '2026-09-17T20:37:20.889Z', size: 8_420_000, layers: 1 },
    ],
  },
  {
    path: 'library/busybox',
    variants: [
      // docker-library/busybox: CMD ["sh"]; sizes as Docker Hub lists them (made up for 1.37).
      BUSYBOX_LATEST,
      { tags: ['musl', '1.37-musl', '1.37.0-musl'], matches: /musl|uclibc/, base: 'busybox', cmd: ['sh'], env: [PATH_ENV], created: '2026-09-26T17:39:28.000Z', size: 1_510_000, layers: 1 },
    ],
  },
  {
    path: 'library/nginx',
    variants: [
      // repo-info nginx:1.31.6-trixie (latest = mainline).
      NGINX_LATEST,
      // repo-info nginx:1.31.6-alpine3.24.
      { tags: ['alpine', 'mainline-alpine', '1-alpine', '1.31-alpine', '1.31.6-alpine', 'alpine3.24', '1.31.6-alpine3.24'], matches: /alpine/, base: 'alpine', ...NGINX_COMMON,
        env: [PATH_ENV, `NGINX_VERSION=${NGINX_VERSION}`, 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=1.0.1', 'NJS_RELEASE=1', 'ACME_VERSION=0.4.1'], labels: NGINX_LABELS,
        id: 'sha256:55fcc661c2cd4666d0e916410c029ae22042638bcdc8ed98805bfd9d29e08e38', created: '2026-09-17T22:19:25.362Z', size: mib(62.94), layers: 8,
        executables: ['/docker-entrypoint.sh', '/usr/bin/curl', '/usr/bin/envsubst', '/usr/sbin/nginx', '/usr/sbin/nginx-debug'] },
    ],
  },
  {
    path: 'library/httpd',
    variants: [
      HTTPD_LATEST,
      { tags: ['alpine', '2-alpine', '2.4-alpine', '2.4.68-alpine', 'alpine3.24', '2.4.68-alpine3.24'], matches: /alpine/, base: 'alpine', ...HTTPD_COMMON, id: 'sha256:71cc3b294a7d5cab671380adce59be59f7f45683feafc524b5f017f2b7fa0376', created: '2026-09-17T21:17:01.091Z', size: mib(66.92), layers: 6 },
    ],
  },
  {
    path: 'library/redis',
    variants: [
      // repo-info redis:8.8.0 and redis:7.4.9; the alpine variant's date and size are made up.
      REDIS_LATEST,
      { tags: ['alpine', '8-alpine', '8.8-alpine', '8.8.0-alpine', 'alpine3.23'], matches: /alpine/, base: 'alpine', ...REDIS_COMMON, env: [PATH_ENV, 'REDIS_VERSION=8.8.0'], created: '2026-07-14T01:46:02.311Z', size: mib(58.1), layers: 8 },
      { tags: ['7', '7.4', '7.4.9', '7-bookworm', '7.4-bookworm', '7.4.9-bookworm'], matches: /^7/, base: 'debian-bookworm', ...REDIS_COMMON, env: [PATH_ENV, 'REDIS_VERSION=7.4.9'], id: 'sha256:c6b72caa91cd332d62859e1712fb4860522ca34e3df364adaf29a37eeb9965c9', created: '2026-06-24T01:35:45.167Z', size: mib(112.91), layers: 8 },
    ],
  },
  {
    path: 'library/postgres',
    variants: [
      // postgres 18 moved PGDATA under /var/lib/postgresql/18/docker and the VOLUME to /var/lib/postgresql; 18's ID, date and size are made up.
      { tags: ['latest', '18', '18.6', 'trixie', '18-trixie', '18.6-trixie'], base: 'debian-trixie', ...postgres('18', '18.6-1.pgdg13+1', '/var/lib/postgresql/18/docker', '/var/lib/postgresql'), created: '2026-08-25T00:51:47.409Z', size: mib(456.3), layers: 14 },
      { tags: ['16-alpine', '16.15-alpine', '16-alpine3.24'], matches: /^16.*alpine/, base: 'alpine', ...postgresAlpine('16', '16.15', '/var/lib/postgresql/data', '/var/lib/postgresql/data'), created: '2026-08-25T00:47:12.730Z', size: mib(262.4), layers: 11 },
      { tags: ['alpine', '18-alpine', '18.6-alpine', 'alpine3.24'], matches: /alpine/, base: 'alpine', ...postgresAlpine('18', '18.6', '/var/lib/postgresql/18/docker', '/var/lib/postgresql'), created: '2026-08-25T00:49:30.155Z', size: mib(265.8), layers: 11 },
      // repo-info postgres:16.15.
      { tags: ['16', '16.15', '16-trixie', '16.15-trixie'], matches: /^16/, base: 'debian-trixie', ...postgres('16', '16.15-1.pgdg13+2', '/var/lib/postgresql/data', '/var/lib/postgresql/data'), id: 'sha256:80f4c7a5e91618546dce5b4fe60cf03b14c0f9efa7e40157278d122772ced8d2', created: '2026-08-25T00:42:01.841Z', size: mib(451.13), layers: 14 },
    ],
  },
  {
    path: 'library/mysql',
    variants: [
      // repo-info mysql:latest (26.7.0 innovation); 8.4's date and size made up.
      { tags: ['latest', 'innovation', '26', '26.7', '26.7.0', 'oraclelinux9', 'innovation-oraclelinux9'], base: 'oraclelinux', ...mysql('innovation', '26.7.0-1.el9'), id: 'sha256:21ed0f5cc49429e295ee53a1c19e9726067987d14b4b29d6cd35599ad066c4eb', created: '2026-09-12T00:10:58.054Z', size: mib(945.14), layers: 11 },
      { tags: ['8.4', 'lts', '8', '8.4.11', '8.4-oraclelinux9', 'lts-oraclelinux9'], matches: /^8/, base: 'oraclelinux', ...mysql('8.4', '8.4.11-1.el9'), created: '2026-09-12T00:08:41.520Z', size: mib(763.2), layers: 11 },
    ],
  },
  {
    path: 'library/mariadb',
    variants: [
      // MariaDB/mariadb-docker 12.x on ubuntu:noble: ENTRYPOINT docker-entrypoint.sh, CMD mariadbd, EXPOSE 3306, VOLUME /var/lib/mysql (version, date and size made up).
      // Since 11.0 the image has no mysql* names (MariaDB/mariadb-docker#512, #545: `mysql` and `mysqladmin` are not found).
      { tags: ['latest', '12', '12.2', '12.2.2', 'noble', '12-noble', '12.2-noble'], base: 'ubuntu-noble', entrypoint: ['docker-entrypoint.sh'], cmd: ['mariadbd'],
        env: [PATH_ENV, 'GOSU_VERSION=1.19', 'LANG=C.UTF-8', 'MARIADB_VERSION=1:12.2.2+maria~ubu2404'], exposed: ['3306/tcp'], volumes: ['/var/lib/mysql'],
        executables: [ENTRYPOINT_SH, '/usr/local/bin/healthcheck.sh', GOSU, '/usr/sbin/mariadbd', ...bins('/usr/bin', ['mariadb', 'mariadb-admin', 'mariadb-dump'])],
        listens: [{ proto: 'tcp', port: 3306, process: 'mariadbd' }], created: '2026-08-20T15:12:44.918Z', size: mib(318.7), layers: 9 },
    ],
  },
  {
    path: 'library/mongo',
    variants: [
      // docker-library/mongo 8.2 on ubuntu:noble: ENTRYPOINT docker-entrypoint.sh, CMD mongod, EXPOSE 27017, VOLUME /data/db /data/configdb, ENV HOME /data/db (version, date and size made up).
      { tags: ['latest', '8', '8.2', '8.2.1', 'noble', '8.2-noble'], base: 'ubuntu-noble', entrypoint: ['docker-entrypoint.sh'], cmd: ['mongod'],
        env: [PATH_ENV, 'GOSU_VERSION=1.19', 'JSYAML_VERSION=3.13.1', 'MONGO_PACKAGE=mongodb-org', 'MONGO_REPO=repo.mongodb.org', 'MONGO_MAJOR=8.2', 'MONGO_VERSION=8.2.1', 'HOME=/data/db'],
        exposed: ['27017/tcp'], volumes: ['/data/configdb', '/data/db'],
        executables: [ENTRYPOINT_SH, GOSU, ...bins('/usr/bin', ['mongod', 'mongos', 'mongosh'])],
        listens: [{ proto: 'tcp', port: 27017, process: 'mongod' }], created: '2026-09-02T19:40:11.276Z', size: mib(812.4), layers: 10 },
    ],
  },
  {
    path: 'library/python',
    variants: [
      // repo-info python:3.14.7-trixie (latest); the 3.14 Dockerfiles no longer set LANG or GPG_KEY.
      PYTHON_LATEST,
      // repo-info python:3.12.13-slim-trixie.
      { tags: ['3.12-slim', '3.12.13-slim', '3.12-slim-trixie', '3.12.13-slim-trixie'], matches: /^3\.12.*slim/, base: 'debian-trixie', cmd: ['python3'], env: PYTHON_312_ENV, id: 'sha256:25c5b8011a3425a140bf5fa73be0feabd3c0d5b323eecb19dc02437a368ae075', created: '2026-07-14T02:11:29.203Z', size: mib(119.2), layers: 4, executables: pythonBins('3.12'), fileSets: ['python-3.12'] },
      { tags: ['3.12-alpine', '3.12.13-alpine', '3.12-alpine3.24'], matches: /^3\.12.*alpine/, base: 'alpine', cmd: ['python3'], env: PYTHON_312_ENV, created: '2026-07-14T02:03:51.662Z', size: mib(48.3), layers: 4, executables: pythonBins('3.12'), fileSets: ['python-3.12'] },
      { tags: ['3.12', '3.12.13', '3.12-trixie', '3.12.13-trixie'], matches: /^3\.12/, base: 'debian-trixie', cmd: ['python3'], env: PYTHON_312_ENV, created: '2026-07-14T02:20:07.508Z', size: mib(1022.5), layers: 8, executables: [...BUILDPACK_TOOLS, ...pythonBins('3.12')], fileSets: ['python-3.12'] },
      { tags: ['slim', '3-slim', '3.14-slim', '3.14.7-slim', 'slim-trixie', '3.14-slim-trixie'], matches: /slim/, base: 'debian-trixie', cmd: ['python3'], env: PYTHON_314_ENV, created: '2026-08-25T03:31:54.017Z', size: mib(121.4), layers: 4, executables: pythonBins('3.14'), fileSets: ['python-3.14'] },
      { tags: ['alpine', '3-alpine', '3.14-alpine', '3.14.7-alpine', 'alpine3.24'], matches: /alpine/, base: 'alpine', cmd: ['python3'], env: PYTHON_314_ENV, created: '2026-08-25T03:27:40.776Z', size: mib(46.1), layers: 4, executables: pythonBins('3.14'), fileSets: ['python-3.14'] },
    ],
  },
  {
    path: 'library/node',
    variants: [
      // repo-info node:26 (26.5.0, trixie); the alpine, slim and LTS variants' dates and sizes are made up.
      { tags: ['latest', 'current', '26', '26.5', '26.5.0', 'trixie', '26-trixie', 'current-trixie'], base: 'debian-trixie', ...node('26.5.0'), id: 'sha256:2f49a06759a843e2cadcadc1b61d5ffe525645904c1c59fb0e4c5e44eb4e74ad', created: '2026-07-08T16:56:14.625Z', size: mib(1.24 * 1024), layers: 8, executables: [...node('26.5.0').executables, ...BUILDPACK_TOOLS] },
      { tags: ['alpine', 'current-alpine', '26-alpine', '26.5-alpine', '26.5.0-alpine', '26-alpine3.24'], matches: /alpine/, base: 'alpine', ...node('26.5.0'), created: '2026-07-08T16:41:02.118Z', size: mib(164.2), layers: 4 },
      { tags: ['lts', '24', '24.20', '24.20.0', 'krypton', 'lts-trixie'], matches: /^(lts|24|krypton)/, base: 'debian-trixie', ...node('24.20.0'), created: '2026-07-08T16:52:31.406Z', size: mib(1.13 * 1024), layers: 8, executables: [...node('24.20.0').executables, ...BUILDPACK_TOOLS] },
      { tags: ['26-slim', 'slim', 'current-slim', '26.5-slim', '26.5.0-slim'], matches: /slim/, base: 'debian-trixie', ...node('26.5.0'), created: '2026-07-08T16:47:15.982Z', size: mib(228.4), layers: 5 },
    ],
  },
  {
    path: 'library/ubuntu',
    variants: [
      // latest = 26.04 (repo-info ubuntu:latest); the older releases' dates and sizes are made up.
      UBUNTU_LATEST,
      { tags: ['24.04', 'noble'], base: 'ubuntu-noble', ...UBUNTU_CMD, created: '2026-08-05T08:12:31.554Z', size: mib(74.4), layers: 1 },
      { tags: ['22.04', 'jammy'], base: 'ubuntu-jammy', ...UBUNTU_CMD, created: '2026-08-05T08:10:02.731Z', size: mib(74.2), layers: 1 },
      { tags: ['14.04', 'trusty'], base: 'ubuntu-trusty', ...UBUNTU_CMD, created: '2019-03-07T22:19:53.447Z', size: 188_000_000, layers: 4 },
    ],
  },
  {
    path: 'library/debian',
    variants: [
      // docker-library/debian (debuerreotype): CMD ["bash"]; dates and sizes made up.
      { tags: ['latest', 'trixie', '13', '13.6', 'stable'], base: 'debian-trixie', cmd: ['bash'], env: [PATH_ENV], created: '2026-09-08T00:00:00.000Z', size: mib(114.6), layers: 1 },
      { tags: ['trixie-slim', 'stable-slim', '13-slim'], matches: /^(trixie|13|stable).*slim/, base: 'debian-trixie', cmd: ['bash'], env: [PATH_ENV], created: '2026-09-08T00:00:00.000Z', size: mib(74.8), layers: 1 },
      { tags: ['bookworm', '12', '12.12', 'oldstable'], matches: /^(bookworm|12|oldstable)/, base: 'debian-bookworm', cmd: ['bash'], env: [PATH_ENV], created: '2026-09-08T00:00:00.000Z', size: mib(111.5), layers: 1 },
    ],
  },
  {
    path: 'library/traefik',
    variants: [
      // traefik/traefik-library-image v3 alpine: ENTRYPOINT ["/entrypoint.sh"], CMD ["traefik"], EXPOSE 80 (version, date and size made up).
      // Its entrypoint.sh runs `traefik "$@"` when the command starts with a flag; traefik itself: shell/traefik/.
      { tags: ['latest', 'v3', 'v3.5', 'v3.5.3', '3', '3.5', 'chaource'], base: 'alpine', entrypoint: ['/entrypoint.sh'], cmd: ['traefik'], env: [PATH_ENV], exposed: ['80/tcp'], wrapperRuns: { program: 'traefik' },
        labels: { 'org.opencontainers.image.description': 'A modern reverse-proxy', 'org.opencontainers.image.documentation': 'https://docs.traefik.io', 'org.opencontainers.image.source': 'https://github.com/traefik/traefik', 'org.opencontainers.image.title': 'Traefik', 'org.opencontainers.image.url': 'https://traefik.io', 'org.opencontainers.image.vendor': 'Traefik Labs', 'org.opencontainers.image.version': 'v3.5.3' },
        executables: ['/entrypoint.sh', '/usr/local/bin/traefik'], created: '2026-09-19T14:21:09.337Z', size: mib(181.2), layers: 4 },
    ],
  },
  {
    path: 'library/caddy',
    variants: [
      // caddyserver/caddy-docker 2.10/alpine/Dockerfile at 5572371 ("Caddy v2.10.2, Go 1.25, Alpine 3.22"): FROM alpine:3.22, ENV CADDY_VERSION
      // v2.10.2, XDG_CONFIG_HOME /config, XDG_DATA_HOME /data, the labels below, EXPOSE 80 443 443/udp 2019, WORKDIR /srv, the CMD; the Caddyfile
      // and welcome page from caddyserver/dist (rootfs.ts's caddy set). No VOLUME in that Dockerfile. Its program: shell/caddy/. Date and size:
      // no record of the 2.10.2 image was found (docker-library/repo-info keeps only the current tags), so they are made up.
      { tags: ['latest', '2', '2.10', '2.10.2', 'alpine', '2-alpine', '2.10-alpine'], base: 'alpine', cmd: ['caddy', 'run', '--config', '/etc/caddy/Caddyfile', '--adapter', 'caddyfile'],
        env: [PATH_ENV, 'CADDY_VERSION=v2.10.2', 'XDG_CONFIG_HOME=/config', 'XDG_DATA_HOME=/data'], exposed: ['2019/tcp', '443/tcp', '443/udp', '80/tcp'], workingDir: '/srv', fileSets: ['caddy'],
        labels: { 'org.opencontainers.image.description': 'a powerful, enterprise-ready, open source web server with automatic HTTPS written in Go', 'org.opencontainers.image.documentation': 'https://caddyserver.com/docs', 'org.opencontainers.image.licenses': 'Apache-2.0', 'org.opencontainers.image.source': 'https://github.com/caddyserver/caddy-docker', 'org.opencontainers.image.title': 'Caddy', 'org.opencontainers.image.url': 'https://caddyserver.com', 'org.opencontainers.image.vendor': 'Light Code Labs', 'org.opencontainers.image.version': 'v2.10.2' },
        executables: ['/usr/bin/caddy'], created: '2026-09-03T20:08:56.640Z', size: mib(48.6), layers: 5 },
    ],
  },
  {
    path: 'curlimages/curl',
    variants: [
      // curl/curl-container: FROM alpine, curl built from source in /usr/bin, USER curl_user, ENTRYPOINT ["/entrypoint.sh"], CMD ["curl"];
      // entrypoint.sh runs `curl "$@"` when $1 is a flag or no command (`command -v`). Version, date and size made up.
      { tags: ['latest', CURLIMAGES_CURL_VERSION], base: 'alpine', entrypoint: ['/entrypoint.sh'], cmd: ['curl'], env: [PATH_ENV, 'CURL_CA_BUNDLE=/cacert.pem'], wrapperRuns: { program: 'curl', unlessProgram: true },
        executables: ['/entrypoint.sh', '/usr/bin/curl'], created: '2025-11-05T09:12:40.000Z', size: mib(22.1), layers: 9 },
    ],
  },
  {
    path: 'traefik/whoami',
    variants: [
      // traefik/whoami v1.11.0's Dockerfile: FROM scratch, the static /whoami, ENTRYPOINT ["/whoami"], EXPOSE 80 (its app: shell/web-echo.ts). Date and size made up.
      { tags: ['latest', 'v1.11.0', 'v1.11', 'v1'], base: 'scratch', entrypoint: ['/whoami'], cmd: [], env: [PATH_ENV], exposed: ['80/tcp'],
        executables: ['/whoami'], created: '2025-02-17T14:25:31.000Z', size: mib(6.7), layers: 3 },
    ],
  },
  {
    path: 'hashicorp/http-echo',
    variants: [
      // hashicorp/http-echo v1.0.0's Dockerfile: FROM distroless static-debian12:nonroot, ENV ECHO_TEXT="hello-world", EXPOSE 5678, ENTRYPOINT ["/http-echo"]
      // (its app: shell/web-echo.ts). Date and size made up.
      { tags: ['latest', '1.0', '1.0.0'], base: 'scratch', entrypoint: ['/http-echo'], cmd: [], env: [PATH_ENV, 'ECHO_TEXT=hello-world'], exposed: ['5678/tcp'],
        labels: { licenses: 'MPL-2.0', maintainer: 'HashiCorp Consul Team <consul@hashicorp.com>', name: 'http-echo', release: '1.0.0', summary: 'A test webserver that echos a response. You know, for kids.', vendor: 'HashiCorp', version: '1.0.0' },
        executables: ['/http-echo'], created: '2023-10-10T20:46:12.000Z', size: mib(4.45), layers: 2 },
    ],
  },
  {
    path: 'alpine/socat',
    variants: [
      // alpine-docker/socat's Dockerfile: FROM alpine:latest, apk add socat, ENTRYPOINT ["socat"], no CMD, no EXPOSE; tagged by socat's
      // version (Alpine's package, pkg-catalog.ts). Date and size made up.
      { tags: ['latest', IMAGE_SOCAT_VERSION], base: 'alpine', entrypoint: ['socat'], cmd: [], env: [PATH_ENV],
        executables: bins('/usr/bin', ['socat', 'filan', 'procan']), created: '2026-09-20T03:14:07.512Z', size: mib(10.1), layers: 2 },
    ],
  },
  {
    path: 'training/webapp',
    variants: [
      // docker-training/webapp: FROM ubuntu:14.04, python-all and pip, ADD ./webapp /opt/webapp/, WORKDIR /opt/webapp, EXPOSE 5000, CMD ["python", "app.py"];
      // Flask's development server logs " * Running on http://0.0.0.0:5000/" (Docker 1.x docs' `docker logs` of it). Size from those docs' `docker images`; date made up.
      { tags: ['latest'], base: 'ubuntu-trusty', cmd: ['python', 'app.py'], env: [PATH_ENV], exposed: ['5000/tcp'], workingDir: '/opt/webapp',
        executables: bins('/usr/bin', ['python', 'python2', 'python2.7', 'pip']), listens: [{ proto: 'tcp', port: 5000, process: 'python' }],
        startupLog: ' * Running on http://0.0.0.0:5000/\n', created: '2015-05-02T18:33:06.018Z', size: 280_500_000, layers: 9, fileSets: ['webapp'] },
    ],
  },
  {
    path: 'crosbymichael/redis',
    variants: [
      // The Docker 0.x docs' redis service image (docs "Link via an ambassador container" / "Running a Redis service"):
      // FROM ubuntu, apt-get install redis-server, EXPOSE 6379, ENTRYPOINT ["/usr/bin/redis-server"]. Date and size made up.
      { tags: ['latest'], base: 'ubuntu-precise', entrypoint: ['/usr/bin/redis-server'], cmd: [], env: [PATH_ENV], exposed: ['6379/tcp'],
        executables: bins('/usr/bin', ['redis-server', 'redis-cli', 'redis-benchmark']), listens: [{ proto: 'tcp', port: 6379, process: 'redis-server' }],
        created: '2014-04-02T21:38:12.004Z', size: 306_700_000, layers: 6 },
    ],
  },
];

