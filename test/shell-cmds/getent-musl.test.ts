/**
 * Alpine's getent is musl-utils' (aports main/musl/getent.c, NetBSD's cleaned up for
 * musl), not glibc's: hosts prints `%-16s  %s` and then the hostent's aliases, where
 * musl's gethostbyname2_r puts the canonical name itself (bminor/musl
 * src/network/gethostbyname2_r.c: `h->h_name = h->h_aliases[0]`), so a name prints
 * twice; IPv6 is asked first; an address is named by getnameinfo (/etc/hosts, then
 * PTR: gethostbyaddr_r.c); the first key not found ends the run with status 2.
 */
import { describe, expect, it } from 'vitest';
import { loadAllParts } from '../../src/sim/shell/lazy/parts.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

await loadAllParts();

function world() {
  const sim = new Simulator({ images: 'playground' });
  const sh = (line: string) => sim.runScriptLine(line);
  sh('docker network create app');
  sh('docker run -d --name web --network app nginx:alpine');
  sh('docker run -itd --name client --network app alpine:3.20');
  return sh;
}

describe("Alpine's getent (musl)", () => {
  it('prints a container name with the canonical name among the aliases', () => {
    const out = world()('docker exec client getent hosts web');
    expect(out).toMatchObject({ stdout: '172.18.0.2        web  web\n', stderr: '', exitCode: 0 });
  });

  it('asks IPv6 first: localhost is ::1, and a name asked under an alias adds it', () => {
    const sh = world();
    expect(sh('docker exec client getent hosts localhost').stdout).toBe('::1               localhost  localhost\n');
    expect(sh('docker exec client getent hosts ip6-localhost').stdout).toBe('::1               localhost  localhost ip6-localhost\n');
  });

  it('names an address by its PTR answer (NAME.NETWORK from the embedded DNS)', () => {
    expect(world()('docker exec client getent hosts 172.18.0.2').stdout).toBe('172.18.0.2        web.app  web.app\n');
  });

  it('stops at the first key it cannot find, with status 2', () => {
    const out = world()('docker exec client getent hosts nope web');
    expect(out).toMatchObject({ stdout: '', exitCode: 2 });
  });

  it('ahosts lists a STREAM and a DGRAM line per address', () => {
    expect(world()('docker exec client getent ahosts web').stdout).toBe('172.18.0.2      STREAM web\n172.18.0.2      DGRAM  web\n');
  });

  it('prints its usage without a database, and names an unknown one', () => {
    const sh = world();
    const usage = 'Usage: getent database [key ...]\n\tdatabase may be one of:\n\t\tethers group hosts ahosts ahostsv4 ahostsv6 networks\n\t\tpasswd protocols services shadow shells\n';
    expect(sh('docker exec client getent')).toMatchObject({ stdout: '', stderr: usage, exitCode: 1 });
    expect(sh('docker exec client getent foo')).toMatchObject({ stderr: `getent: Unknown database \`foo': No error information\n${usage}`, exitCode: 1 });
  });

  it('musl has no host enumeration: getent hosts alone prints nothing', () => {
    expect(world()('docker exec client getent hosts')).toMatchObject({ stdout: '', exitCode: 0 });
  });
});
