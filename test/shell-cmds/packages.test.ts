/**
 * apk, apt-get and apt in the playground's images, offline against the pinned
 * catalog. The rig's images have no package manager, so no golden exists;
 * the texts follow apk-tools (src/commit.c print_change and the "OK:" line,
 * apk_solver_print_errors, src/database.c's fetch warning, src/print.c
 * apk_error_str and apk_fmt_human_size) and apt (apt-private/private-output.cc
 * ShowList/ShowWithColumns/Stats, private-install.cc, cacheset.cc "Unable to
 * locate package", strutl.cc SizeToStr); versions from pkgs.alpinelinux.org
 * and packages.debian.org (see src/sim/shell/pkg-catalog.ts).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { showColumns, sizeToStr } from '../../src/sim/shell/pkg-apt.ts';

function world(): { sim: Simulator; sh: (line: string) => ReturnType<Simulator['runScriptLine']> } {
  const sim = new Simulator({ images: 'playground' });
  return { sim, sh: (line) => sim.runScriptLine(line) };
}

describe('apk add in alpine', () => {
  it('installs curl with its libraries, and curl then runs', () => {
    const { sh } = world();
    sh('docker run -d --name al alpine sleep 1000');
    expect(sh('docker exec al sh -c "curl -s example.com"')).toMatchObject({ stderr: 'sh: curl: not found\n', exitCode: 127 });
    const add = sh('docker exec al apk add --no-cache curl');
    expect(add.exitCode).toBe(0);
    const lines = add.stdout.split('\n');
    expect(lines[0]).toBe('( 1/10) Installing brotli-libs (1.1.0-r2)');
    expect(lines[9]).toBe('(10/10) Installing curl (8.14.1-r2)');
    expect(lines[10]).toBe('Executing busybox-1.37.0-r18.trigger');
    expect(lines[11]).toMatch(/^OK: \d+\.\d MiB in 26 packages$/);
    // The fetch went out through the container's DNS and NAT to the mirror: the traces show it.
    expect(add.traces?.length).toBeGreaterThan(0);
    expect(sh('docker exec al which curl').stdout).toBe('/usr/bin/curl\n');
    expect(sh('docker exec al ls /usr/bin/curl').stdout).toBe('/usr/bin/curl\n');
    expect(sh('docker exec al curl -s example.com').stdout).toContain('Hello from 203.0.113.10');
    // A second add has nothing left to do.
    expect(sh('docker exec al apk add curl').stdout).toMatch(/^OK: \d+\.\d MiB in 26 packages\n$/);
  });

  it('keeps installed programs across a restart, and a new container has none', () => {
    const { sh } = world();
    sh('docker run -d --name al alpine sleep 1000');
    sh('docker exec al apk add bind-tools');
    sh('docker restart al');
    expect(sh('docker exec al which dig').stdout).toBe('/usr/bin/dig\n');
    sh('docker rm -f al');
    sh('docker run -d --name al alpine sleep 1000');
    expect(sh('docker exec al which dig')).toMatchObject({ stdout: '', exitCode: 1 });
  });

  it('answers an unknown package with apk\'s solver error and changes nothing', () => {
    const { sh } = world();
    sh('docker run -d --name al alpine sleep 1000');
    const before = sh('docker exec al apk info').stdout;
    expect(sh('docker exec al apk add curl nosuch')).toMatchObject({
      stdout: '',
      // apk's solver error, then vethlab's word that its mirror is not the real one.
      stderr: 'ERROR: unable to select packages:\n  nosuch (no such package):\n    required by: world[nosuch]\nvethlab: the simulated mirror serves only the packages vethlab models (docs/images.md); the real one may have nosuch\n',
      exitCode: 1,
    });
    expect(sh('docker exec al apk info').stdout).toBe(before);
    expect(before.split('\n')).toHaveLength(17);
  });

  it('cannot reach the mirror from --network none or an internal network', () => {
    const { sh } = world();
    sh('docker run -d --name lone --network none alpine sleep 1000');
    const add = sh('docker exec lone apk add curl');
    expect(add.exitCode).toBe(1);
    expect(add.stderr).toBe(
      'WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.24/main/x86_64/APKINDEX.tar.gz: DNS: transient error (try again later)\n' +
        'WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.24/community/x86_64/APKINDEX.tar.gz: DNS: transient error (try again later)\n' +
        'ERROR: unable to select packages:\n  curl (no such package):\n    required by: world[curl]\n',
    );
    sh('docker network create --internal back');
    sh('docker run -d --name inner --network back alpine sleep 1000');
    expect(sh('docker exec inner apk add curl').stderr).toContain('DNS: transient error (try again later)');
  });

  it('alpine 3.20 has apk-tools 2: fetch lines and whole MiB', () => {
    const { sh } = world();
    sh('docker run -d --name old alpine:3.20 sleep 1000');
    const add = sh('docker exec old apk add jq');
    expect(add.stdout).toBe(
      'fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz\n' +
        'fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz\n' +
        '(1/2) Installing oniguruma (6.9.10-r0)\n(2/2) Installing jq (1.8.0-r0)\nExecuting busybox-1.36.1-r31.trigger\nOK: 8 MiB in 18 packages\n',
    );
  });
});

describe('apt-get and apt in Debian and Ubuntu images', () => {
  it('cannot locate anything before apt-get update (the image ships empty lists)', () => {
    const { sh } = world();
    sh('docker run -d --name web nginx');
    expect(sh('docker exec web apt-get install -y tcpdump')).toMatchObject({
      stdout: 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n',
      stderr: 'E: Unable to locate package tcpdump\n',
      exitCode: 100,
    });
    expect(sh('docker exec web which tcpdump').exitCode).toBe(1);
  });

  it('updates, then installs with dpkg\'s lines, and the program runs', () => {
    const { sh } = world();
    sh('docker network create net');
    sh('docker run -d --name web --network net nginx');
    sh('docker run -d --name peer --network net alpine sleep 1000');
    const update = sh('docker exec web apt-get update');
    expect(update.stdout.split('\n')[0]).toBe('Get:1 http://deb.debian.org/debian trixie InRelease [140 kB]');
    expect(update.stdout).toMatch(/\nFetched \d+ kB in 1s \(\d+ kB\/s\)\nReading package lists...\n$/);
    const install = sh('docker exec web apt-get install -y iputils-ping');
    expect(install.exitCode).toBe(0);
    expect(install.stdout).toContain(
      'The following additional packages will be installed:\n  libcap2-bin\nThe following NEW packages will be installed:\n  iputils-ping libcap2-bin\n0 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.\n',
    );
    expect(install.stdout).toContain('Selecting previously unselected package iputils-ping.\nPreparing to unpack .../01-iputils-ping_20240905-3_amd64.deb ...\nUnpacking iputils-ping (3:20240905-3) ...\n');
    expect(install.stdout).toContain('Setting up iputils-ping (3:20240905-3) ...\n');
    const ping = sh('docker exec web ping -c 1 peer');
    expect(ping.exitCode).toBe(0);
    expect(ping.stdout.split('\n')[0]).toBe('PING peer (172.18.0.3) 56(84) bytes of data.');
  });

  it('asks before pulling in more than was named, and reads end of file as no', () => {
    const { sh } = world();
    sh('docker run -d --name web nginx');
    sh('docker exec web apt-get update');
    const out = sh('docker exec web apt-get install jq');
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toMatch(/Need to get 443 kB of archives\.\nAfter this operation, 1339 kB of additional disk space will be used\.\nDo you want to continue\? \[Y\/n\] Abort\.\n$/);
    expect(sh('docker exec web which jq').exitCode).toBe(1);
    expect(sh('docker exec web apt-get install -y curl').stdout).toContain('curl is already the newest version (8.14.1-2).\n0 upgraded, 0 newly installed');
  });

  it('apt warns that its CLI is unstable and prints apt 3\'s summary', () => {
    const { sh } = world();
    sh('docker run -d --name ub ubuntu sleep 1000');
    const update = sh('docker exec ub apt update');
    expect(update.stderr).toBe('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    expect(update.stdout).toMatch(/Reading package lists...\nBuilding dependency tree...\nReading state information...\nAll packages are up to date.\n$/);
    const install = sh('docker exec ub apt install -y tcpdump');
    expect(install.stdout).toContain('Installing:\n  tcpdump\n\nInstalling dependencies:\n  libpcap0.8t64\n\nSummary:\n  Upgrading: 0, Installing: 2, Removing: 0, Not Upgrading: 0\n');
    expect(sh('docker exec ub which tcpdump').stdout).toBe('/usr/bin/tcpdump\n');
  });

  it('fails apt-get update without a network, with apt\'s warnings, and keeps the lists empty', () => {
    const { sh } = world();
    sh('docker network create --internal back');
    sh('docker run -d --name db --network back debian:bookworm sleep 1000');
    const update = sh('docker exec db apt-get update');
    expect(update.exitCode).toBe(0);
    expect(update.stdout).toContain("Err:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving 'deb.debian.org'\n");
    expect(update.stderr).toContain('W: Some index files failed to download. They have been ignored, or old ones used instead.\n');
    expect(sh('docker exec db apt-get install -y curl').stderr).toBe('E: Unable to locate package curl\n');
  });

  it('refuses what it does not model in one honest line', () => {
    const { sh } = world();
    sh('docker run -d --name web nginx');
    expect(sh('docker exec web apt-get frobnicate')).toMatchObject({ stderr: 'E: Invalid operation frobnicate\n', exitCode: 100 });
    expect(sh('docker exec web apt-get --download-only install x').stderr).toBe('vethlab: apt-get --download-only is not modelled here\n');
  });
});

describe('apt formatting helpers', () => {
  it('sizes as SizeToStr prints them', () => {
    expect([sizeToStr(5412), sizeToStr(47_300), sizeToStr(307_000), sizeToStr(9_670_000), sizeToStr(14_200_000)]).toEqual(['5412 ', '47.3 k', '307 k', '9670 k', '14.2 M']);
  });

  it('lays out columns as ShowWithColumns does (filled down, widest item per column)', () => {
    expect(showColumns(['aa', 'b', 'cccc', 'd'], 2, 12)).toBe('  aa  cccc\n  b   d\n');
  });
});

describe('pip in the python images', () => {
  it('installs from (a model of) PyPI with pip\'s lines and its warning about root', () => {
    const { sh } = world();
    sh('docker run -d --name py python sleep 1000');
    const out = sh('docker exec py pip install flask');
    expect(out.exitCode).toBe(0);
    expect(out.stdout.split('\n').slice(0, 4)).toEqual([
      'Collecting flask',
      '  Downloading flask-3.1.1-py3-none-any.whl.metadata (3.0 kB)',
      'Collecting blinker>=1.9.0 (from flask)',
      '  Downloading blinker-1.9.0-py3-none-any.whl.metadata (1.6 kB)',
    ]);
    expect(out.stdout).toContain('Installing collected packages: blinker, click, flask, itsdangerous, jinja2, markupsafe, werkzeug\nSuccessfully installed blinker-1.9.0 click-8.2.1 flask-3.1.1 itsdangerous-2.2.0 jinja2-3.1.6 markupsafe-3.0.2 werkzeug-3.1.3\n');
    expect(out.stderr).toMatch(/^WARNING: Running pip as the 'root' user can result in broken permissions/);
    expect(sh('docker exec py pip install redis').stdout).toContain('Successfully installed redis-6.2.0\n');
    expect(sh('docker exec py pip install redis').stdout).toBe('Requirement already satisfied: redis in /usr/local/lib/python3.14/site-packages (6.2.0)\n');
    expect(sh('docker exec py pip list').stdout).toContain('redis        6.2.0\n');
  });

  it('finds nothing without a network, after pip\'s retries', () => {
    const { sh } = world();
    sh('docker run -d --name py --network none python sleep 1000');
    const out = sh('docker exec py pip install redis');
    expect(out.exitCode).toBe(1);
    expect(out.stderr.split('\n')).toHaveLength(8);
    expect(out.stderr).toContain("Failed to resolve 'pypi.org' ([Errno -3] Temporary failure in name resolution)");
    expect(out.stderr).toMatch(/ERROR: Could not find a version that satisfies the requirement redis \(from versions: none\)\nERROR: No matching distribution found for redis\n$/);
  });
});
