/**
 * A name several containers share (`--network-alias search` on three of them):
 * Docker's embedded DNS answers with all their addresses, shuffled on every
 * query (moby libnetwork/resolver.go, shuffleAddr), and every client agrees
 * with that answer. busybox nslookup is checked against golden dns-shared-alias;
 * dig, host (BIND 9.20) and getent (glibc) are not on the rig: their layout
 * follows bind9's bin/dig and glibc's nss/getent.c (print_hosts prints each
 * address of h_addr_list on its own line).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const BACKENDS = ['172.18.0.2', '172.18.0.3', '172.18.0.4'];

function world() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create app');
  for (const n of [1, 2, 3]) sh(`docker run -d --name search${n} --network app --network-alias search busybox httpd -f -p 80 -h /etc`);
  sh('docker run -itd --name client --network app busybox');
  return sh;
}

const sorted = (text: string) => text.split('\n').sort().join('\n');

describe('a shared network alias', () => {
  it('nslookup prints every address of the answer (golden dns-shared-alias, sorted there)', () => {
    const sh = world();
    const out = sh('docker exec client nslookup -type=a search');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^Server:\t\t127\.0\.0\.11\nAddress:\t127\.0\.0\.11:53\n\nNon-authoritative answer:\n(Name:\tsearch\nAddress: 172\.18\.0\.[234]\n){3}\n$/);
    expect(sorted(out.stdout)).toBe(sorted('Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\n' + BACKENDS.map((a) => `Name:\tsearch\nAddress: ${a}\n`).join('') + '\n'));
  });

  it('shuffles the addresses on every query, for round robin', () => {
    const sh = world();
    const firsts = new Set<string>();
    for (let i = 0; i < 12; i++) firsts.add(/Address: (\S+)/.exec(sh('docker exec client nslookup -type=a search').stdout)![1]!);
    expect([...firsts].every((a) => BACKENDS.includes(a))).toBe(true);
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('a stopped replica leaves the answer', () => {
    const sh = world();
    sh('docker stop search3');
    const out = sh('docker exec client nslookup -type=a search').stdout;
    expect(out.match(/^Address: .*$/gm)!.sort()).toEqual(['Address: 172.18.0.2', 'Address: 172.18.0.3']);
  });

  it('dig and host list one record per replica', () => {
    const sh = world();
    sh('docker run -d --name al --network app alpine sleep 1000');
    sh('docker exec al apk add bind-tools');
    expect(sh('docker exec al dig +short search').stdout.split('\n').filter(Boolean).sort()).toEqual(BACKENDS);
    const full = sh('docker exec al dig search').stdout;
    expect(full).toContain(';; flags: qr rd ra; QUERY: 1, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 0\n');
    expect(full.match(/^search\.\t\t\t600\tIN\tA\t172\.18\.0\.[234]$/gm)).toHaveLength(3);
    // header 12, question 8 + 4, three uncompressed A records of 8 + 10 + 4
    expect(full).toContain(';; MSG SIZE  rcvd: 90\n');
    const host = sh('docker exec al host search');
    expect(host.exitCode).toBe(0);
    expect(host.stdout.split('\n').filter(Boolean).sort()).toEqual(BACKENDS.map((a) => `search has address ${a}`));
  });

  it("getent hosts prints a line for each address (glibc's getent in a Debian image)", () => {
    const sh = world();
    sh('docker run -d --name web --network app nginx');
    const out = sh('docker exec web getent hosts search');
    expect(out.exitCode).toBe(0);
    expect(out.stdout.split('\n').filter(Boolean).sort()).toEqual(BACKENDS.map((a) => `${a.padEnd(15)} search`));
  });

  it('ping and wget connect to the first address of each answer, so repeated runs reach different replicas', () => {
    const sh = world();
    const pinged = new Set<string>();
    const served = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const ping = sh('docker exec client ping -c 1 -W 1 search');
      expect(ping.exitCode).toBe(0);
      pinged.add(/^PING search \((\S+)\)/.exec(ping.stdout)![1]!);
      const wget = sh('docker exec client wget -qO- -T 2 http://search/hostname');
      expect(wget.exitCode).toBe(0);
      served.add(wget.stdout);
    }
    expect([...pinged].every((a) => BACKENDS.includes(a))).toBe(true);
    expect(pinged.size).toBeGreaterThan(1);
    // Each replica serves its own /etc/hostname (its short ID): more than one answered.
    expect(served.size).toBeGreaterThan(1);
  });
});
