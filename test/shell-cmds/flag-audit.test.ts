/**
 * Every option busybox's own help lists for ping and traceroute is either modelled (a
 * line whose output the option changes, or that the golden fidelity-* transcripts pin)
 * or refused with the tool's error or one `vethlab:` line: never taken and ignored.
 */
import { describe, expect, it } from 'vitest';
import { appletUsage } from '../../src/sim/shell/busybox-help.ts';
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
    '6': () => expect(run('-6 -c 1 c2')).toMatchObject({ stderr: 'vethlab: ping over IPv6 is not modelled yet\n', exitCode: 1 }),
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
    '6': () => expect(run('-6 203.0.113.10').stderr).toBe('vethlab: traceroute -6: IPv6 is not modelled yet\n'),
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
