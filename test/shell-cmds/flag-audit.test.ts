/**
 * Every option busybox's own help lists for ping, traceroute, ls and nc, every option
 * curl 7.88's --help all lists, and OpenBSD netcat's getopt letters are either modelled
 * (a line whose output the option changes, or that the golden fidelity-* transcripts pin)
 * or refused with the tool's error or one `vethlab:` line: never taken and ignored.
 */
import { describe, expect, it } from 'vitest';
import { appletUsage } from '../../src/sim/shell/busybox-help.ts';
import { CURL_SWITCHES, CURL_VALUED } from '../../src/sim/shell/curl-options.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

/** The option letters a busybox usage text lists (`\t-c CNT`, `\t-4,-6`). */
function listedOptions(usage: string): string[] {
  return [...usage.matchAll(/^\t(-\w(?:,-\w)*)/gm)].flatMap((m) => m[1]!.split(',').map((o) => o.slice(1)));
}

function world() {
  const sim = new Simulator();
  for (const line of ['docker network create appnet', 'docker run -itd --name c1 --network appnet busybox', 'docker run -itd --name c2 --network appnet busybox']) sim.runScriptLine(line);
  return sim;
}

describe('ping: every option of its help', () => {
  const sim = world();
  const run = (args: string) => sim.runScriptLine(`docker exec c1 ping ${args}`);
  const plain = run('-c 1 c2').stdout;
  /** What each option does to a ping of c2 (fidelity-ping-flags pins the text of most against the rig). */
  const effect: Record<string, () => void> = {
    '4': () => expect(run('-4 -c 1 c2').stdout).toBe(plain),
    // c2 is on an IPv4-only network: no AAAA record, so busybox finds no IPv6 address for it.
    '6': () => expect(run('-6 -c 1 c2')).toMatchObject({ stderr: "ping: bad address 'c2'\n", exitCode: 1 }),
    c: () => expect(run('-c 2 c2').stdout).toContain('2 packets transmitted'),
    s: () => expect(run('-c 1 -s 100 c2').stdout).toContain('108 bytes from 172.18.0.3'),
    i: () => expect(run('-c 1 -i x c2').stderr).toBe("ping: invalid number 'x'\n"),
    A: () => expect(run('-A -c 1 c2').stdout).toBe(plain),
    t: () => expect(run('-c 1 -t 1 203.0.113.10').stdout).toContain('0 packets received'),
    I: () => {
      expect(run('-c 1 -I 172.18.0.2 c2').stdout).toContain('from 172.18.0.2:');
      expect(run('-c 1 -I 10.1.1.1 c2')).toMatchObject({ stderr: 'ping: bind: Cannot assign requested address\n', exitCode: 1 });
      expect(run('-c 1 -I lo c2').stderr).toMatch(/^vethlab: ping -I lo: /);
    },
    W: () => expect(run('-c 1 -W x c2').stderr).toBe("ping: invalid number 'x'\n"),
    w: () => {
      expect(run('-c 3 -w 1 c2')).toMatchObject({ stdout: expect.stringContaining('1 packets transmitted'), exitCode: 1 });
      // Without -c: as many as the deadline lets through, and success when any came back.
      expect(run('-w 2 c2')).toMatchObject({ stdout: expect.stringContaining('2 packets transmitted, 2 packets received'), exitCode: 0 });
    },
    q: () => expect(run('-q -c 1 c2').stdout).not.toContain('bytes from'),
    p: () => {
      expect(run('-c 1 -p ff c2').stdout).toBe(plain);
      expect(run('-c 1 -p 1ff c2').stderr).toBe('ping: number 1ff is not in 0..255 range\n');
    },
  };

  it('lists the options the table covers', () => {
    expect(listedOptions(appletUsage('ping')).sort()).toEqual(Object.keys(effect).sort());
  });
  for (const [option, check] of Object.entries(effect)) it(`-${option}`, check);
  it('-s 0 leaves no room for a time', () => {
    expect(run('-c 1 -s 0 c2').stdout).toBe('PING c2 (172.18.0.3): 0 data bytes\n8 bytes from 172.18.0.3: seq=0 ttl=64\n\n--- c2 ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\n');
  });
});

describe('traceroute: every option of its help', () => {
  const sim = world();
  // Time between runs: the routers' ICMP rate limit (a burst of 6 per peer, then 1 a second) holds back answers to runs back to back.
  const run = (args: string) => {
    sim.runScriptLine('sleep 6');
    return sim.runScriptLine(`docker exec c1 traceroute ${args}`);
  };
  const usage = run('').stdout + run('').stderr;
  const refused = (option: string) => expect(run(`-${option} 203.0.113.10`).stderr).toMatch(new RegExp(`^vethlab: traceroute -${option} is not modelled`));
  const effect: Record<string, () => void> = {
    '4': () => expect(run('-4 -n -q 1 203.0.113.10').stdout).toContain(' 2  203.0.113.10'),
    // -6 asks for IPv6 only: an IPv4 literal is a bad address (golden ipv6-traceroute covers -6 itself).
    '6': () => expect(run('-6 203.0.113.10').stderr).toBe("traceroute: bad address '203.0.113.10'\n"),
    F: () => expect(run('-F -n -q 1 203.0.113.10').stdout).toContain(' 2  203.0.113.10'),
    l: () => refused('l'),
    n: () => expect(run('-n -q 1 203.0.113.10').stdout).toContain(' 1  172.18.0.1  '),
    r: () => refused('r'),
    v: () => refused('v'),
    f: () => expect(run('-n -f 2 203.0.113.10').stdout).not.toContain(' 1  '),
    m: () => expect(run('-n -m 0 203.0.113.10').stderr).toBe('traceroute: number 0 is not in 1..255 range\n'),
    q: () => expect(run('-n -q 11 203.0.113.10').stderr).toBe('traceroute: number 11 is not in 1..10 range\n'),
    p: () => expect(run('-n -p x 203.0.113.10').stderr).toBe("traceroute: invalid number 'x'\n"),
    s: () => expect(run('-s 172.18.0.2 203.0.113.10').stderr).toMatch(/^vethlab: traceroute -s is not modelled/),
    i: () => expect(run('-i eth0 203.0.113.10').stderr).toMatch(/^vethlab: traceroute -i is not modelled/),
    t: () => expect(run('-n -t 300 203.0.113.10').stderr).toBe('traceroute: number 300 is not in 0..255 range\n'),
    w: () => expect(run('-n -w 0 203.0.113.10').stderr).toBe('traceroute: number 0 is not in 1..86400 range\n'),
    z: () => expect(run('-n -q 1 -z 10 203.0.113.10').stdout).toContain(' 2  203.0.113.10'),
  };

  it('lists the options the table covers', () => {
    expect(listedOptions(usage).sort()).toEqual(Object.keys(effect).sort());
  });
  for (const [option, check] of Object.entries(effect)) it(`-${option}`, check);
  it('-I sends echo requests: a rule dropping UDP leaves them through', () => {
    sim.runScriptLine('iptables -I DOCKER-USER -p udp -d 203.0.113.10 -j DROP');
    expect(run('-n -q 1 -w 1 -m 2 203.0.113.10').stdout).toContain(' 2  *');
    expect(run('-n -q 1 -I 203.0.113.10').stdout).toContain(' 2  203.0.113.10');
    sim.runScriptLine('iptables -F DOCKER-USER');
  });
  it('refuses packet sizes it does not model, and counts a size it does', () => {
    expect(run('-n 203.0.113.10 20').stderr).toMatch(/^vethlab: traceroute packets of 20 bytes/);
    expect(run('-n 203.0.113.10 100').stdout).toContain('100 byte packets');
  });
});

describe('wget: options not modelled are refused, not ignored', () => {
  const sim = world();
  sim.runScriptLine('docker run -d --name web --network appnet httpd');
  it('refuses --spider and -S instead of downloading and saving', () => {
    for (const option of ['--spider', '-S', '-c', '--header=X:1']) {
      expect(sim.runScriptLine(`docker exec c1 wget ${option} http://web/`)).toMatchObject({ stdout: '', exitCode: 1, stderr: expect.stringMatching(/^vethlab: wget (--spider|-S|-c|--header) is not modelled yet/) });
    }
    expect(sim.runScriptLine('docker exec c1 ls').stdout).not.toContain('index.html');
  });
  it('still takes -q, -O and -T in every spelling the goldens use', () => {
    expect(sim.runScriptLine('docker exec c1 wget -qO- -T 2 http://web/').stdout).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(sim.runScriptLine('docker exec c1 wget -q -O - http://web/').exitCode).toBe(0);
  });
});

describe("curl: every option of curl 7.88's own --help all", () => {
  const sim = new Simulator();
  sim.runScriptLine('docker run -d --name web -p 8080:80 httpd');
  const run = (args: string) => sim.runScriptLine(`curl ${args}`);
  const page = '<html><body><h1>It works!</h1></body></html>\n';
  const url = 'http://127.0.0.1:8080/';
  const same = (args: string) => expect(run(`${args} ${url}`)).toMatchObject({ stdout: page, stderr: '', exitCode: 0 });
  const posted = (args: string) => expect(run(`-s ${args} ${url}`).stdout).toContain('501 Not Implemented');
  /** What each option the model acts on does (golden fidelity-curl-flags pins the texts against the rig). */
  const effect: Record<string, () => void> = {
    silent: () => expect(run('-s http://127.0.0.1:8081/')).toMatchObject({ stderr: '', exitCode: 7 }),
    'show-error': () => expect(run('-sS http://127.0.0.1:8081/').stderr).toMatch(/^curl: \(7\) Failed to connect/),
    fail: () => expect(run(`-sf ${url}nope`)).toMatchObject({ stdout: '', exitCode: 22 }),
    include: () => expect(run(`-si ${url}`).stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\n<html>/),
    head: () => expect(run(`-sI ${url}`).stdout).not.toContain('<html>'),
    verbose: () => expect(run(`-sv ${url}`).stderr).toContain('> GET / HTTP/1.1\r\n'),
    output: () => {
      run(`-s -o /tmp/audit.html ${url}`);
      expect(sim.runScriptLine('cat /tmp/audit.html').stdout).toBe(page);
    },
    'remote-name': () => {
      run(`-sO ${url}index.html`);
      expect(sim.runScriptLine('cat index.html').stdout).toBe(page);
      expect(run(`-sSO ${url}`)).toMatchObject({ stderr: 'curl: (23) Failed writing received data to disk/application\n', exitCode: 23 });
    },
    location: () => {
      const playground = new Simulator({ images: 'playground' });
      // Published on the host's 80: nginx's Location names the Host without a port (nginx-redirect.test.ts), and -L follows it there.
      for (const line of ['docker run -d --name ng -p 80:80 nginx', 'docker exec ng mkdir -p /usr/share/nginx/html/sub']) playground.runScriptLine(line);
      const code = (flags: string) => playground.runScriptLine(`curl ${flags} -o /dev/null -w '%{http_code}' http://127.0.0.1/sub`).stdout;
      expect([code('-s'), code('-sL')]).toEqual(['301', '403']);
    },
    'max-time': () => expect(run('-sS -m 1 http://192.168.1.99/')).toMatchObject({ stderr: expect.stringMatching(/^curl: \(28\) Connection timed out after/), exitCode: 28 }),
    'connect-timeout': () => expect(run('-sS --connect-timeout 1 http://192.168.1.99/').stderr).toMatch(/port 80 after \d+ ms: Timeout was reached/),
    'write-out': () => expect(run(`-s -o /dev/null -w '%{http_code}' ${url}nope`).stdout).toBe('404'),
    header: () => expect(run(`-sv -H 'X-Test: 1' ${url}`).stderr).toContain('> X-Test: 1\r\n'),
    request: () => posted('-X POST'),
    data: () => posted('-d a=1'),
    'data-raw': () => posted('--data-raw a=1'),
    'data-binary': () => posted('--data-binary @/etc/hostname'),
    'data-ascii': () => posted('--data-ascii a=1'),
    user: () => expect(run(`-sv -u a:b ${url}`).stderr).toContain('> Authorization: Basic YTpi\r\n'),
    'user-agent': () => expect(run(`-sv -A tester ${url}`).stderr).toContain('> User-Agent: tester\r\n'),
    resolve: () => expect(run('-s --resolve web.test:8080:127.0.0.1 http://web.test:8080/').stdout).toBe(page),
    ipv4: () => same('-s -4'),
    ipv6: () => {
      expect(run(`-sS -6 ${url}`)).toMatchObject({ stderr: "curl: (7) Couldn't connect to server\n", exitCode: 7 });
      expect(run('-s -6 http://localhost:8080/').stderr).toMatch(/^vethlab: curl -6 to a name/);
    },
    url: () => expect(run(`-s --url ${url}`).stdout).toBe(page),
    version: () => expect(run('--version').stdout).toMatch(/^curl 7\.88\.1 \(x86_64-pc-linux-gnu\)/),
    // Nothing to see on these servers: no TLS, no .curlrc, no globbing braces, no buffering, HTTP/1.1 already.
    insecure: () => same('-s -k'),
    disable: () => same('-q -s'),
    globoff: () => same('-s -g'),
    'no-buffer': () => same('-s -N'),
    'http1.1': () => same('-s --http1.1'),
  };
  const all = [...CURL_VALUED, ...CURL_SWITCHES];

  it('acts on the options the table covers, all of them curl options', () => {
    expect(Object.keys(effect).filter((long) => !all.some((o) => o.long === long))).toEqual([]);
    expect(all.length).toBe(250);
  });
  for (const [option, check] of Object.entries(effect)) it(`--${option}`, check);
  it('refuses every other option in one vethlab line', () => {
    const valued = new Set(CURL_VALUED.map((o) => o.long));
    const wrong = all
      .filter((o) => !(o.long in effect))
      .filter((o) => {
        const r = run(`--${o.long}${valued.has(o.long) && o.long !== 'help' ? ' x' : ''} ${url}`);
        return r.stderr !== `vethlab: curl --${o.long} is not modelled\n` || r.exitCode !== 2 || r.stdout !== '';
      });
    expect(wrong.map((o) => o.long)).toEqual([]);
  });
  it("answers an option it does not know with curl's texts", () => {
    const tryLine = "curl: try 'curl --help' or 'curl --manual' for more information\n";
    expect(run(`--foo ${url}`)).toMatchObject({ stderr: `curl: option --foo: is unknown\n${tryLine}`, exitCode: 2 });
    expect(run(`-sZ9 ${url}`).stderr).toBe(`curl: option -sZ9: is unknown\n${tryLine}`);
    expect(run(`--max-time=2 ${url}`).stderr).toBe(`curl: option --max-time=2: is unknown\n${tryLine}`);
    expect(run('-o').stderr).toBe(`curl: option -o: requires parameter\n${tryLine}`);
  });
});

describe('ls: every option of busybox ls --help', () => {
  const sim = world();
  sim.runScriptLine("docker exec c1 sh -c 'mkdir /tmp/d; echo hello > /tmp/a; echo hi > /tmp/b; touch /tmp/.hidden'");
  const run = (args: string) => sim.runScriptLine(`docker exec c1 ls ${args}`);
  const plain = run('/tmp').stdout;
  const refused = (letter: string) => expect(run(`-${letter} /tmp`)).toMatchObject({ stdout: '', exitCode: 1, stderr: expect.stringMatching(new RegExp(`^vethlab: ls -${letter} is not modelled`)) });
  const effect: Record<string, () => void> = {
    '1': () => expect(run('-1 /tmp').stdout).toBe(plain),
    a: () => expect(run('-a /tmp').stdout).toBe(`.\n..\n.hidden\n${plain}`),
    A: () => expect(run('-A /tmp').stdout).toBe(`.hidden\n${plain}`),
    d: () => expect(run('-d /tmp').stdout).toBe('/tmp\n'),
    p: () => expect(run('-p /tmp').stdout).toBe('a\nb\nd/\n'),
    F: () => expect(run('-F /tmp').stdout).toBe('a\nb\nd/\n'),
    l: () => expect(run('-l /tmp').stdout).toMatch(/^total \d+\n-rw-r--r-- {4}1 root {5}root {13}6 /),
    n: () => expect(run('-ln /tmp/a').stdout).toMatch(/^-rw-r--r-- {4}1 0 {8}0 {16}6 /),
    h: () => expect(run('-lh /tmp').stdout).toMatch(/^total 12K {4}\n[^]* 4\.0K [^]* d\n$/),
    r: () => expect(run('-r /tmp').stdout).toBe('d\nb\na\n'),
    S: () => expect(run('-S /tmp').stdout).toBe('d\na\nb\n'),
    t: () => {
      sim.runScriptLine('docker exec c1 touch /tmp/a');
      expect(run('-t /tmp').stdout.split('\n')[0]).toBe('a');
    },
    w: () => expect(run('-w 40 /tmp').stdout).toBe(plain),
    x: () => refused('x'),
    L: () => refused('L'),
    H: () => refused('H'),
    R: () => refused('R'),
    i: () => refused('i'),
    s: () => refused('s'),
    X: () => refused('X'),
    v: () => refused('v'),
    c: () => refused('c'),
    u: () => refused('u'),
  };
  it('lists the options the table covers', () => {
    const letters = [...appletUsage('ls').matchAll(/^\t-(\w+)/gm)].flatMap((m) => [...m[1]!]);
    expect([...new Set(letters)].sort()).toEqual(Object.keys(effect).sort());
  });
  for (const [option, check] of Object.entries(effect)) it(`-${option}`, check);
  it('refuses the letters its getopt takes beyond the help (-C -g -k -Q)', () => {
    for (const letter of ['C', 'g', 'k', 'Q']) refused(letter);
    expect(run('-y /tmp')).toMatchObject({ stdout: '', exitCode: 1, stderr: expect.stringMatching(/^ls: invalid option -- 'y'\nBusyBox v1\.35\.0/) });
  });
});

describe('nc: every option of both netcats', () => {
  const sim = world();
  sim.runScriptLine('docker run -d --name web --network appnet httpd');
  const run = (args: string) => sim.runScriptLine(`docker exec c1 nc ${args}`);
  const refused = (args: string, letter: string) => expect(run(args)).toMatchObject({ stdout: '', exitCode: 1, stderr: `vethlab: nc -${letter} is not modelled\n` });
  const reached = (args: string) => expect(run(`${args} web 80`)).toMatchObject({ stderr: 'Connection to web (172.18.0.4) 80 port [tcp/*] succeeded!\n', exitCode: 0 });
  const valueOf: Record<string, string> = { I: '1024', i: '1', M: '5', m: '5', O: '1024', P: 'user', p: '5000', q: '1', s: '172.18.0.2', T: 'lowdelay', V: '1', W: '1', w: '2', X: '5', x: '10.0.0.1:3128' };
  /** OpenBSD netcat (/usr/bin/nc in the rig's images; golden fidelity-nc-flags pins its texts). */
  const openbsd: Record<string, () => void> = {
    '4': () => reached('-4 -zv'),
    '6': () => expect(run('-6 -zv web 80').stderr).toMatch(/^vethlab: nc -6 \(connecting over IPv6\)/),
    d: () => reached('-d -zv'),
    D: () => reached('-D -zv'),
    k: () => {
      sim.runScriptLine('docker exec -d c2 nc -lk 9100');
      for (let i = 0; i < 2; i++) expect(sim.runScriptLine('docker exec c1 nc -zv c2 9100').exitCode).toBe(0);
    },
    l: () => {
      sim.runScriptLine('docker exec -d c2 nc -l -p 9101');
      expect(sim.runScriptLine('docker exec c1 nc -zv c2 9101').exitCode).toBe(0);
      expect(sim.runScriptLine('docker exec c1 nc -zv c2 9101').exitCode).toBe(1);
    },
    N: () => reached('-N -zv'),
    n: () => expect(run('-zvn web 80').stderr).toBe('nc: getaddrinfo for host "web" port 80: Name or service not known\n'),
    u: () => expect(run('-zvu web 53')).toMatchObject({ stderr: '', exitCode: 1 }),
    v: () => expect(run('-z web 80')).toMatchObject({ stderr: '', exitCode: 0 }),
    z: () => reached('-zv'),
    I: () => reached('-I 1024 -zv'),
    i: () => reached('-i 1 -zv'),
    O: () => reached('-O 1024 -zv'),
    q: () => reached('-q 1 -zv'),
    p: () => expect(run('-p 5000 -zv web 80').stderr).toMatch(/^vethlab: nc -p \(the source port/),
    w: () => expect(run('-zv -w 1 192.168.1.99 80').stderr).toBe('nc: connect to 192.168.1.99 port 80 (tcp) timed out: Operation now in progress\n'),
  };
  for (const letter of ['b', 'C', 'F', 'h', 'r', 'S', 't', 'U', 'Z', 'M', 'm', 'P', 's', 'T', 'V', 'W', 'X', 'x']) openbsd[letter] = () => refused(`-${letter}${valueOf[letter] ? ` ${valueOf[letter]}` : ''} -zv web 80`, letter);

  it('lists the options the table covers', () => {
    const usage = run('').stderr;
    const letters = [...usage.matchAll(/\[-(\w+)/g)].flatMap((m) => (m[1]!.length > 1 && /^[a-zA-Z0-9]+$/.test(m[1]!) && !usage.includes(`[-${m[1]} `) ? [...m[1]!] : [m[1]![0]!]));
    expect([...new Set(letters)].sort()).toEqual(Object.keys(openbsd).filter((l) => l !== 'b').sort());
  });
  for (const [option, check] of Object.entries(openbsd)) it(`-${option}`, check);

  it("busybox nc's -l -p -w -i act, -f and -e are refused, its getopt refuses the rest", () => {
    const bb = (args: string) => sim.runScriptLine(`docker exec c1 busybox nc ${args}`);
    const usage = bb('').stderr;
    expect([...usage.matchAll(/^\t-(\w)/gm)].map((m) => m[1]).sort()).toEqual(['e', 'f', 'i', 'l', 'p', 'w']);
    sim.runScriptLine('docker exec -d c2 busybox nc -l -p 9102');
    expect(sim.runScriptLine('docker exec c1 nc -zv c2 9102').exitCode).toBe(0);
    expect(bb('-w 1 192.168.1.99 80').stderr).toBe('nc: timed out\n');
    expect(bb('-i 1 web 81').stderr).toBe("nc: can't connect to remote host (172.18.0.4): Connection refused\n");
    expect(bb('-f /dev/ttyS0').stderr).toMatch(/^vethlab: busybox nc -f /);
    expect(bb('-e /bin/sh web 80').stderr).toMatch(/^vethlab: busybox nc -e /);
    expect(bb('-z web 80').stderr).toMatch(/^nc: invalid option -- 'z'\nBusyBox v1\.35\.0/);
  });
});
