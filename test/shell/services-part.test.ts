/**
 * /etc/services is a lazy part of its own (issue 13: bytes before the terminal takes a
 * command); /etc/protocols stays in the simulator. A line loads the services' lists only
 * where iptables may read them: a listing by name (`-L` without `-n`), a port given by
 * name (`--dport ssh`), iptables-restore, and nc. Here a fresh copy of the simulator's
 * modules starts with no part loaded and runs each line as the app's lane does
 * (whenProgramsReady, src/app/state/programs.ts), against the same lines with everything
 * loaded; then every command line recorded from the real iptables 1.8.9
 * (test/netfilter/fixtures) runs with the parts its line names and prints what the real
 * tool printed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { replay } from '../../src/scenario/scenario.ts';
import { partsForLine } from '../../src/sim/shell/lazy/needs.ts';
import type { CommandOutput } from '../../src/sim/shell/types.ts';
import { readCases, shellWords, type Step } from '../netfilter/replay.ts';

const FIXTURES = new URL('../netfilter/fixtures/', import.meta.url);

/** The simulator's modules afresh: no lazy part loaded. */
async function freshModules() {
  vi.resetModules();
  const parts = await import('../../src/sim/shell/lazy/parts.ts');
  const scenario = await import('../../src/scenario/scenario.ts');
  const programs = await import('../../src/app/state/programs.ts');
  expect(parts.LAZY_PARTS.filter((part) => parts.partsLoaded([part]))).toEqual([]);
  return { parts, scenario, programs };
}

/** Each line through the app's lane, in order; what each printed, and whether /etc/services was loaded after it. */
async function runInLane(lines: readonly string[], seed: number): Promise<{ printed: string[]; servicesAfter: boolean[] }> {
  const fresh = await freshModules();
  const sim = fresh.scenario.createSimulator(seed);
  const printed: string[] = [];
  const servicesAfter: boolean[] = [];
  for (const line of lines) {
    // runLine prints a throw (a part reached before it was loaded) as an internal error.
    const out = await fresh.programs.whenProgramsReady([line], () => fresh.scenario.runLine(sim, line));
    printed.push(text(out));
    servicesAfter.push(fresh.parts.partsLoaded(['services']));
  }
  return { printed, servicesAfter };
}

const text = (out: CommandOutput) => `${out.stdout}${out.stderr}[${out.exitCode}]`;

describe('which lines need /etc/services', () => {
  it('none of the lines that set rules by address, list numerically or save, nor docker run', () => {
    for (const line of [
      'iptables -I DOCKER-USER -s 203.0.113.100/32 -j DROP',
      'iptables -nL',
      'iptables -L -n',
      'iptables -t nat -L -n -v --line-numbers',
      'iptables -vnL FORWARD',
      'iptables -L DOCKER-USER --numeric',
      'iptables-save',
      'ip6tables-save -t nat',
      'iptables -S',
      'iptables -S DOCKER-USER -v',
      'iptables -I DOCKER-USER -i eth0 -p tcp --dport 8080 -j DROP',
      'iptables -A INPUT -p tcp -m multiport --dports 22,80:90,1024: -j ACCEPT',
      'iptables -A INPUT --destination 10.0.0.1 -p udp ! --sport 53 -j DROP',
      'docker run -d --name web -p 8080:80 nginx',
      'docker run -dit --name bbox1 busybox',
      'apk add iptables',
    ]) {
      expect(partsForLine(line), line).not.toContain('services');
    }
  });

  it('every line that may print or read a port’s name', () => {
    for (const line of [
      'iptables -L',
      'iptables -vL',
      'iptables -L -v',
      'iptables --list DOCKER',
      'iptables -t nat --list',
      'ip6tables -L INPUT -v',
      'sudo iptables -L DOCKER-USER --line-numbers',
      '/usr/sbin/iptables -L',
      'iptables -nL && iptables -L',
      'iptables -L | grep dpt',
      // -L takes the rest of its cluster as a chain's name: `-Ln` lists a chain "n", by name.
      'iptables -Ln',
      // -t takes the next word: a table named "-n", not -n.
      'iptables -L -t -n',
      // One quoted word may hold more than one option.
      "iptables -L '-n'",
      'iptables -A INPUT -p tcp --dport ssh -j ACCEPT',
      'iptables -A INPUT -p tcp --dport=http -j ACCEPT',
      'iptables -A INPUT -p tcp ! --dport ssh -j DROP',
      'iptables -A INPUT -p tcp --dport ! ssh -j DROP',
      'iptables -A INPUT -p udp --source-port domain -j ACCEPT',
      'iptables -A INPUT -p tcp --sport 1024:http -j ACCEPT',
      'iptables -A INPUT -p tcp -m multiport --dports ssh,http -j ACCEPT',
      'iptables -A INPUT -p tcp -m multiport --ports 22,https -j ACCEPT',
      // A list where tcp takes one port: the name lookup of "22,80" says it is no port.
      'iptables -A INPUT -p tcp --dport 22,80 -j ACCEPT',
      // An abbreviation getopt_long may take for a port option.
      'iptables -A INPUT -p tcp --dp www -j ACCEPT',
      'iptables -A INPUT -p tcp --dport "" -j ACCEPT',
      'iptables-restore < rules.v4',
      'iptables-save | ip6tables-restore',
      'docker exec c nc -v web 80',
    ]) {
      expect(partsForLine(line), line).toContain('services');
    }
  });
});

describe('the app’s lane loads /etc/services for the lines that read it', () => {
  it('a world built, its rules set by address and listed numerically without it; then `iptables -L` prints ports by name', async () => {
    const lines = [
      'docker run -d --name web -p 8080:80 nginx',
      'iptables -I DOCKER-USER -s 203.0.113.100/32 -j DROP',
      'iptables -nL',
      'iptables -L -n',
      'iptables-save',
      'iptables -S',
      'iptables -L DOCKER',
      'iptables -L DOCKER-USER -v',
    ];
    const { printed, servicesAfter } = await runInLane(lines, 3);
    expect(printed).toEqual(replay(lines, 3).outputs.map(text));
    expect(servicesAfter).toEqual([false, false, false, false, false, false, true, true]);
    expect(printed[5]).toContain('-A DOCKER-USER -s 203.0.113.100/32 -j DROP\n');
    expect(printed[3]).toContain('tcp dpt:80\n');
    // Docker's rule for the published port, by the port's name.
    expect(printed[6]).toMatch(/^ACCEPT +tcp +-- +anywhere +172\.17\.0\.2 +tcp dpt:http$/m);
  });

  it('a port given by name: `--dport ssh` is port 22', async () => {
    const lines = ['iptables -I DOCKER-USER -p tcp --dport ssh -j DROP', 'iptables -S DOCKER-USER', 'iptables -A DOCKER-USER -p tcp -m multiport --dports http,https -j ACCEPT', 'iptables -S DOCKER-USER', 'iptables -A DOCKER-USER -p tcp --dport nosuchservice -j DROP'];
    const { printed, servicesAfter } = await runInLane(lines, 1);
    expect(printed).toEqual(replay(lines, 1).outputs.map(text));
    expect(servicesAfter[0]).toBe(true);
    expect(printed[1]).toContain('-A DOCKER-USER -p tcp -m tcp --dport 22 -j DROP\n');
    expect(printed[3]).toContain('-A DOCKER-USER -p tcp -m multiport --dports 80,443 -j ACCEPT\n');
    expect(printed[4]).toBe("iptables v1.8.9 (nf_tables): invalid port/service `nosuchservice' specified\nTry `iptables -h' or 'iptables --help' for more information.\n[2]");
  });
});

describe('the real iptables’ recorded lines, each with only the parts its line names', () => {
  const names = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.cmds'))
    .map((f) => f.slice(0, -'.cmds'.length))
    .sort();

  it('print what the real tool printed, /etc/services loaded from the first line that names it on', async () => {
    expect(names.length).toBeGreaterThan(5);
    let lazyLines = 0;
    for (const name of names) {
      vi.resetModules();
      const { replay: replayFixture } = await import('../netfilter/replay.ts');
      const { provideServices } = await import('../../src/sim/netfilter/services.ts');
      const { TCP_SERVICES, UDP_SERVICES } = await import('../../src/sim/netfilter/service-tables.ts');
      const expected = readFileSync(new URL(`${name}.txt`, FIXTURES), 'utf8');
      const steps = readCases(readFileSync(new URL(`${name}.cmds`, FIXTURES), 'utf8'));
      // As the services part's loader does (parts.ts), at the first line whose text names it.
      const provide = (step: Step) => {
        if (partsForLine(step.line).includes('services')) provideServices({ tcp: TCP_SERVICES, udp: UDP_SERVICES });
        else lazyLines++;
      };
      expect(replayFixture(steps, expected, provide), name).toBe(expected);
    }
    expect(lazyLines).toBeGreaterThan(100);
  });

  it('a line that names no port nor lists by name runs without /etc/services in a world whose rules have ports in every table', async () => {
    vi.resetModules();
    const { Netfilter } = await import('../../src/sim/netfilter/netfilter.ts');
    const { LAZY_PARTS, partsLoaded } = await import('../../src/sim/shell/lazy/parts.ts');
    expect(LAZY_PARTS.filter((part) => partsLoaded([part]))).toEqual([]);
    const withPorts = () => {
      const nf = new Netfilter();
      for (const family of [4, 6] as const) {
        for (const [table, chain] of [['filter', 'INPUT'], ['nat', 'PREROUTING'], ['mangle', 'PREROUTING'], ['raw', 'PREROUTING']]) {
          for (const rule of [['-p', 'tcp', '--dport', '80'], ['-p', 'udp', '--sport', '53:54'], ['-p', 'tcp', '-m', 'multiport', '--dports', '22,443']]) {
            expect(nf.iptables(['-t', table!, '-A', chain!, ...rule, '-j', 'ACCEPT'], family).exitCode).toBe(0);
          }
        }
      }
      return nf;
    };
    const offline: string[] = [];
    for (const name of names) {
      for (const step of readCases(readFileSync(new URL(`${name}.cmds`, FIXTURES), 'utf8'))) {
        if (partsForLine(step.line).includes('services')) continue;
        const [program, ...argv] = shellWords(step.line);
        const nf = withPorts();
        try {
          const out = program === 'iptables-save' || program === 'ip6tables-save' ? nf.save(argv, program === 'iptables-save' ? 4 : 6, 0) : nf.iptables(argv, program === 'ip6tables' ? 6 : 4);
          expect(out.stderr, step.line).not.toContain('before it was loaded');
        } catch (e) {
          offline.push(`${step.line}: ${(e as Error).message}`);
        }
      }
    }
    expect(offline).toEqual([]);
  });
});
