/**
 * The package catalogs the simulated mirrors serve: for each distro release an
 * image can be built on (Alpine's branch, Debian's or Ubuntu's codename), the
 * packages tutorials install (curl, wget, dig, ip/ss, ping, net-tools, tcpdump,
 * netcat, socat, the redis/postgres/mariadb clients, jq, vim, bash, iptables), each
 * with its version, sizes, the libraries it pulls in and the executables it
 * puts on disk. Only that pinned set exists; any other name is "no such
 * package" / "Unable to locate package", as a real mirror answers a typo.
 *
 * Sources: versions are those pkgs.alpinelinux.org (v3.22, x86_64) and
 * packages.debian.org / packages.ubuntu.com (trixie, bookworm, noble, amd64)
 * listed in 2025, the newest the references here cover; the simulated 2026
 * releases (Alpine 3.24, Ubuntu 26.04) reuse them. Sizes are rounded from
 * those pages; dependency lists name the libraries each package pulls into a
 * minimal base image, trimmed to the main ones.
 */

/** A package of a catalog, as installed (the type lives with the images, which keep what RUN steps installed). */
import type { InstalledPackage } from '../docker/images.ts';

export type PackageInfo = InstalledPackage;

export type Family = 'alpine' | 'debian' | 'ubuntu';

export interface Release {
  family: Family;
  /** Alpine's branch (`v3.24`), Debian's and Ubuntu's codename (`trixie`). */
  codename: string;
  packages: ReadonlyMap<string, PackageInfo>;
  /** Names that install another package (Debian's transitional `dnsutils`, Alpine's provides). */
  aliases: Readonly<Record<string, string>>;
}

const kib = (n: number): number => n * 1024;

type Row = [name: string, version: string, downloadKiB: number, installedKiB: number, depends?: string, executables?: string, archOrRepo?: string];

/** A catalog from rows: `depends` space-separated names, `executables` space-separated paths. */
function catalog(rows: readonly Row[], defaultArch: string): Map<string, PackageInfo> {
  return new Map(
    rows.map(([name, version, dl, inst, depends = '', executables = '', extra = defaultArch]) => [
      name,
      {
        name,
        version,
        arch: extra === 'community' || extra === 'main' ? 'x86_64' : extra,
        download: kib(dl),
        installed: kib(inst),
        depends: depends.split(' ').filter(Boolean),
        executables: executables.split(' ').filter(Boolean),
        repo: extra === 'community' ? 'community' : 'main',
      },
    ]),
  );
}

// ---- Alpine (apk) -------------------------------------------------------------------

const ALPINE_ROWS: readonly Row[] = [
  ['brotli-libs', '1.1.0-r2', 340, 937],
  ['c-ares', '1.34.5-r0', 96, 220],
  ['libunistring', '1.3-r0', 530, 1680],
  ['libidn2', '2.3.7-r0', 110, 268, 'libunistring'],
  ['nghttp2-libs', '1.65.0-r0', 70, 168],
  ['nghttp3', '1.9.0-r0', 60, 148],
  ['libpsl', '0.21.5-r3', 20, 40, 'libidn2'],
  ['zstd-libs', '1.5.7-r0', 260, 592],
  ['libcurl', '8.14.1-r2', 340, 744, 'brotli-libs c-ares libidn2 nghttp2-libs nghttp3 libpsl zstd-libs'],
  ['curl', '8.14.1-r2', 250, 276, 'libcurl', '/usr/bin/curl'],
  ['pcre2', '10.46-r0', 260, 744],
  ['wget', '1.25.0-r1', 430, 1064, 'libidn2 libpsl pcre2', '/usr/bin/wget'],
  ['fstrm', '0.6.1-r4', 20, 48],
  ['krb5-conf', '1.0-r2', 4, 20],
  ['libcom_err', '1.47.2-r2', 12, 28],
  ['keyutils-libs', '1.6.3-r4', 8, 28],
  ['libverto', '0.3.2-r2', 8, 24],
  ['krb5-libs', '1.21.3-r0', 560, 1416, 'krb5-conf libcom_err keyutils-libs libverto'],
  ['json-c', '0.18-r1', 36, 80],
  ['protobuf-c', '1.5.2-r0', 24, 56],
  ['libuv', '1.51.0-r0', 90, 212],
  ['xz-libs', '5.8.1-r0', 130, 244],
  ['libxml2', '2.13.8-r0', 700, 1744, 'xz-libs'],
  ['bind-libs', '9.20.11-r0', 1320, 3296, 'fstrm krb5-libs json-c nghttp2-libs protobuf-c libuv libxml2'],
  ['bind-tools', '9.20.11-r0', 260, 676, 'bind-libs', '/usr/bin/dig /usr/bin/host /usr/bin/nslookup /usr/bin/delv /usr/bin/nsupdate'],
  ['libcap2', '2.76-r0', 20, 48],
  ['libmnl', '1.0.5-r2', 10, 24],
  ['libelf', '0.193-r0', 170, 360],
  ['iproute2-minimal', '6.15.0-r0', 430, 920, 'libcap2 libmnl libelf', '/sbin/ip'],
  ['iproute2-tc', '6.15.0-r0', 330, 684, 'iproute2-minimal', '/sbin/tc'],
  ['iproute2-ss', '6.15.0-r0', 120, 252, 'iproute2-minimal', '/sbin/ss'],
  ['iproute2', '6.15.0-r0', 330, 756, 'iproute2-minimal iproute2-tc iproute2-ss', '/sbin/bridge /sbin/rtmon /usr/sbin/nstat'],
  ['iputils-ping', '20240905-r0', 40, 84, 'libcap2', '/bin/ping'],
  ['iputils-tracepath', '20240905-r0', 16, 36, '', '/bin/tracepath'],
  ['iputils-arping', '20240905-r0', 20, 48, 'libcap2', '/bin/arping'],
  ['iputils', '20240905-r0', 4, 4, 'iputils-ping iputils-tracepath iputils-arping'],
  ['mii-tool', '2.10-r3', 24, 60, '', '/sbin/mii-tool'],
  ['net-tools', '2.10-r3', 170, 480, 'mii-tool', '/bin/netstat /sbin/ifconfig /sbin/route /sbin/arp /sbin/ipmaddr /sbin/iptunnel /sbin/nameif /sbin/plipconfig /sbin/rarp /sbin/slattach'],
  ['libpcap', '1.10.5-r1', 150, 308],
  ['tcpdump', '4.99.5-r1', 460, 1136, 'libpcap', '/usr/bin/tcpdump'],
  ['libbsd', '0.12.2-r0', 40, 92],
  ['netcat-openbsd', '1.229.1-r0', 20, 52, 'libbsd', '/usr/bin/nc'],
  ['socat', '1.8.0.3-r1', 160, 388, '', '/usr/bin/socat /usr/bin/filan /usr/bin/procan'],
  ['libgcc', '14.2.0-r6', 150, 276],
  ['libstdc++', '14.2.0-r6', 1050, 2748, 'libgcc'],
  ['redis', '8.0.3-r0', 2030, 6072, 'libgcc', '/usr/bin/redis-server /usr/bin/redis-cli /usr/bin/redis-benchmark /usr/bin/redis-check-aof /usr/bin/redis-check-rdb /usr/bin/redis-sentinel', 'community'],
  ['ncurses-terminfo-base', '6.5_p20250503-r0', 22, 60],
  ['libncursesw', '6.5_p20250503-r0', 150, 332, 'ncurses-terminfo-base'],
  ['readline', '8.2.13-r1', 140, 304, 'libncursesw'],
  ['libpq', '17.5-r0', 170, 356, 'krb5-libs'],
  ['postgresql-common', '1.2-r1', 12, 32],
  ['postgresql17-client', '17.5-r0', 1240, 4384, 'postgresql-common libpq readline zstd-libs', '/usr/bin/psql /usr/bin/pg_dump /usr/bin/pg_dumpall /usr/bin/pg_isready /usr/bin/pg_restore /usr/bin/createdb /usr/bin/dropdb'],
  ['mariadb-common', '11.4.5-r2', 20, 48],
  ['mariadb-connector-c', '3.3.10-r1', 200, 488],
  ['mariadb-client', '11.4.5-r2', 1990, 6844, 'mariadb-common mariadb-connector-c libncursesw libstdc++', '/usr/bin/mariadb /usr/bin/mysql /usr/bin/mariadb-admin /usr/bin/mysqladmin /usr/bin/mariadb-dump /usr/bin/mysqldump'],
  ['oniguruma', '6.9.10-r0', 170, 528],
  ['jq', '1.8.0-r0', 140, 348, 'oniguruma', '/usr/bin/jq'],
  ['xxd', '9.1.1415-r0', 10, 24, '', '/usr/bin/xxd'],
  ['vim-common', '9.1.1415-r0', 7400, 32708],
  ['vim', '9.1.1415-r0', 1660, 3424, 'xxd vim-common libncursesw', '/usr/bin/vim /usr/bin/vimdiff /usr/bin/view /usr/bin/rview /usr/bin/ex /usr/bin/rvim /usr/bin/vimtutor'],
  ['bash', '5.2.37-r0', 1270, 2412, 'readline', '/bin/bash /usr/bin/bashbug'],
  ['libnftnl', '1.2.9-r0', 70, 164, 'libmnl'],
  ['iptables', '1.8.11-r1', 440, 1572, 'libmnl libnftnl', '/sbin/iptables /sbin/iptables-save /sbin/iptables-restore /sbin/ip6tables /sbin/ip6tables-save /sbin/ip6tables-restore /sbin/xtables-nft-multi /sbin/xtables-legacy-multi'],
];

/** Alpine's minirootfs (repo-info alpine:latest): the packages and bytes `apk add` counts from. */
export const ALPINE_BASE = { packages: 16, bytes: 8_221_000 };

const ALPINE_PACKAGES = catalog(ALPINE_ROWS, 'main');

/** Alpine's names that another package provides (`apk add postgresql-client` installs postgresql17-client). */
const ALPINE_ALIASES = { 'postgresql-client': 'postgresql17-client' } as const;

// ---- Debian and Ubuntu (apt) ----------------------------------------------------------

/** The libraries curl and friends pull into a Debian slim image (trixie). */
const TRIXIE_ROWS: readonly Row[] = [
  ['openssl-provider-legacy', '3.5.1-1', 302, 760],
  ['openssl', '3.5.1-1', 1494, 2532, 'openssl-provider-legacy', '/usr/bin/openssl'],
  ['ca-certificates', '20250419', 162, 428, 'openssl', '', 'all'],
  ['krb5-locales', '1.21.3-5', 102, 660, '', '', 'all'],
  ['libbrotli1', '1.1.0-2+b7', 307, 872],
  ['libkrb5support0', '1.21.3-5', 33, 104],
  ['libcom-err2', '1.47.2-3+b3', 25, 60],
  ['libk5crypto3', '1.21.3-5', 81, 216, 'libkrb5support0'],
  ['libkeyutils1', '1.6.3-6', 9, 44],
  ['libkrb5-3', '1.21.3-5', 326, 1148, 'libkrb5support0 libcom-err2 libk5crypto3 libkeyutils1'],
  ['libgssapi-krb5-2', '1.21.3-5', 138, 424, 'libkrb5-3'],
  ['libunistring5', '1.3-2', 477, 1824],
  ['libidn2-0', '2.3.8-2', 109, 456, 'libunistring5'],
  ['libsasl2-modules-db', '2.1.28+dfsg1-9', 19, 52],
  ['libsasl2-2', '2.1.28+dfsg1-9', 57, 168, 'libsasl2-modules-db'],
  ['libldap2', '2.6.10+dfsg-1', 194, 520, 'libsasl2-2'],
  ['libnghttp2-14', '1.64.0-1.1', 76, 224],
  ['libnghttp3-9', '1.8.0-1', 67, 208],
  ['libngtcp2-16', '1.11.0-1', 131, 384],
  ['libngtcp2-crypto-ossl0', '1.11.0-1', 29, 92, 'libngtcp2-16'],
  ['libpsl5t64', '0.21.2-1.1+b1', 57, 88, 'libidn2-0'],
  ['librtmp1', '2.4+20151223.gitfa8646d.1-2+b5', 58, 136],
  ['libssh2-1t64', '1.11.1-1', 245, 576],
  ['libcurl4t64', '8.14.1-2', 391, 1008, 'libbrotli1 libgssapi-krb5-2 libidn2-0 libldap2 libnghttp2-14 libnghttp3-9 libngtcp2-16 libngtcp2-crypto-ossl0 libpsl5t64 librtmp1 libssh2-1t64'],
  ['publicsuffix', '20250328.1952-0.1', 296, 344, '', '', 'all'],
  ['curl', '8.14.1-2', 269, 504, 'ca-certificates krb5-locales libcurl4t64 publicsuffix', '/usr/bin/curl'],
  ['wget', '1.25.0-2', 984, 3764, 'ca-certificates libidn2-0 libpsl5t64 publicsuffix', '/usr/bin/wget'],
  ['libfstrm0', '0.6.1-1+b3', 22, 72],
  ['libjson-c5', '0.18+ds-1', 45, 156],
  ['liblmdb0', '0.9.31-1+b2', 45, 104],
  ['libmaxminddb0', '1.12.2-1', 30, 80],
  ['libprotobuf-c1', '1.5.1-1', 22, 68],
  ['libuv1t64', '1.50.0-2', 147, 372],
  ['libxml2', '2.12.7+dfsg+really2.9.14-2.1', 699, 2084],
  ['bind9-libs', '1:9.20.11-4', 1456, 4164, 'libfstrm0 libjson-c5 liblmdb0 libmaxminddb0 libnghttp2-14 libprotobuf-c1 libuv1t64 libxml2 libgssapi-krb5-2'],
  ['bind9-host', '1:9.20.11-4', 52, 148, 'bind9-libs', '/usr/bin/host'],
  ['bind9-dnsutils', '1:9.20.11-4', 183, 636, 'bind9-host', '/usr/bin/dig /usr/bin/nslookup /usr/bin/nsupdate /usr/bin/delv'],
  ['dnsutils', '1:9.20.11-4', 11, 16, 'bind9-dnsutils', '', 'all'],
  ['libbpf1', '1:1.5.0-3', 169, 424],
  ['libcap2-bin', '1:2.75-10+b1', 34, 116],
  ['libelf1t64', '0.192-4', 189, 536],
  ['libmnl0', '1.0.5-3', 12, 44],
  ['libxtables12', '1.8.11-2', 31, 92],
  ['libatm1t64', '1:2.5.1-5.1+b1', 21, 64],
  ['iproute2', '6.15.0-1', 1105, 3776, 'libbpf1 libcap2-bin libelf1t64 libmnl0 libxtables12 libatm1t64', '/usr/bin/ip /usr/bin/ss /usr/bin/bridge /usr/bin/tc /usr/sbin/ip /usr/sbin/ss /usr/sbin/bridge /usr/sbin/tc /usr/bin/nstat'],
  ['iputils-ping', '3:20240905-3', 47, 116, 'libcap2-bin', '/usr/bin/ping'],
  ['net-tools', '2.10-1.3', 243, 864, '', '/usr/bin/netstat /usr/sbin/ifconfig /usr/sbin/route /usr/sbin/arp /usr/sbin/ipmaddr /usr/sbin/iptunnel /usr/sbin/mii-tool /usr/sbin/nameif /usr/sbin/plipconfig /usr/sbin/rarp /usr/sbin/slattach'],
  ['libpcap0.8t64', '1.10.5-2', 153, 388],
  ['tcpdump', '4.99.5-2', 480, 1300, 'libpcap0.8t64', '/usr/bin/tcpdump'],
  ['libbsd0', '0.12.2-2', 131, 352],
  ['netcat-openbsd', '1.229-1', 43, 112, 'libbsd0', '/usr/bin/nc.openbsd /usr/bin/nc /usr/bin/netcat'],
  ['socat', '1.8.0.3-1', 398, 1716, '', '/usr/bin/socat /usr/bin/socat1 /usr/bin/filan /usr/bin/procan'],
  ['libjemalloc2', '5.3.0-3', 243, 732],
  ['liblzf1', '3.6-4+b3', 10, 40],
  ['redis-tools', '5:8.0.2-3', 1177, 6032, 'libjemalloc2 liblzf1', '/usr/bin/redis-cli /usr/bin/redis-benchmark /usr/bin/redis-check-aof /usr/bin/redis-check-rdb'],
  ['libpq5', '17.5-1', 223, 912, 'libgssapi-krb5-2 libldap2'],
  ['postgresql-client-common', '278', 42, 176, '', '/usr/bin/pg_wrapper', 'all'],
  ['postgresql-client-17', '17.5-1', 2037, 11000, 'libpq5 postgresql-client-common', '/usr/bin/psql /usr/bin/pg_dump /usr/bin/pg_dumpall /usr/bin/pg_isready /usr/bin/pg_restore /usr/bin/createdb /usr/bin/dropdb'],
  ['postgresql-client', '17+278', 55, 76, 'postgresql-client-17', '', 'all'],
  ['mariadb-common', '1:11.8.2-1', 29, 60, '', '', 'all'],
  ['libmariadb3', '1:11.8.2-1', 181, 600, 'mariadb-common'],
  ['mariadb-client-core', '1:11.8.2-1', 900, 5572, 'libmariadb3'],
  ['mariadb-client', '1:11.8.2-1', 3010, 19804, 'mariadb-client-core', '/usr/bin/mariadb /usr/bin/mysql /usr/bin/mariadb-admin /usr/bin/mysqladmin /usr/bin/mariadb-dump /usr/bin/mysqldump'],
  ['libonig5', '6.9.9-1+b1', 193, 668],
  ['libjq1', '1.7.1-6+deb13u1', 164, 476, 'libonig5'],
  ['jq', '1.7.1-6+deb13u1', 76, 164, 'libjq1', '/usr/bin/jq'],
  ['libgpm2', '1.20.7-11+b2', 14, 52],
  ['libsodium23', '1.0.18-1+b2', 162, 392],
  ['vim-common', '2:9.1.1230-2', 207, 452, '', '/usr/bin/helpztags', 'all'],
  ['vim-runtime', '2:9.1.1230-2', 7300, 39592, '', '', 'all'],
  ['vim', '2:9.1.1230-2', 1722, 4084, 'libgpm2 libsodium23 vim-common vim-runtime', '/usr/bin/vim.basic /usr/bin/vim /usr/bin/vi /usr/bin/vimdiff /usr/bin/view'],
  ['libip4tc2', '1.8.11-2', 20, 60],
  ['libip6tc2', '1.8.11-2', 20, 60],
  ['libnfnetlink0', '1.0.2-3', 14, 52],
  ['libnetfilter-conntrack3', '1.1.0-1', 41, 124, 'libnfnetlink0'],
  ['libnftnl11', '1.2.9-1', 67, 212, 'libmnl0'],
  ['iptables', '1.8.11-2', 365, 2580, 'libip4tc2 libip6tc2 libnetfilter-conntrack3 libnftnl11 libxtables12', '/usr/sbin/iptables /usr/sbin/iptables-save /usr/sbin/iptables-restore /usr/sbin/ip6tables /usr/sbin/ip6tables-save /usr/sbin/ip6tables-restore /usr/sbin/xtables-nft-multi /usr/sbin/xtables-legacy-multi'],
  ['bash', '5.2.37-1.1+b2', 1459, 7212, '', '/usr/bin/bash /bin/bash'],
  ['procps', '2:4.0.4-9', 882, 2436, '', '/usr/bin/ps /usr/bin/top /usr/bin/free /usr/bin/pgrep /usr/bin/pkill /usr/bin/watch /usr/bin/uptime /usr/bin/vmstat'],
];

/** packages.debian.org bookworm versions of the same set (Debian 12, the docker host and the bookworm images). */
const BOOKWORM_VERSIONS: Record<string, string> = {
  'openssl': '3.0.17-1~deb12u2', 'ca-certificates': '20230311+deb12u1', 'krb5-locales': '1.20.1-2+deb12u3', 'libbrotli1': '1.0.9-2+b6', 'libkrb5support0': '1.20.1-2+deb12u3',
  'libcom-err2': '1.47.0-2', 'libk5crypto3': '1.20.1-2+deb12u3', 'libkeyutils1': '1.6.3-2', 'libkrb5-3': '1.20.1-2+deb12u3', 'libgssapi-krb5-2': '1.20.1-2+deb12u3',
  'libunistring2': '1.0-2', 'libidn2-0': '2.3.3-1+b1', 'libsasl2-modules-db': '2.1.28+dfsg-10', 'libsasl2-2': '2.1.28+dfsg-10', 'libldap-2.5-0': '2.5.13+dfsg-5',
  'libnghttp2-14': '1.52.0-1+deb12u2', 'libpsl5': '0.21.2-1', 'librtmp1': '2.4+20151223.gitfa8646d.1-2+b2', 'libssh2-1': '1.10.0-3+b1', 'libcurl4': '7.88.1-10+deb12u12',
  'publicsuffix': '20230209.2326-1', 'curl': '7.88.1-10+deb12u12', 'wget': '1.21.3-1+deb12u1', 'libfstrm0': '0.6.1-1', 'libjson-c5': '0.16-2', 'liblmdb0': '0.9.24-1',
  'libmaxminddb0': '1.7.1-1', 'libprotobuf-c1': '1.4.1-1+b1', 'libuv1': '1.44.2-1+deb12u1', 'libxml2': '2.9.14+dfsg-1.3~deb12u2', 'bind9-libs': '1:9.18.33-1~deb12u2',
  'bind9-host': '1:9.18.33-1~deb12u2', 'bind9-dnsutils': '1:9.18.33-1~deb12u2', 'dnsutils': '1:9.18.33-1~deb12u2', 'libbpf1': '1:1.1.0-1', 'libcap2-bin': '1:2.66-4+deb12u1',
  'libelf1': '0.188-2.1', 'libmnl0': '1.0.4-3', 'libxtables12': '1.8.9-2', 'libatm1': '1:2.5.1-4+b2', 'iproute2': '6.1.0-3', 'iputils-ping': '3:20221126-1+deb12u1',
  'net-tools': '2.10-0.1', 'libpcap0.8': '1.10.3-1', 'tcpdump': '4.99.3-1', 'libbsd0': '0.11.7-2', 'netcat-openbsd': '1.219-1', 'socat': '1.7.4.4-2', 'libjemalloc2': '5.3.0-1', 'liblzf1': '3.6-3',
  'redis-tools': '5:7.0.15-1~deb12u4', 'libpq5': '15.13-0+deb12u1', 'postgresql-client-common': '248', 'postgresql-client-15': '15.13-0+deb12u1', 'postgresql-client': '15+248',
  'mariadb-common': '1:10.11.11-0+deb12u1', 'libmariadb3': '1:10.11.11-0+deb12u1', 'mariadb-client-core': '1:10.11.11-0+deb12u1', 'mariadb-client': '1:10.11.11-0+deb12u1',
  'libonig5': '6.9.8-1', 'libjq1': '1.6-2.1', 'jq': '1.6-2.1', 'libgpm2': '1.20.7-10+b1', 'libsodium23': '1.0.18-1', 'vim-common': '2:9.0.1378-2+deb12u2',
  'vim-runtime': '2:9.0.1378-2+deb12u2', 'vim': '2:9.0.1378-2+deb12u2', 'libip4tc2': '1.8.9-2', 'libip6tc2': '1.8.9-2', 'libnfnetlink0': '1.0.2-2', 'libnetfilter-conntrack3': '1.0.9-3',
  'libnftnl11': '1.2.4-2', 'iptables': '1.8.9-2', 'procps': '2:4.0.2-3', 'bash': '5.2.15-2+b8',
};

/** Bookworm's names where trixie's carry the t64 suffix or a newer soname. */
const BOOKWORM_RENAMES: Record<string, string> = {
  'libcurl4t64': 'libcurl4', 'libpsl5t64': 'libpsl5', 'libssh2-1t64': 'libssh2-1', 'libuv1t64': 'libuv1', 'libelf1t64': 'libelf1', 'libatm1t64': 'libatm1',
  'libpcap0.8t64': 'libpcap0.8', 'libunistring5': 'libunistring2', 'libldap2': 'libldap-2.5-0', 'postgresql-client-17': 'postgresql-client-15',
};
/** Packages trixie's curl needs that bookworm's 7.88 does not (HTTP/3, the split legacy provider). */
const BOOKWORM_ABSENT = new Set(['libnghttp3-9', 'libngtcp2-16', 'libngtcp2-crypto-ossl0', 'openssl-provider-legacy']);

/** The bookworm catalog: trixie's rows renamed and re-versioned. */
function bookwormRows(): Row[] {
  const rename = (n: string) => BOOKWORM_RENAMES[n] ?? n;
  return TRIXIE_ROWS.filter(([name]) => !BOOKWORM_ABSENT.has(name)).map(([name, , dl, inst, deps = '', exes = '', arch]) => {
    const own = rename(name);
    const depends = deps.split(' ').filter((d) => d && !BOOKWORM_ABSENT.has(d)).map(rename).join(' ');
    return [own, BOOKWORM_VERSIONS[own] ?? '', dl, inst, depends, exes, arch ?? 'amd64'];
  });
}

/** packages.ubuntu.com noble (24.04) versions, where they differ in form from Debian's. */
const NOBLE_VERSIONS: Record<string, string> = {
  'curl': '8.5.0-2ubuntu10.6', 'libcurl4t64': '8.5.0-2ubuntu10.6', 'wget': '1.21.4-1ubuntu4.1', 'bind9-dnsutils': '1:9.18.30-0ubuntu0.24.04.2', 'bind9-host': '1:9.18.30-0ubuntu0.24.04.2',
  'bind9-libs': '1:9.18.30-0ubuntu0.24.04.2', 'dnsutils': '1:9.18.30-0ubuntu0.24.04.2', 'iproute2': '6.1.0-1ubuntu6', 'iputils-ping': '3:20240117-1build1', 'net-tools': '2.10-0.1ubuntu4',
  'tcpdump': '4.99.4-3ubuntu4', 'libpcap0.8t64': '1.10.4-4.1ubuntu3', 'netcat-openbsd': '1.226-1ubuntu2', 'socat': '1.8.0.0-4build3', 'redis-tools': '5:7.0.15-1build2', 'jq': '1.7.1-3build1', 'libjq1': '1.7.1-3build1',
  'vim': '2:9.1.0016-1ubuntu7.8', 'vim-common': '2:9.1.0016-1ubuntu7.8', 'vim-runtime': '2:9.1.0016-1ubuntu7.8', 'iptables': '1.8.10-3ubuntu2', 'postgresql-client-16': '16.9-0ubuntu0.24.04.1',
  'postgresql-client': '16+257build1.1', 'mariadb-client': '1:10.11.13-0ubuntu0.24.04.1', 'ca-certificates': '20240203', 'procps': '2:4.0.4-4ubuntu3.2', 'bash': '5.2.21-2ubuntu4',
};

/**
 * Ubuntu's catalog: noble's versions (24.04) where packages.ubuntu.com gave
 * them; for other releases, and noble's other packages, Debian's version
 * without its binNMU suffix (Ubuntu rebuilds Debian's sources; made up).
 * Noble's postgres client is 16.
 */
function ubuntuRows(codename: string): Row[] {
  const noble = codename === 'noble';
  const rename = (n: string) => (noble && n === 'postgresql-client-17' ? 'postgresql-client-16' : n);
  return TRIXIE_ROWS.map(([name, version, dl, inst, deps = '', exes, arch]) => [
    rename(name),
    (noble ? NOBLE_VERSIONS[rename(name)] : undefined) ?? version.replace(/\+b\d+$/, ''),
    dl,
    inst,
    deps.split(' ').map(rename).join(' '),
    exes,
    arch,
  ]);
}

const RELEASES: Record<string, Release> = {
  alpine: { family: 'alpine', codename: 'v3.24', packages: ALPINE_PACKAGES, aliases: ALPINE_ALIASES },
  trixie: { family: 'debian', codename: 'trixie', packages: catalog(TRIXIE_ROWS, 'amd64'), aliases: {} },
  bookworm: { family: 'debian', codename: 'bookworm', packages: catalog(bookwormRows(), 'amd64'), aliases: {} },
  noble: { family: 'ubuntu', codename: 'noble', packages: catalog(ubuntuRows('noble'), 'amd64'), aliases: {} },
  ubuntu: { family: 'ubuntu', codename: 'resolute', packages: catalog(ubuntuRows('resolute'), 'amd64'), aliases: {} },
};

/**
 * The release a rootfs is, read from its files as the package managers do:
 * /etc/alpine-release (its branch), or /etc/os-release's ID and VERSION_CODENAME.
 */
export function releaseOf(read: (path: string) => string | undefined): Release | undefined {
  const alpine = read('/etc/alpine-release');
  if (alpine !== undefined) {
    const branch = /^(\d+\.\d+)/.exec(alpine)?.[1];
    return branch === undefined ? undefined : { ...RELEASES.alpine!, codename: `v${branch}` };
  }
  const osRelease = read('/etc/os-release') ?? '';
  const field = (key: string) => new RegExp(`^${key}="?([^"\\n]*)"?$`, 'm').exec(osRelease)?.[1];
  const id = field('ID');
  const codename = field('VERSION_CODENAME');
  if (id === 'debian' && codename === 'bookworm') return RELEASES.bookworm;
  if (id === 'debian') return { ...RELEASES.trixie!, codename: codename ?? 'trixie' };
  if (id === 'ubuntu' && codename === 'noble') return RELEASES.noble;
  if (id === 'ubuntu') return { ...RELEASES.ubuntu!, codename: codename ?? 'resolute' };
  return undefined;
}

/** The package a name installs (itself, or what provides it), if the catalog has it. */
export function findPackage(release: Release, name: string): PackageInfo | undefined {
  const target = (release.aliases as Record<string, string>)[name] ?? name;
  return target === '' ? undefined : release.packages.get(target);
}

/**
 * What installing `wanted` brings in, dependencies first (each once), leaving
 * out what is installed already.
 */
export function installOrder(release: Release, wanted: readonly PackageInfo[], installed: (name: string) => boolean): PackageInfo[] {
  const order: PackageInfo[] = [];
  const seen = new Set<string>();
  const visit = (p: PackageInfo) => {
    if (seen.has(p.name) || installed(p.name)) return;
    seen.add(p.name);
    for (const dep of p.depends) {
      const d = release.packages.get(dep);
      if (d) visit(d);
    }
    order.push(p);
  };
  wanted.forEach(visit);
  return order;
}

/**
 * What follows the mirror's own answer for a name the catalog lacks: the real mirror may well
 * have it (gcc, musl-dev, build-essential...), so vethlab says that its answer is only its own.
 */
export function unknownPackageNote(names: readonly string[]): string {
  return `vethlab: the simulated mirror serves only the packages vethlab models (docs/images.md); the real one may have ${names.join(', ')}\n`;
}
