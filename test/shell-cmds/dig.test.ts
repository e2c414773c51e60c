/**
 * dig and host (BIND 9.20) once bind-tools / bind9-dnsutils is installed. No
 * golden: the rig has neither tool. Layout and wording from bind9's
 * bin/dig/dig.c and host.c and lib/dns/masterdump.c; the embedded DNS's
 * answers (TTL 600, RA, SERVFAIL without proxying) from moby's
 * libnetwork/resolver.go; the LAN server's (authoritative, TTL 300) from the
 * rig's engine.sh dns.py.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

function world() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create net');
  sh('docker run -d --name web --network net nginx');
  sh('docker run -d --name al --network net alpine sleep 1000');
  return sh;
}

describe('dig', () => {
  it('is the shell\'s "not found" until bind-tools is installed', () => {
    const sh = world();
    expect(sh('docker exec al sh -c "dig web"')).toMatchObject({ stderr: 'sh: dig: not found\n', exitCode: 127 });
    sh('docker exec al apk add bind-tools');
    expect(sh('docker exec al which dig host').stdout).toBe('/usr/bin/dig\n/usr/bin/host\n');
  });

  it('prints the full answer of the embedded DNS for a container name', () => {
    const sh = world();
    sh('docker exec al apk add bind-tools');
    const out = sh('docker exec al dig web');
    expect(out.exitCode).toBe(0);
    expect(out.stdout.replace(/id: \d+/, 'id: N').replace(/WHEN: .*/, 'WHEN: T')).toBe(
      [
        '',
        '; <<>> DiG 9.20.11 <<>> web',
        ';; global options: +cmd',
        ';; Got answer:',
        ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: N',
        ';; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0',
        '',
        ';; QUESTION SECTION:',
        ';web.\t\t\t\tIN\tA',
        '',
        ';; ANSWER SECTION:',
        'web.\t\t\t600\tIN\tA\t172.18.0.2',
        '',
        ';; Query time: 0 msec',
        ';; SERVER: 127.0.0.11#53(127.0.0.11) (UDP)',
        ';; WHEN: T',
        ';; MSG SIZE  rcvd: 40',
        '',
        '',
      ].join('\n'),
    );
    // The same question at the same moment gets the same id: transcripts repeat.
    expect(sh('docker exec al dig web').stdout).toBe(out.stdout);
  });

  it('+short, forwarded names, NXDOMAIN, AAAA and -x', () => {
    const sh = world();
    sh('docker exec al apk add bind-tools');
    expect(sh('docker exec al dig +short web').stdout).toBe('172.18.0.2\n');
    const example = sh('docker exec al dig example.com').stdout;
    expect(example).toContain(';; flags: qr aa rd ra; QUERY: 1, ANSWER: 1,');
    expect(example).toContain('example.com.\t\t300\tIN\tA\t203.0.113.10\n');
    expect(sh('docker exec al dig nosuch.example').stdout).toContain('status: NXDOMAIN');
    expect(sh('docker exec al dig +short nosuch.example')).toMatchObject({ stdout: '', exitCode: 0 });
    const aaaa = sh('docker exec al dig web AAAA').stdout;
    expect(aaaa).toContain(';; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0\n');
    expect(aaaa).toContain(';web.\t\t\t\tIN\tAAAA\n');
    expect(sh('docker exec al dig -x 172.18.0.2').stdout).toContain(';; ANSWER SECTION:\n2.0.18.172.in-addr.arpa. 600\tIN\tPTR\tweb.net.\n');
    expect(sh('docker exec al dig @192.168.1.1 +short example.com').stdout).toBe('203.0.113.10\n');
  });

  it('gets SERVFAIL on an internal network and times out with --dns to a silent server', () => {
    const sh = world();
    sh('docker network create --internal back');
    sh('docker run -d --name inner --network back alpine sleep 1000');
    sh('docker network connect net inner');
    sh('docker exec inner apk add bind-tools');
    sh('docker network disconnect net inner');
    const out = sh('docker exec inner dig example.com').stdout;
    expect(out).toContain('status: SERVFAIL');
    expect(out).toContain(';; flags: qr rd; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0\n;; WARNING: recursion requested but not available\n');
    const timeout = sh('docker exec inner dig @192.168.1.1 example.com');
    expect(timeout.exitCode).toBe(9);
    expect(timeout.stdout).toBe(
      ';; communications error to 192.168.1.1#53: timed out\n'.repeat(3) + '\n; <<>> DiG 9.20.11 <<>> @192.168.1.1 example.com\n; (1 server found)\n;; global options: +cmd\n;; no servers could be reached\n',
    );
  });
});

describe('host', () => {
  it('answers names, addresses and unknown names as BIND\'s host does', () => {
    const sh = world();
    sh('docker exec al apk add bind-tools');
    expect(sh('docker exec al host web')).toMatchObject({ stdout: 'web has address 172.18.0.2\n', exitCode: 0 });
    expect(sh('docker exec al host example.com').stdout).toBe('example.com has address 203.0.113.10\n');
    expect(sh('docker exec al host nosuch')).toMatchObject({ stdout: 'Host nosuch not found: 3(NXDOMAIN)\n', exitCode: 1 });
    expect(sh('docker exec al host 172.18.0.2').stdout).toBe('2.0.18.172.in-addr.arpa domain name pointer web.net.\n');
    expect(sh('docker exec al host example.com 192.168.1.1').stdout).toBe('Using domain server:\nName: 192.168.1.1\nAddress: 192.168.1.1#53\nAliases: \n\nexample.com has address 203.0.113.10\n');
  });

  it('comes with Debian\'s bind9-host, dig with bind9-dnsutils', () => {
    const sh = world();
    sh('docker exec web apt-get update');
    sh('docker exec web apt-get install -y bind9-host');
    expect(sh('docker exec web host web').stdout).toBe('web has address 172.18.0.2\n');
    expect(sh('docker exec web dig web')).toMatchObject({ exitCode: 127 });
    sh('docker exec web apt-get install -y dnsutils');
    expect(sh('docker exec web dig +short al').stdout).toBe('172.18.0.3\n');
  });
});
