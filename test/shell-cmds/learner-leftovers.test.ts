/**
 * What a learner retyping the seed articles met (issue 11, "What a learner
 * typing the articles meets"): the shell's $0 and positional parameters, TERM
 * for a process with a terminal, the image's working directory, /.dockerenv,
 * removing directories, mawk in Debian-based images, and an endpoint's
 * settings on an --internal network. The busybox forms are in golden
 * 52-learner-leftovers (recorded on the rig); the others follow dash, bash
 * and GNU coreutils as Debian 13 ships them.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const sh = (sim: Simulator, line: string) => sim.runScriptLine(line);

function playground(): Simulator {
  return new Simulator({ images: 'playground' });
}

describe('$0 and the positional parameters of sh -c and bash -c', () => {
  it('names the shell by what started it, or by the first operand after the text', () => {
    const sim = playground();
    expect(sh(sim, `docker run --rm ubuntu bash -c 'echo $0'`).stdout).toBe('bash\n');
    expect(sh(sim, `docker run --rm ubuntu /bin/bash -c 'echo $0'`).stdout).toBe('/bin/bash\n');
    expect(sh(sim, `docker run --rm ubuntu sh -c 'echo $0'`).stdout).toBe('sh\n');
    expect(sh(sim, `docker run --rm busybox sh -c 'echo $0 $1 $2' a b c`).stdout).toBe('a b c\n');
    expect(sh(sim, `docker run --rm busybox sh -c 'echo $# "$@"' x y z`).stdout).toBe('2 y z\n');
    expect(sh(sim, `docker run --rm ubuntu bash -c 'echo $0: $#' prog one two`).stdout).toBe('prog: 2\n');
  });

  it('does the same on the Debian host (dash)', () => {
    const sim = playground();
    expect(sh(sim, `sh -c 'echo $0 $1' a b`).stdout).toBe('a b\n');
    expect(sh(sim, `sh -c 'shift; echo $1' a b c`).stdout).toBe('c\n');
    expect(sh(sim, `sh -c 'echo $0'`).stdout).toBe('sh\n');
  });
});

describe('TERM for a process with a terminal (-t)', () => {
  it('is xterm for `run -t` and `exec -t`, absent otherwise (golden 52)', () => {
    const sim = playground();
    expect(sh(sim, 'docker run --rm -t busybox env').stdout).toContain('\nTERM=xterm\n');
    expect(sh(sim, 'docker run --rm busybox env').stdout).not.toContain('TERM=');
    sh(sim, 'docker run -itd --name t1 busybox');
    expect(sh(sim, 'docker exec -t t1 env').stdout).toContain('\nTERM=xterm\n');
    expect(sh(sim, 'docker exec t1 env').stdout).not.toContain('TERM=');
  });
});

describe('the working directory', () => {
  it('is the image’s WorkingDir for the main process and docker exec', () => {
    const sim = playground();
    sh(sim, 'docker run -d --name web httpd:2.4');
    sh(sim, 'docker run -d --name cache redis:7');
    expect(sh(sim, 'docker exec web pwd').stdout).toBe('/usr/local/apache2\n');
    expect(sh(sim, `docker exec web bash -c 'pwd; ls'`).stdout).toMatch(/^\/usr\/local\/apache2\n(.+\n)*htdocs\n/);
    expect(sh(sim, 'docker exec cache pwd').stdout).toBe('/data\n');
    expect(sh(sim, `docker inspect -f '{{.Config.WorkingDir}}' web`).stdout).toBe('/usr/local/apache2\n');
    expect(sh(sim, 'docker run --rm ubuntu pwd').stdout).toBe('/\n');
  });

  it('takes -w: made when missing at run, an error at exec (golden 52)', () => {
    const sim = playground();
    expect(sh(sim, 'docker run --rm -w /srv busybox pwd').stdout).toBe('/srv\n');
    sh(sim, 'docker run -itd --name t1 -w /work busybox');
    expect(sh(sim, `docker inspect -f '{{.Config.WorkingDir}}' t1`).stdout).toBe('/work\n');
    expect(sh(sim, 'docker exec t1 sh -c pwd').stdout).toBe('/work\n');
    expect(sh(sim, 'docker exec -w /tmp t1 pwd').stdout).toBe('/tmp\n');
    expect(sh(sim, 'docker exec -w /nope t1 pwd')).toMatchObject({
      stdout: '',
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nope") set in config.json failed: no such file or directory\n',
      exitCode: 127,
    });
  });
});

describe('/.dockerenv', () => {
  it('is an empty file in every container and not on the host (golden 52)', () => {
    const sim = playground();
    sh(sim, 'docker run -itd --name ub ubuntu');
    expect(sh(sim, 'docker exec ub cat /.dockerenv')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(sh(sim, 'docker exec ub ls -a /').stdout).toMatch(/^\.\n\.\.\n\.dockerenv\nbin\n/);
    expect(sh(sim, 'docker exec ub ls /').stdout).not.toContain('.dockerenv');
    expect(sh(sim, 'cat /.dockerenv')).toMatchObject({ stderr: 'cat: /.dockerenv: No such file or directory\n', exitCode: 1 });
  });
});

describe('removing directories', () => {
  it('busybox: rm -r, rmdir, rmdir -p and their errors (golden 52)', () => {
    const sim = playground();
    sh(sim, 'docker run -itd --name t1 busybox');
    sh(sim, 'docker exec t1 mkdir -p /tmp/d/e');
    sh(sim, 'docker exec t1 touch /tmp/d/f');
    expect(sh(sim, 'docker exec t1 rmdir /tmp/d')).toMatchObject({ stderr: "rmdir: '/tmp/d': Directory not empty\n", exitCode: 1 });
    expect(sh(sim, 'docker exec t1 rm /tmp/d')).toMatchObject({ stderr: "rm: '/tmp/d' is a directory\n", exitCode: 1 });
    expect(sh(sim, 'docker exec t1 rm -r /tmp/d')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(sh(sim, 'docker exec t1 ls /tmp').stdout).toBe('');
    expect(sh(sim, 'docker exec t1 rm -r /tmp/nope')).toMatchObject({ stderr: "rm: can't remove '/tmp/nope': No such file or directory\n", exitCode: 1 });
    expect(sh(sim, `docker exec t1 sh -c 'cd /tmp && mkdir -p a/b/c && rmdir -p a/b/c; ls -a /tmp'`).stdout).toBe('.\n..\n');
    // -p goes on to `/`, which the kernel refuses.
    expect(sh(sim, `docker exec t1 sh -c 'mkdir -p /tmp/x && rmdir -p /tmp/x'`)).toMatchObject({ stderr: "rmdir: '/': Device or resource busy\n", exitCode: 1 });
    expect(sh(sim, 'docker exec t1 ls /tmp')).toMatchObject({ stderr: 'ls: /tmp: No such file or directory\n', exitCode: 1 });
  });

  it('GNU coreutils in a Debian-based image: rm -r, rm -d, rmdir --ignore-fail-on-non-empty', () => {
    const sim = playground();
    sh(sim, 'docker run -itd --name ub ubuntu');
    sh(sim, `docker exec ub sh -c 'mkdir -p /srv/a/b && touch /srv/a/f && mkdir /srv/e'`);
    expect(sh(sim, 'docker exec ub rmdir /srv/a')).toMatchObject({ stderr: "rmdir: failed to remove '/srv/a': Directory not empty\n", exitCode: 1 });
    expect(sh(sim, 'docker exec ub rmdir --ignore-fail-on-non-empty /srv/a')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(sh(sim, 'docker exec ub rm -d /srv/a')).toMatchObject({ stderr: "rm: cannot remove '/srv/a': Directory not empty\n", exitCode: 1 });
    expect(sh(sim, 'docker exec ub rm -d /srv/e').exitCode).toBe(0);
    expect(sh(sim, 'docker exec ub rm -r /srv/a').exitCode).toBe(0);
    expect(sh(sim, 'docker exec ub ls -a /srv').stdout).toBe('.\n..\n');
    expect(sh(sim, 'docker exec ub rmdir /srv/nope')).toMatchObject({ stderr: "rmdir: failed to remove '/srv/nope': No such file or directory\n", exitCode: 1 });
  });

  it('mv moves a directory away whole', () => {
    const sim = playground();
    sh(sim, 'docker run -itd --name t1 busybox');
    sh(sim, `docker exec t1 sh -c 'mkdir -p /tmp/src/sub && echo hi > /tmp/src/sub/f'`);
    expect(sh(sim, 'docker exec t1 mv /tmp/src /tmp/dst')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(sh(sim, 'docker exec t1 ls /tmp').stdout).toBe('dst\n');
    expect(sh(sim, 'docker exec t1 cat /tmp/dst/sub/f').stdout).toBe('hi\n');
  });
});

describe('awk in Debian-based images', () => {
  it('is mawk, by either name, as on the Debian host', () => {
    const sim = playground();
    sh(sim, 'docker run -itd --name ub ubuntu');
    sh(sim, 'docker run -itd --name py python');
    expect(sh(sim, `docker exec ub sh -c "echo 'a b c' | awk '{print \\$2}'"`).stdout).toBe('b\n');
    expect(sh(sim, `docker exec py awk -F: '$1=="root" {print $7}' /etc/passwd`).stdout).toBe('/bin/bash\n');
    expect(sh(sim, `docker exec ub mawk 'BEGIN { print 1+1 }'`).stdout).toBe('2\n');
    // mawk's own words for its errors, as the host's mawk answers (tools-host golden).
    expect(sh(sim, `docker exec ub awk '{'`)).toMatchObject({ stderr: sh(sim, `awk '{'`).stderr, exitCode: 2 });
    expect(sh(sim, `docker exec ub awk '{'`).stderr).toBe('awk: line 2: missing } near end of file\n');
    expect(sh(sim, 'docker exec ub which awk').stdout).toBe('/usr/bin/awk\n');
  });
});

describe('an endpoint on an --internal network (golden 52)', () => {
  it('has no gateway; aliases and driver options are null when docker run sent none', () => {
    const sim = playground();
    sh(sim, 'docker network create --internal inet1');
    sh(sim, 'docker run -itd --name t2 --network inet1 busybox');
    expect(sh(sim, `docker inspect -f '{{.NetworkSettings.Networks.inet1.Gateway}}|{{json .NetworkSettings.Networks.inet1.Aliases}}|{{json .NetworkSettings.Networks.inet1.DriverOpts}}|{{.NetworkSettings.Networks.inet1.IPAddress}}' t2`).stdout).toBe('|null|null|172.18.0.2\n');
    sh(sim, 'docker network create outer');
    sh(sim, 'docker network connect outer t2');
    expect(sh(sim, `docker inspect -f '{{.NetworkSettings.Networks.outer.Gateway}}|{{json .NetworkSettings.Networks.outer.Aliases}}|{{json .NetworkSettings.Networks.outer.DriverOpts}}' t2`).stdout).toBe('172.19.0.1|[]|{}\n');
  });
});
