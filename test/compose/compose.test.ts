/**
 * `docker compose` on the simulated host, end to end through the shell: files
 * written with printf, projects brought up and down, what the engine holds
 * afterwards (labels, aliases, networks), and what Compose prints. The goldens
 * compose-basic, compose-networks and compose-errors hold the same against the
 * real Compose v2.40.
 */
import { describe, expect, it } from 'vitest';
import { sessionPrompt, shellLineOf } from '../../src/sim/shell/console.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const FILE = 'services:\\n  web:\\n    image: httpd\\n    ports: ["8080:80"]\\n    depends_on: [cache]\\n  cache:\\n    image: redis\\n';

function world(file = FILE, dir = '/srv/demo'): { sim: Simulator; run: (line: string) => { stdout: string; stderr: string; exitCode: number } } {
  const sim = new Simulator();
  const run = (line: string) => {
    const out = sim.runScriptLine(line);
    sim.kernel.advance(1000);
    return out;
  };
  run(`mkdir -p ${dir}`);
  run(`printf '${file}' > ${dir}/compose.yaml`);
  return { sim, run };
}

describe('docker compose', () => {
  it('brings a project up in dependency order and labels what it made', () => {
    const { sim, run } = world();
    const up = run('docker compose -f /srv/demo/compose.yaml up -d');
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toBe('');
    expect(up.stderr.split('\n')).toEqual([
      ' Network demo_default  Creating',
      ' Network demo_default  Created',
      ' Container demo-cache-1  Creating',
      ' Container demo-cache-1  Created',
      ' Container demo-web-1  Creating',
      ' Container demo-web-1  Created',
      ' Container demo-cache-1  Starting',
      ' Container demo-cache-1  Started',
      ' Container demo-web-1  Starting',
      ' Container demo-web-1  Started',
      '',
    ]);
    const web = sim.engine.findContainer('demo-web-1')!;
    expect(web.labels).toMatchObject({
      'com.docker.compose.project': 'demo',
      'com.docker.compose.service': 'web',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.depends_on': 'cache:service_started:false',
      'com.docker.compose.project.working_dir': '/srv/demo',
      'com.docker.compose.project.config_files': '/srv/demo/compose.yaml',
      'com.docker.compose.version': '2.40.3',
    });
    expect(web.labels!['com.docker.compose.config-hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(sim.engine.findNetwork('demo_default')!.labels).toMatchObject({ 'com.docker.compose.network': 'default', 'com.docker.compose.project': 'demo' });
    // Addresses in start order: cache first.
    expect(run('docker inspect -f "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{json .Aliases}}{{end}}" demo-web-1').stdout).toBe('172.18.0.3 ["demo-web-1","web"]\n');
    expect(run('docker compose -f /srv/demo/compose.yaml exec web ping -c 1 cache').stdout).toContain('PING cache (172.18.0.2)');
    expect(run('docker compose -f /srv/demo/compose.yaml port web 80').stdout).toBe('0.0.0.0:8080\n');
    expect(run('lan$ curl -s http://192.168.1.108:8080/').stdout).toContain('It works!');
  });

  it('lists, stops, starts and takes down a project', () => {
    const { sim, run } = world();
    run('docker compose -f /srv/demo/compose.yaml --progress quiet up -d');
    const ps = run('docker compose -f /srv/demo/compose.yaml ps').stdout.split('\n');
    expect(ps[0]).toMatch(/^NAME +IMAGE +COMMAND +SERVICE +CREATED +STATUS +PORTS$/);
    expect(ps[1]).toMatch(/^demo-cache-1 +redis +"redis-server" +cache +\d+ seconds? ago +Up \d+ seconds? +6379\/tcp$/);
    expect(ps[2]).toMatch(/^demo-web-1 .* 0\.0\.0\.0:8080->80\/tcp, \[::\]:8080->80\/tcp$/);
    expect(run('docker compose -f /srv/demo/compose.yaml up -d').stderr).toBe(' Container demo-cache-1  Running\n Container demo-web-1  Running\n');
    expect(run('docker compose -f /srv/demo/compose.yaml stop').stderr).toBe(' Container demo-web-1  Stopping\n Container demo-web-1  Stopped\n Container demo-cache-1  Stopping\n Container demo-cache-1  Stopped\n');
    expect(run('docker compose -f /srv/demo/compose.yaml exec web true')).toMatchObject({ stdout: '', stderr: 'service "web" is not running\n', exitCode: 1 });
    expect(run('docker compose -p demo start').exitCode).toBe(0);
    expect(run('docker compose -f /srv/demo/compose.yaml logs cache').stdout).toBe('cache-1  | Ready to accept connections tcp 6379\ncache-1  | Ready to accept connections tcp 6379\n');
    const down = run('docker compose -f /srv/demo/compose.yaml down');
    expect(down.stderr.split('\n').slice(-3)).toEqual([' Network demo_default  Removing', ' Network demo_default  Removed', '']);
    expect(sim.engine.containers.size).toBe(0);
    expect(sim.engine.findNetwork('demo_default')).toBeUndefined();
    expect(run('docker compose -p demo down').stderr).toMatch(/^time="[^"]+" level=warning msg="Warning: No resource found to remove for project \\"demo\\"\."\n$/);
  });

  it('joins several networks with aliases and a fixed address; DNS answers per network', () => {
    const file =
      'services:\\n  web:\\n    image: httpd\\n    networks:\\n      front:\\n        aliases: [www]\\n      back:\\n        ipv4_address: 10.20.0.50\\n    depends_on: [db]\\n  db:\\n    image: redis\\n    networks: [back]\\n  client:\\n    image: busybox\\n    command: sleep 3600\\n    networks: [front]\\n    depends_on: [web]\\nnetworks:\\n  front:\\n    ipam:\\n      config:\\n        - subnet: 10.10.0.0/24\\n  back:\\n    internal: true\\n    ipam:\\n      config:\\n        - subnet: 10.20.0.0/24\\n';
    const { sim, run } = world(file, '/srv/nets');
    expect(run('docker compose -f /srv/nets/compose.yaml --progress quiet up -d')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(sim.engine.findNetwork('nets_back')!.internal).toBe(true);
    expect(run('docker inspect -f "{{.HostConfig.NetworkMode}}" nets-web-1').stdout).toBe('nets_back\n');
    expect(run('docker inspect -f "{{json .NetworkSettings.Networks.nets_front.DNSNames}}" nets-web-1').stdout).toMatch(/^\["nets-web-1","web","www","[0-9a-f]{12}"\]\n$/);
    expect(run('docker compose -f /srv/nets/compose.yaml exec client ping -c 1 www').stdout).toContain('PING www (10.10.0.2)');
    expect(run('docker compose -f /srv/nets/compose.yaml exec web ping -c 1 db').stdout).toContain('PING db (10.20.0.2)');
    expect(run('docker compose -f /srv/nets/compose.yaml exec client ping -c 1 -W 1 db')).toMatchObject({ stderr: "ping: bad address 'db'\n", exitCode: 1 });
    const cross = run('docker compose -f /srv/nets/compose.yaml exec client ping -c 1 -W 1 10.20.0.50');
    expect(cross.exitCode).toBe(1);
    expect(cross.stdout).toContain('100% packet loss');
  });

  it('reads the default file from the working directory and names the project after it', () => {
    const { run } = world('services:\\n  web:\\n    image: httpd\\n', '/srv/My_Shop');
    expect(run('cd /srv/My_Shop && docker compose --progress quiet up -d').exitCode).toBe(0);
    expect(run('docker ps --format "{{.Names}}"').stdout).toBe('my_shop-web-1\n');
    expect(run('cd /srv && docker compose ps')).toMatchObject({ stdout: '', stderr: 'no configuration file provided: not found\n', exitCode: 1 });
  });

  it('recreates a container whose configuration changed, and announces named volumes once', () => {
    const { sim, run } = world('services:\\n  web:\\n    image: httpd\\n    volumes: [data:/data]\\nvolumes:\\n  data:\\n');
    expect(run('docker compose -f /srv/demo/compose.yaml up -d').stderr).toContain(' Volume demo_data  Creating\n Volume demo_data  Created\n');
    const before = sim.engine.findContainer('demo-web-1')!.id;
    run(`printf 'services:\\n  web:\\n    image: httpd\\n    environment: [X=1]\\n    volumes: [data:/data]\\nvolumes:\\n  data:\\n' > /srv/demo/compose.yaml`);
    const again = run('docker compose -f /srv/demo/compose.yaml up -d');
    expect(again.stderr).toBe(' Container demo-web-1  Recreate\n Container demo-web-1  Recreated\n Container demo-web-1  Starting\n Container demo-web-1  Started\n');
    expect(sim.engine.findContainer('demo-web-1')!.id).not.toBe(before);
    expect(run('docker compose -f /srv/demo/compose.yaml exec web env').stdout).toContain('X=1\n');
    expect(run('docker compose -f /srv/demo/compose.yaml down -v').stderr).toContain(' Volume demo_data  Removing\n Volume demo_data  Removed\n');
  });

  it('stops at the first error: a port already taken leaves the second container created', () => {
    const { run } = world('services:\\n  a:\\n    image: httpd\\n    ports: ["8080:80"]\\n  b:\\n    image: httpd\\n    ports: ["8080:80"]\\n    depends_on: [a]\\n');
    const up = run('docker compose -f /srv/demo/compose.yaml --progress quiet up -d');
    expect(up.exitCode).toBe(1);
    expect(up.stderr).toMatch(/^Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint demo-b-1 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n$/);
    expect(run("docker compose -f /srv/demo/compose.yaml ps -a --format '{{.Name}} {{.State}}'").stdout).toBe('demo-a-1 running\ndemo-b-1 created\n');
  });

  it('opens a shell session on a terminal, like docker exec -it', () => {
    const sim = new Simulator({ tty: true });
    sim.runScriptLine('mkdir -p /srv/t');
    sim.runScriptLine(`printf 'services:\\n  box:\\n    image: busybox\\n    command: sleep 3600\\n' > /srv/t/compose.yaml`);
    sim.runScriptLine('docker compose -f /srv/t/compose.yaml up -d');
    expect(sim.runScriptLine('docker compose -f /srv/t/compose.yaml exec box sh').session).toEqual({ container: 't-box-1', shell: 'sh' });
    expect(sim.runScriptLine('docker compose -f /srv/t/compose.yaml exec -T box hostname').stdout).toMatch(/^[0-9a-f]{12}\n$/);
  });

  it('opens the session with exec -e, -w and -u: the tab’s lines run with them, its prompt in that directory', () => {
    const sim = new Simulator({ tty: true, interactive: true });
    sim.runScriptLine('mkdir -p /srv/t');
    sim.runScriptLine(`printf 'services:\\n  box:\\n    image: busybox\\n    command: sleep 3600\\n' > /srv/t/compose.yaml`);
    sim.runScriptLine('docker compose -f /srv/t/compose.yaml up -d');
    const opened = sim.runScriptLine('docker compose -f /srv/t/compose.yaml exec -e GREETING=hi -w /tmp -u 1234 box sh').session;
    expect(opened).toEqual({ container: 't-box-1', shell: 'sh', exec: { env: ['GREETING=hi'], workdir: '/tmp', user: '1234' } });
    expect(sessionPrompt(sim.engine, opened!)).toBe('/tmp $ ');
    const line = shellLineOf({ ...opened!, main: false, session: 1 }, 'echo $GREETING; pwd; id -u');
    expect(sim.runScriptLine(line).stdout).toBe('hi\n/tmp\n1234\n');
    // A directory the container lacks opens no tab: the exec's own error.
    expect(sim.runScriptLine('docker compose -f /srv/t/compose.yaml exec -w /nowhere box sh').session).toBeUndefined();
  });

  it('says what is not simulated, and that the legacy docker-compose is not installed', () => {
    const { run } = world();
    expect(run('docker compose -f /srv/demo/compose.yaml push')).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^vethlab: docker compose push is not simulated \(up, create, build, run/) });
    expect(run('docker-compose up -d')).toMatchObject({ stdout: '', stderr: 'sh: 1: docker-compose: not found\n', exitCode: 127 });
    expect(run('docker compose version')).toMatchObject({ stdout: 'Docker Compose version 2.40.3-3\n', stderr: '', exitCode: 0 });
  });
});
