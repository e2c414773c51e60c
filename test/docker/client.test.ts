/**
 * The docker client's answers that the goldens pinned down (test/golden, numbers
 * in the test names): what the user sees on stdout and stderr, and the exit status.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/docker/engine.ts';
import { HOST_NS } from '../../src/sim/docker/world.ts';
import { Kernel } from '../../src/sim/net/index.ts';
import { dockerCommand, type ClientProcess } from '../../src/sim/shell/docker/cli.ts';
import { ok } from '../../src/sim/shell/types.ts';
import { scratchFs } from '../../src/sim/shell/fs.ts';

function client() {
  const engine = new Engine(new Kernel());
  const run = dockerCommand(engine, { tty: false, runProcess: (c, argv) => ok(argv[0] === 'env' ? `${engine.containerEnv(c).join('\n')}\n` : '') });
  const docker = (line: string, proc?: ClientProcess) => run(words(line), proc);
  return { engine, docker };
}

/** Splits like sh, with single quotes. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

const REGISTRY = 'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 192.168.1.1:53: no such host\n';

describe('images, version, info, pull (golden 32, 40)', () => {
  it('lists only the rig’s three images', () => {
    const { docker } = client();
    expect(docker('images busybox')).toMatchObject({ stdout: 'REPOSITORY   TAG       IMAGE ID       CREATED          SIZE\nbusybox      latest    16fd50679aa4   42 minutes ago   4.36MB\n', exitCode: 0 });
    expect(docker('image ls httpd').stdout).toContain('httpd        latest    307b32bd92a9');
    expect(docker("images redis --format '{{.Repository}}:{{.Tag}} {{.ID}}'").stdout).toBe('redis:latest 4d7bd8c60abe\n');
    expect(docker('images -q busybox').stdout).toBe('16fd50679aa4\n');
    expect(docker('images').stdout.split('\n').slice(1, 4).map((l) => l.split(' ')[0])).toEqual(['redis', 'httpd', 'busybox']);
    expect(docker('images alpine').stdout).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
  });

  it('fails to pull: the rig has no registry', () => {
    const { docker } = client();
    expect(docker('pull alpine')).toEqual({ stdout: 'Using default tag: latest\n', stderr: REGISTRY, exitCode: 1 });
    expect(docker('pull busybox:1.36')).toEqual({ stdout: '', stderr: REGISTRY, exitCode: 1 });
  });

  it('says which engine it is', () => {
    const { docker } = client();
    expect(docker("version --format '{{.Server.Version}} {{.Server.APIVersion}} {{.Client.APIVersion}}'").stdout).toBe('28.5.2+dfsg4 1.51 1.50\n');
    const text = docker('version').stdout;
    expect(text).toContain(' Version:           28.2.2\n');
    expect(text).toContain('  API version:      1.51 (minimum version 1.24)\n');
    expect(text).toContain(' r115:\n  Version:          1.1.5+ds1\n');
    expect(docker("version --format '{{.Nope}}'").exitCode).toBe(1);
  });

  it('counts containers by state in docker info', () => {
    const { docker } = client();
    docker('run -itd --name one busybox');
    docker('create --name two busybox');
    docker('run -itd --name three busybox');
    docker('pause three');
    const info = (f: string) => docker(`info --format '${f}'`).stdout;
    expect(info('{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}')).toBe('3 1 1 1 3\n');
    expect(info('{{.ServerVersion}} {{.Driver}} {{.CgroupDriver}} {{.DefaultRuntime}}')).toBe('28.5.2+dfsg4 vfs cgroupfs r115\n');
    expect(info('{{json .Plugins.Network}}')).toBe('["bridge","host","ipvlan","macvlan","null","overlay"]\n');
    expect(info('{{.OSType}} {{.Architecture}} {{.IndexServerAddress}}')).toBe('linux x86_64 https://index.docker.io/v1/\n');
  });
});

describe('docker kill (golden 31)', () => {
  it('ends the container like stop: exit 137, its veth and address gone', () => {
    const { docker, engine } = client();
    docker('run -itd --name cc busybox');
    const veth = [...engine.findContainer('cc')!.endpoints.values()][0]!.hostVeth;
    expect(docker('kill cc')).toEqual({ stdout: 'cc\n', stderr: '', exitCode: 0 });
    expect(docker("ps -a --format '{{.Names}} {{.Status}}'").stdout).toBe('cc Exited (137) Less than a second ago\n');
    expect(engine.kernel.netns(HOST_NS)!.link(veth)).toBeUndefined();
    expect(docker("inspect -f '{{.State.Status}} [{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}]' cc").stdout).toBe('exited []\n');
    const id = engine.findContainer('cc')!.id;
    expect(docker('kill cc')).toEqual({ stdout: '', stderr: `Error response from daemon: container ${id} is not running\n`, exitCode: 1 });
  });
});

describe('--rm', () => {
  it('removes the container once docker stop or docker kill ends it; a restart keeps it', () => {
    const { docker, engine } = client();
    docker('run -dit --rm --name gone1 busybox');
    docker('run -dit --rm --name gone2 busybox');
    docker('run -dit --rm --name kept busybox');
    expect(docker('stop gone1')).toEqual({ stdout: 'gone1\n', stderr: '', exitCode: 0 });
    expect(docker('kill gone2')).toEqual({ stdout: 'gone2\n', stderr: '', exitCode: 0 });
    expect(docker('restart kept').stdout).toBe('kept\n');
    expect(docker("ps -a --format '{{.Names}} {{.State}}'").stdout).toBe('kept running\n');
    expect(engine.findContainer('gone1')).toBeUndefined();
  });
});

describe('docker network ls and prune (golden 14, 41)', () => {
  it('filters by driver and name, and formats rows or a table', () => {
    const { docker } = client();
    docker('network create n1');
    docker('network create --internal n2');
    expect(docker("network ls --filter driver=bridge --format '{{.Name}}'").stdout).toBe('bridge\nn1\nn2\n');
    expect(docker("network ls --filter name=n --format '{{.Name}} {{.Driver}} {{.Scope}}'").stdout).toBe('n1 bridge local\nn2 bridge local\nnone null local\n');
    expect(docker("network ls --format 'table {{.Name}}\\t{{.Driver}}\\t{{.Internal}}'").stdout).toBe(
      'NAME      DRIVER    INTERNAL\nbridge    bridge    false\nhost      host      false\nn1        bridge    false\nn2        bridge    true\nnone      null      false\n',
    );
    expect(docker('network ls --filter colour=red')).toMatchObject({ stderr: "Error response from daemon: invalid filter 'colour'\n", exitCode: 1 });
  });

  it('prunes networks without endpoints, a stopped container’s too', () => {
    const { docker } = client();
    docker('network create n1');
    docker('network create n2');
    docker('network create n3');
    docker('run -itd --name a1 --network n1 busybox');
    docker('run -itd --name b1 --network n2 busybox');
    docker('stop b1');
    expect(docker('network prune -f')).toEqual({ stdout: 'Deleted Networks:\nn2\nn3\n\n', stderr: '', exitCode: 0 });
    expect(docker('network prune -f')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    docker('rm -f a1');
    expect(docker('network prune -f').stdout).toBe('Deleted Networks:\nn1\n\n');
    expect(docker('network prune').stdout).toBe('WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ');
  });
});

describe('docker inspect (golden 13)', () => {
  it('answers a reference of the wrong --type with that type’s error', () => {
    const { docker } = client();
    docker('network create --subnet 10.10.0.0/24 net1');
    expect(docker("inspect --type container -f '{{.Name}}' net1")).toEqual({ stdout: '\n', stderr: 'Error response from daemon: No such container: net1\n', exitCode: 1 });
    expect(docker("inspect --type network -f '{{.Name}}' net1").stdout).toBe('net1\n');
    expect(docker('inspect --type image net1')).toEqual({ stdout: '[]\n', stderr: 'Error response from daemon: No such image: net1:latest\n', exitCode: 1 });
    expect(docker('inspect nosuch')).toEqual({ stdout: '[]\n', stderr: 'Error: No such object: nosuch\n', exitCode: 1 });
    expect(docker('inspect --type bogus x').stderr).toBe('unknown type: "bogus": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n');
    expect(docker("inspect -f '{{.Id}}' busybox").stdout).toMatch(/^sha256:16fd50679aa4/);
  });

  it('runs -f on the typed value: Go field order, omitted zero fields, nil pointers (golden 13, 14, 16, 27)', () => {
    const { docker } = client();
    docker('network create --subnet 10.10.0.0/24 net1');
    docker('network create --subnet 10.2.0.0/16 --ip-range 10.2.5.0/24 n2');
    docker('run -d --name web --hostname webhost httpd');
    docker('network connect net1 web');
    docker('run -itd --name cg --network n2 busybox');
    expect(docker("inspect -f '{{json (index .NetworkSettings.Networks \"net1\")}}' web").stdout).toMatch(/^\{"IPAMConfig":\{\},"Links":null,"Aliases":\[\],"MacAddress":"[0-9a-f:]+","DriverOpts":\{\},"GwPriority":0,"NetworkID":/);
    expect(docker("network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' net1 bridge").stdout).toBe('10.10.0.0/24 \n172.17.0.0/16 172.17.0.1\n');
    expect(docker("network inspect -f '{{json .IPAM.Config}}' n2").stdout).toBe('[{"Subnet":"10.2.0.0/16","IPRange":"10.2.5.0/24"}]\n');
    expect(docker("inspect -f '{{json .NetworkSettings.Networks.n2.IPAMConfig}} {{.HostConfig.Links}}' cg").stdout).toBe('null []\n');
    expect(docker("inspect -f '{{.Nope}}' web")).toEqual({ stdout: '\n', stderr: 'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"\n', exitCode: 1 });
  });

  it('keeps --link aliases of a user network in its endpoint settings (golden 27)', () => {
    const { docker } = client();
    docker('network create usernet');
    docker('run -d --name r1 --network usernet redis');
    docker('run -itd --name c1 --network usernet --link r1:cache busybox');
    expect(docker("inspect -f '{{json .HostConfig.Links}} {{json .NetworkSettings.Networks.usernet.Links}}' c1").stdout).toBe('null ["r1:cache"]\n');
  });
});

describe('docker run details', () => {
  it('drops -e NAME when the client has no NAME, takes it from the client otherwise; reads --env-file (golden 11)', () => {
    const { docker } = client();
    expect(docker('run --rm -e ONE=1 -e TWO busybox env').stdout).toMatch(/^PATH=.*\nHOSTNAME=[0-9a-f]{12}\nONE=1\nHOME=\/root\n$/);
    expect(docker('run --rm -e TWO busybox env', { env: { TWO: '2' } }).stdout).toContain('\nTWO=2\n');
    expect(docker('run --rm --env-file /dev/null busybox env').exitCode).toBe(0);
    expect(docker('run --rm --env-file /nosuch busybox env')).toEqual({ stdout: '', stderr: "docker: open /nosuch: no such file or directory\n\nRun 'docker run --help' for more information\n", exitCode: 125 });
    const fs = scratchFs();
    fs.write('/e', '# c\nA=1\nB\n', false);
    expect(docker('run --rm --env-file /e busybox env', { fs, env: { B: 'b' } }).stdout).toContain('\nA=1\nB=b\n');
  });

  it('fails at start for a command the image lacks: exit 127, the container stays created (golden 10, 40)', () => {
    const { docker } = client();
    const err = 'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH\n\nRun \'docker run --help\' for more information\n';
    expect(docker('run --name badcmd busybox nosuchcmd')).toEqual({ stdout: '', stderr: err, exitCode: 127 });
    expect(docker('run --rm busybox nosuchcmd').exitCode).toBe(127);
    expect(docker("ps -a --format '{{.Names}} {{.State}}'").stdout).toBe('badcmd created\n');
    expect(docker('run -d busybox /usr/local/bin/redis-server').exitCode).toBe(0);
  });

  it('quotes arguments with blanks in the COMMAND column (golden 12)', () => {
    const { docker } = client();
    docker("create --name failed busybox sh -c 'exit 2'");
    expect(docker('ps -a').stdout).toContain(`"sh -c 'exit 2'"`);
  });

  it('warns that host mode discards -p and publishes nothing (golden 20)', () => {
    const { docker } = client();
    const r = docker('run -d --name hweb --network host -p 9999:80 httpd');
    expect(r.stderr).toBe('WARNING: Published ports are discarded when using host network mode\n');
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(docker("ps --format '{{.Names}} {{.Networks}} [{{.Ports}}]'").stdout).toBe('hweb host []\n');
    expect(docker('port hweb').stdout).toBe('');
    expect(docker("inspect -f '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Ports}}' hweb").stdout).toBe('host {}\n');
  });

  it('publishes nothing from an internal network (golden 25)', () => {
    const { docker } = client();
    docker('network create --internal --subnet 10.50.0.0/24 intnet');
    docker('run -d --name iweb --network intnet -p 8080:80 httpd');
    expect(docker('port iweb').stdout).toBe('');
    expect(docker("ps --format '{{.Names}} [{{.Ports}}]'").stdout).toBe('iweb []\n');
  });

  it('checks --ip against the network at create, before printing an ID (golden 41)', () => {
    const { docker } = client();
    docker('network create n1');
    docker('network create --subnet 10.60.0.0/24 fixed');
    const help = "\n\nRun 'docker run --help' for more information\n";
    expect(docker('run -itd --name ipb --ip 172.17.0.50 busybox')).toEqual({
      stdout: '',
      stderr: `docker: Error response from daemon: invalid config for network bridge: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets${help}`,
      exitCode: 125,
    });
    expect(docker('run -itd --name ipn --network n1 --ip 172.18.0.50 busybox').stderr).toBe(
      `docker: Error response from daemon: invalid config for network n1: invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets${help}`,
    );
    expect(docker('run -itd --name f2 --network fixed --ip 10.70.0.5 busybox')).toMatchObject({ stdout: '', exitCode: 125 });
    expect(docker("ps -a --format '{{.Names}}'").stdout).toBe('');
    docker('run -itd --name plain busybox');
    expect(docker('network connect --ip 10.60.0.9 bridge plain').stderr).toBe(
      'Error response from daemon: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets\n',
    );
  });

  it('joins another container’s namespace: its hostname, no --hostname, not a stopped one (golden 06, 19, 42)', () => {
    const { docker, engine } = client();
    docker('run -d --name web httpd');
    docker('run -itd --name j1 --network container:web busybox');
    expect(engine.findContainer('j1')!.hostname).toBe(engine.findContainer('web')!.id.slice(0, 12));
    expect(docker('run -itd --name j3 --network container:web --hostname x1 busybox')).toEqual({
      stdout: '',
      stderr: "docker: Error response from daemon: conflicting options: hostname and the network mode\n\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    });
    docker('create --name stopped busybox');
    const r = docker('run -itd --name j4 --network container:stopped busybox');
    expect(r.stderr).toBe("docker: Error response from daemon: cannot join network namespace of a non running container: container stopped is created\n\nRun 'docker run --help' for more information\n");
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('checks -p on the client before creating anything (golden 42)', () => {
    const { docker } = client();
    const usage = (m: string) => ({ stdout: '', stderr: `docker: ${m}\n\nRun 'docker run --help' for more information\n`, exitCode: 125 });
    expect(docker('run -d --name bad1 -p 99999:80 httpd')).toEqual(usage('invalid hostPort: 99999'));
    expect(docker('run -d --name bad2 -p abc:80 httpd')).toEqual(usage('invalid hostPort: abc'));
    expect(docker('run -d --name bad3 -p 80:abc httpd')).toEqual(usage('invalid containerPort: abc'));
    expect(docker('run -d --name bad5 -p 8090-8091:80-82 httpd')).toEqual(usage('invalid ranges specified for container and host Ports: 80-82 and 8090-8091'));
    expect(docker('run -d --name bad6 -p 80/sctpx httpd')).toEqual(usage('invalid proto: sctpx'));
    expect(docker("ps -a --format '{{.Names}}'").stdout).toBe('');
  });

  it('lists ports per container port, IPv4 then IPv6, and names a missing one as asked (golden 21)', () => {
    const { docker } = client();
    docker('run -d --name p4 -p 9000:80 -p 9001:81 httpd');
    docker('run -d --name p5 -p 6000:6000 -p 5353:53/udp busybox sleep 1000');
    expect(docker('port p4').stdout).toBe('80/tcp -> 0.0.0.0:9000\n80/tcp -> [::]:9000\n81/tcp -> 0.0.0.0:9001\n81/tcp -> [::]:9001\n');
    expect(docker('port p5').stdout).toBe('53/udp -> 0.0.0.0:5353\n53/udp -> [::]:5353\n6000/tcp -> 0.0.0.0:6000\n6000/tcp -> [::]:6000\n');
    expect(docker('port p4 80').stdout).toBe('0.0.0.0:9000\n[::]:9000\n');
    expect(docker('port p4 443')).toEqual({ stdout: '', stderr: "Error: No public port '443' published for p4\n", exitCode: 1 });
    expect(docker('port p4 443/udp').stderr).toBe("Error: No public port '443/udp' published for p4\n");
    expect(docker("ps --format '{{.Names}}\\t{{.Ports}}'").stdout).toBe(
      'p5\t0.0.0.0:6000->6000/tcp, [::]:6000->6000/tcp, 0.0.0.0:5353->53/udp, [::]:5353->53/udp\np4\t0.0.0.0:9000->80/tcp, [::]:9000->80/tcp, 0.0.0.0:9001->81/tcp, [::]:9001->81/tcp\n',
    );
  });
});
