/**
 * The everyday tools where they run: a container of the rig's images (busybox,
 * through docker exec or its sh), the Docker host (Debian, through dash), and
 * the honest answer of a program that exists but is not modelled. Texts from the
 * rig (test/golden/scripts/tools-*.sh records most of them) or from Debian 12.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

function world(images: 'rig' | 'playground' = 'rig'): Simulator {
  const sim = new Simulator({ images });
  sim.runScriptLine('docker run -itd --name c1 busybox');
  return sim;
}
const out = (sim: Simulator, line: string) => {
  const r = sim.runScriptLine(line);
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
};

describe('a program that exists runs, or says it is not modelled', () => {
  it('in a container, by docker exec, in its sh, and by path', () => {
    const sim = world();
    const honest = { stdout: '', stderr: 'vethlab: tar is not modelled here (the image has /bin/tar, but vethlab does not run it)\n', exitCode: 1 };
    expect(out(sim, 'docker exec c1 tar -xf x.tar')).toEqual(honest);
    expect(out(sim, "docker exec c1 sh -c 'tar -xf x.tar'")).toEqual(honest);
    expect(out(sim, 'docker exec c1 /bin/tar')).toEqual(honest);
    expect(out(sim, 'docker exec c1 ls /bin/tar')).toEqual({ stdout: '/bin/tar\n', stderr: '', exitCode: 0 });
  });

  it('what the image lacks is still missing, in the runtime’s and the shell’s words', () => {
    const sim = world();
    expect(out(sim, 'docker exec c1 getent hosts c1')).toEqual({ stdout: '', stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "getent": executable file not found in $PATH\n', exitCode: 127 });
    expect(out(sim, "docker exec c1 sh -c 'getent hosts c1'")).toEqual({ stdout: '', stderr: 'sh: getent: not found\n', exitCode: 127 });
  });

  it('on the Docker host', () => {
    const sim = world();
    expect(out(sim, 'tar -xf x.tar')).toEqual({ stdout: '', stderr: 'vethlab: tar is not modelled here (this machine has /usr/bin/tar, but vethlab does not run it)\n', exitCode: 1 });
    expect(out(sim, 'nosuchtool')).toEqual({ stdout: '', stderr: 'sh: 1: nosuchtool: not found\n', exitCode: 127 });
    expect(out(sim, '/usr/bin/docker ps -q | wc -l')).toEqual({ stdout: '1\n', stderr: '', exitCode: 0 });
  });
});

describe('busybox in a container', () => {
  it('awk, and what busybox awk cannot do without its math library', () => {
    const sim = world();
    expect(out(sim, "docker exec c1 sh -c \"ip -o -4 addr show eth0 | awk '{print \\$4}'\"").stdout).toBe('172.17.0.2/16\n');
    expect(out(sim, "docker exec c1 awk 'BEGIN{print 1/3, 2^10}'")).toEqual({ stdout: '0.333333 ', stderr: 'awk: cmd. line:1: Math support is not compiled in\n', exitCode: 1 });
  });

  it('id, uname, hostname -i, which, date on the virtual clock', () => {
    const sim = world();
    expect(out(sim, 'docker exec c1 id').stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect(out(sim, 'docker exec c1 uname -a').stdout).toBe('Linux 12cf8b548fc9 6.18.0 #1 SMP PREEMPT_DYNAMIC Debian 6.18.0-1 (2026-11-01) x86_64 GNU/Linux\n');
    expect(out(sim, 'docker exec c1 hostname -i').stdout).toBe('172.17.0.2\n');
    expect(out(sim, 'docker exec c1 which awk nc nosuch')).toEqual({ stdout: '/bin/awk\n/usr/bin/nc\n', stderr: '', exitCode: 1 });
    const before = out(sim, 'docker exec c1 date +%s').stdout;
    expect(out(sim, 'docker exec c1 sleep 90')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(Number(out(sim, 'docker exec c1 date +%s').stdout) - Number(before)).toBe(90);
    expect(out(sim, 'docker exec c1 date').stdout).toMatch(/^Mon Nov 23 22:01:3\d UTC 2026\n$/);
  });

  it('ls -l: busybox’s columns, the applets as links to busybox, the image’s times', () => {
    const sim = world();
    expect(out(sim, 'docker exec c1 ls -l /bin/awk /usr/bin/nc /etc/passwd').stdout).toBe(
      [
        'lrwxrwxrwx    1 root     root             7 Nov 23 21:17 /bin/awk -> busybox',
        '-rw-r--r--    1 root     root            30 Nov 23 21:17 /etc/passwd',
        '-rwxr-xr-x    1 root     root           104 Nov 23 21:17 /usr/bin/nc',
        '',
      ].join('\n'),
    );
  });

  it('kill: PID 1 ignores it; the builtin and the applet word a missing process their own ways', () => {
    const sim = world();
    expect(out(sim, 'docker exec c1 kill -9 1')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(out(sim, 'docker exec c1 kill 12345').stderr).toBe("kill: can't kill pid 12345: No such process\n");
    expect(out(sim, "docker exec c1 sh -c 'kill 12345'").stderr).toBe("sh: can't kill pid 12345: No such process\n");
    expect(out(sim, 'docker ps --format {{.Status}}').stdout).toMatch(/^Up /);
  });
});

describe('the Debian host', () => {
  it('env: the simulated host’s root environment; sudo’s own', () => {
    const sim = world();
    expect(out(sim, 'env').stdout).toBe('SHELL=/bin/bash\nPWD=/root\nLOGNAME=root\nHOME=/root\nLANG=C.UTF-8\nTERM=xterm-256color\nUSER=root\nSHLVL=1\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nMAIL=/var/mail/root\n');
    expect(out(sim, 'cd /tmp && env | grep ^PWD=').stdout).toBe('PWD=/tmp\n');
    expect(out(sim, 'sudo env').stdout).toBe('TERM=xterm-256color\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nLANG=C.UTF-8\nMAIL=/var/mail/root\nLOGNAME=root\nUSER=root\nHOME=/root\nSHELL=/bin/bash\nSUDO_COMMAND=/usr/bin/env\nSUDO_USER=root\nSUDO_UID=0\nSUDO_GID=0\n');
  });

  it('sudo runs the command as root, or says why not', () => {
    const sim = world();
    expect(out(sim, "sudo docker ps --format '{{.Names}}'")).toEqual({ stdout: 'c1\n', stderr: '', exitCode: 0 });
    expect(out(sim, 'sudo nosuch')).toEqual({ stdout: '', stderr: 'sudo: nosuch: command not found\n', exitCode: 1 });
    expect(out(sim, "sudo sh -c 'exit 3'").exitCode).toBe(3);
    expect(out(sim, 'sudo').stderr).toMatch(/^usage: sudo -h \| -K \| -k \| -V\n/);
    expect(out(sim, 'sudo -V').stdout).toMatch(/^Sudo version 1\.9\.13p3\nConfigure options: /);
  });

  it('kill -9 of a container’s main process from the host ends the container (137); other signals it ignores', () => {
    const sim = world();
    const pid = out(sim, "ps -eo pid,args | grep -v grep | grep -w sh$ | awk '{print $1}'").stdout.trim();
    expect(pid).toMatch(/^\d+$/);
    expect(out(sim, `kill ${pid}`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(out(sim, 'docker ps -q | wc -l').stdout).toBe('1\n');
    expect(out(sim, `kill -9 ${pid}`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(out(sim, "docker ps -a --format '{{.Status}}'").stdout).toMatch(/^Exited \(137\) /);
    expect(out(sim, 'kill 99999')).toEqual({ stdout: '', stderr: 'sh: 1: kill: No such process\n\n', exitCode: 1 });
  });

  it('getent hosts: /etc/hosts, then the LAN’s DNS', () => {
    const sim = world();
    expect(out(sim, 'getent hosts example.com gw.lan')).toEqual({ stdout: '203.0.113.10    example.com\n192.168.1.1     gw.lan\n', stderr: '', exitCode: 0 });
    expect(out(sim, 'getent hosts nosuch.example')).toEqual({ stdout: '', stderr: '', exitCode: 2 });
  });

  it('ls -l in GNU’s aligned columns; xargs; coreutils printf through sudo', () => {
    const sim = world();
    out(sim, 'echo hello > /tmp/f1; echo hi > /tmp/f22');
    expect(out(sim, 'ls -l /tmp').stdout).toBe('total 8\n-rw-r--r-- 1 root root 6 Nov 23 22:00 f1\n-rw-r--r-- 1 root root 3 Nov 23 22:00 f22\n');
    expect(out(sim, 'seq 3 | xargs -n2 echo').stdout).toBe('1 2\n3\n');
    expect(out(sim, "sudo printf '%d\\n' abc")).toEqual({ stdout: '0\n', stderr: 'printf: ‘abc’: expected a numeric value\n', exitCode: 1 });
  });
});

describe('the official images', () => {
  it('a Debian image answers with GNU tools and getent; what it lacks is not found', () => {
    const sim = world('playground');
    out(sim, 'docker run -d --name web nginx');
    expect(out(sim, 'docker exec web id -u').stdout).toBe('0\n');
    expect(out(sim, 'docker exec web grep -c root /etc/passwd').stdout).toBe('1\n');
    expect(out(sim, 'docker exec web getent hosts localhost').stdout).toBe('::1             localhost ip6-localhost ip6-loopback\n');
    expect(out(sim, 'docker exec web sed 2q /etc/os-release').stdout).toBe('PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nNAME="Debian GNU/Linux"\n');
    expect(out(sim, 'docker exec web tar').stderr).toBe('vethlab: tar is not modelled here (the image has /usr/bin/tar, but vethlab does not run it)\n');
  });
});
