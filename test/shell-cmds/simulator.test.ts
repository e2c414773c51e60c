import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const run = (sim: Simulator, line: string) => sim.runOnMachine('host', line.split(' '));

describe('the simulated Docker host', () => {
  it('runs docker exec into busybox applets that read the engine’s files and DNS (golden 05, 19)', () => {
    const sim = new Simulator();
    expect(run(sim, 'docker network create usernet').exitCode).toBe(0);
    for (const name of ['bbox1', 'bbox2']) expect(run(sim, `docker run -itd --name ${name} --network usernet --hostname h-${name} busybox`).exitCode).toBe(0);
    expect(run(sim, 'docker exec bbox1 hostname')).toEqual({ stdout: 'h-bbox1\n', stderr: '', exitCode: 0 });
    expect(run(sim, 'docker exec bbox1 cat /etc/hosts').stdout.trimEnd().split('\n').at(-1)).toBe('172.18.0.2\th-bbox1');
    const ping = run(sim, 'docker exec bbox2 ping -c 1 -W 1 bbox1');
    expect(ping.exitCode).toBe(0);
    expect(ping.stdout.split('\n')[0]).toBe('PING bbox1 (172.18.0.2): 56 data bytes');
    // The resolver's A and AAAA questions to the embedded DNS, then the echo itself.
    expect(ping.traces?.map((t) => `${t.probe.kind} ${t.probe.dst}`)).toEqual(['udp-send 127.0.0.11', 'udp-send 127.0.0.11', 'icmp-echo 172.18.0.2']);
  });

  it('answers exec mistakes like the real client (golden 10, 40)', () => {
    const sim = new Simulator();
    run(sim, 'docker run -itd --name shell busybox');
    expect(run(sim, 'docker exec shell nosuchcmd')).toEqual({
      stdout: '',
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH\n',
      exitCode: 127,
    });
    expect(run(sim, 'docker exec -it shell sh')).toEqual({ stdout: '', stderr: 'the input device is not a TTY\n', exitCode: 1 });
    expect(run(sim, 'docker exec nosuchctr echo hi')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such container: nosuchctr\n', exitCode: 1 });
    run(sim, 'docker pause shell');
    expect(run(sim, 'docker exec shell hostname').stderr).toBe('Error response from daemon: Container shell is paused, unpause the container before exec\n');
    run(sim, 'docker unpause shell');
    const id = run(sim, 'docker ps -q').stdout.trim();
    run(sim, 'docker stop shell');
    expect(run(sim, 'docker exec shell hostname').stderr).toMatch(new RegExp(`^Error response from daemon: container ${id}[0-9a-f]{52} is not running\n$`));
  });

  it('shows the host’s own view: sysctl and iptables-save of the docker host', () => {
    const sim = new Simulator();
    expect(run(sim, 'sysctl net.ipv4.ip_forward').stdout).toBe('net.ipv4.ip_forward = 1\n');
    expect(run(sim, 'iptables-save -t nat').stdout).toContain('-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\n');
    expect(sim.runOnMachine('lan', ['iptables-save'])).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(sim, 'nosuch')).toEqual({ stdout: '', stderr: 'sh: 1: nosuch: not found\n', exitCode: 127 });
  });
});

describe('HTTP through published ports and docker-proxy (golden 22)', () => {
  function world() {
    const sim = new Simulator();
    for (const line of ['docker network create other', 'docker run -d --name web -p 8080:80 httpd', 'docker run -d --name local -p 127.0.0.1:8081:80 httpd', 'docker run -itd --name peer busybox', 'docker run -itd --name far --network other busybox']) {
      expect(run(sim, line).exitCode).toBe(0);
    }
    return sim;
  }
  const IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

  it('serves the LAN through DNAT, the host through docker-proxy, and refuses the loopback binding from outside', () => {
    const sim = world();
    const curl = (m: 'host' | 'lan', url: string) => sim.runOnMachine(m, ['curl', '-s', '-m', '3', url]);
    expect(curl('lan', 'http://192.168.1.108:8080')).toMatchObject({ stdout: IT_WORKS, exitCode: 0 });
    expect(curl('lan', 'http://192.168.1.108:8081')).toMatchObject({ stdout: '', stderr: '', exitCode: 7 });
    const viaProxy = curl('host', 'http://127.0.0.1:8081');
    expect(viaProxy).toMatchObject({ stdout: IT_WORKS, exitCode: 0 });
    expect(viaProxy.traces!.map((t) => t.outcome.kind === 'delivered' && t.outcome.process)).toEqual(['docker-proxy', 'httpd']);
    expect(curl('host', 'http://172.17.0.1:8080')).toMatchObject({ stdout: IT_WORKS, exitCode: 0 });
    expect(curl('host', 'http://192.168.1.108:8081')).toMatchObject({ exitCode: 7 });
  });

  it('reaches a published port from another container through the host (hairpin) but not the container’s own IP across networks', () => {
    const sim = world();
    expect(run(sim, 'docker exec far wget -qO- -T 2 http://192.168.1.108:8080')).toMatchObject({ stdout: IT_WORKS, exitCode: 0 });
    expect(run(sim, 'docker exec peer wget -qO- -T 2 http://172.17.0.2')).toMatchObject({ stdout: IT_WORKS, exitCode: 0 });
    expect(run(sim, 'docker exec far wget -qO- -T 2 http://172.17.0.2')).toMatchObject({ stderr: 'wget: download timed out\n', exitCode: 1 });
  });

  it('shows the internet host the masqueraded address (golden 30)', () => {
    const sim = world();
    expect(run(sim, 'docker exec peer wget -qO- -T 2 http://203.0.113.10/cgi-bin/whoami')).toMatchObject({ stdout: 'you are 192.168.1.108\n', exitCode: 0 });
    expect(run(sim, 'docker exec far wget -qO- -T 2 http://example.com/').stdout).toBe('<html><body><h1>Hello from 203.0.113.10 (the internet)</h1></body></html>\n');
  });
});

describe('nslookup and nc (golden 05, 18, 22, 25)', () => {
  it('asks the embedded DNS on user networks and the LAN server on the default bridge', () => {
    const sim = new Simulator();
    for (const line of ['docker network create usernet', 'docker run -itd --name bbox1 --network usernet busybox', 'docker run -itd --name bbox2 --network usernet busybox', 'docker run -itd --name bbox3 busybox', 'docker run -itd --name bbox4 busybox']) run(sim, line);
    expect(run(sim, 'docker exec bbox2 nslookup -type=a bbox1')).toMatchObject({
      stdout: 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tbbox1\nAddress: 172.18.0.2\n\n',
      exitCode: 0,
    });
    expect(run(sim, 'docker exec bbox2 nslookup -type=a example.com').stdout).toBe('Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nName:\texample.com\nAddress: 203.0.113.10\n\n');
    expect(run(sim, 'docker exec bbox4 nslookup -type=a bbox3')).toMatchObject({
      stdout: "Server:\t\t192.168.1.1\nAddress:\t192.168.1.1:53\n\n** server can't find bbox3: NXDOMAIN\n\n",
      exitCode: 1,
    });
  });

  it('answers SERVFAIL for outside names on an internal network', () => {
    const sim = new Simulator();
    run(sim, 'docker network create --internal quiet');
    run(sim, 'docker run -itd --name i1 --network quiet busybox');
    expect(run(sim, 'docker exec i1 nslookup -type=a example.com').stdout).toBe("Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find example.com: SERVFAIL\n\n");
  });

  it('checks ports with nc -zv like OpenBSD netcat', () => {
    const sim = new Simulator();
    for (const line of ['docker network create appnet', 'docker run -d --name web --network appnet httpd', 'docker run -itd --name cc --network appnet busybox', 'docker run -d --name pub -p 8080:80 -p 127.0.0.1:8081:80 httpd']) run(sim, line);
    expect(run(sim, 'docker exec cc nc -zv -w 2 web 80')).toMatchObject({ stderr: 'Connection to web (172.18.0.2) 80 port [tcp/*] succeeded!\n', exitCode: 0 });
    expect(run(sim, 'docker exec cc nc -zv -w 2 web 81')).toMatchObject({ stderr: 'nc: connect to web (172.18.0.2) port 81 (tcp) failed: Connection refused\n', exitCode: 1 });
    expect(sim.runOnMachine('lan', ['nc', '-zv', '-w', '2', '192.168.1.108', '8080'])).toMatchObject({ stderr: 'Connection to 192.168.1.108 8080 port [tcp/http-alt] succeeded!\n', exitCode: 0 });
    expect(sim.runOnMachine('lan', ['nc', '-zv', '-w', '2', '192.168.1.108', '8081'])).toMatchObject({ stderr: 'nc: connect to 192.168.1.108 port 8081 (tcp) failed: Connection refused\n', exitCode: 1 });
  });
});

describe('docker ps filters (golden 12)', () => {
  it('filters by name pattern, status, exit code, network, image, published and exposed port', () => {
    const sim = new Simulator();
    for (const line of ['docker network create appnet', 'docker run -d --name web -p 8080:80 httpd', 'docker run -d --name db --network appnet redis', 'docker run -itd --name shell busybox', 'docker create --name made busybox', 'docker run --name done busybox true']) {
      expect(run(sim, line).exitCode).toBe(0);
    }
    const names = (filter: string) => {
      const ids = run(sim, `docker ps -a -q ${filter}`).stdout.trim().split('\n').filter((l) => l !== '');
      return ids.map((id) => sim.engine.findContainer(id)!.name);
    };
    expect(names('--filter name=^db$')).toEqual(['db']);
    expect(names('--filter name=we')).toEqual(['web']);
    expect(names('--filter status=created')).toEqual(['made']);
    expect(names('--filter exited=0')).toEqual(['done']);
    expect(names('--filter network=appnet')).toEqual(['db']);
    expect(names('--filter ancestor=busybox')).toEqual(['done', 'made', 'shell']);
    expect(names('--filter publish=8080')).toEqual(['web']);
    expect(names('--filter expose=6379')).toEqual(['db']);
    expect(names('--filter status=running --filter name=shell')).toEqual(['shell']);
    expect(run(sim, 'docker ps -n 2 -q').stdout.trim().split('\n').map((id) => sim.engine.findContainer(id)!.name)).toEqual(['done', 'made']);
  });
});

describe('interactive shells on a terminal', () => {
  it('hands `-it` shells to the terminal as sessions, and runs anything else', () => {
    const sim = new Simulator({ tty: true, images: 'playground' });
    const line = (l: string) => sim.runScriptLine(l);
    expect(line('docker run -it --name s1 busybox sh')).toMatchObject({ stdout: '', exitCode: 0, session: { container: 's1', shell: 'sh' } });
    expect(line('docker ps --format {{.Names}}:{{.State}}').stdout).toBe('s1:running\n');
    expect(line('docker exec -it s1 sh').session).toEqual({ container: 's1', shell: 'sh' });
    expect(line('docker exec -it s1 bash')).toMatchObject({ exitCode: 127 });
    expect(line('docker exec -it s1 hostname').session).toBeUndefined();
    line('docker run -itd --name u1 ubuntu');
    expect(line('docker exec -it u1 bash').session).toEqual({ container: 'u1', shell: 'bash' });
    expect(new Simulator().runScriptLine('docker run -it busybox sh')).toMatchObject({ stderr: 'the input device is not a TTY\n', exitCode: 1 });
  });
});

describe('names on the Docker host', () => {
  it('reads /etc/hosts before DNS, and a host-network container takes the host’s name', () => {
    const sim = new Simulator();
    sim.runScriptLine('docker run -d --name web -p 8080:80 httpd');
    expect(sim.runScriptLine('curl -s http://localhost:8080')).toMatchObject({ stdout: '<html><body><h1>It works!</h1></body></html>\n', exitCode: 0 });
    sim.runScriptLine('docker run -itd --name hostc --network host busybox');
    expect(sim.runScriptLine('docker exec hostc hostname').stdout).toBe('dockerhost\n');
  });
});
