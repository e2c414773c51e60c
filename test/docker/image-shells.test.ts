/**
 * The images' own userlands: which shell an interactive session gets and the
 * prompt it draws (from the image table: userland.ts, console.ts), bash where the
 * image has it and runc's error where it does not (the rig's words), the
 * environment a terminal's process gets (TERM) and a legacy link's ENV_ variables.
 */
import { describe, expect, it } from 'vitest';
import { sessionPrompt, shellPrompt } from '../../src/sim/shell/console.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

function playground() {
  const sim = new Simulator({ images: 'playground', tty: true });
  const sh = (line: string) => sim.runScriptLine(line);
  const id12 = (name: string) => sim.engine.findContainer(name)!.id.slice(0, 12);
  return { sim, sh, id12 };
}

describe('interactive shells and their prompts', () => {
  it('docker run -it ubuntu bash: bash, root@ID:/#', () => {
    const { sim, sh, id12 } = playground();
    const out = sh('docker run -it --name ub ubuntu bash');
    expect(out.session).toEqual({ container: 'ub', shell: 'bash', main: true });
    expect(sessionPrompt(sim.engine, out.session!)).toBe(`root@${id12('ub')}:/# `);
  });

  it('docker run -it --uts host ubuntu bash: the prompt names the host (gethostname), busybox\'s / # names none', () => {
    // Golden run-uts-host-uname: under --uts host uname -n is the host's name, while HOSTNAME and /etc/hostname keep the container's ID.
    const { sim, sh, id12 } = playground();
    const out = sh('docker run -it --uts host --name ub ubuntu bash');
    expect(sessionPrompt(sim.engine, out.session!)).toBe('root@dockerhost:/# ');
    expect(sh('docker exec ub cat /etc/hostname').stdout).toBe(`${id12('ub')}\n`);
    const bb = sh('docker run -it --uts host --name bb busybox');
    expect(sessionPrompt(sim.engine, bb.session!)).toBe('/ # ');
    const own = sh('docker run -it --name ub2 ubuntu bash');
    expect(sessionPrompt(sim.engine, own.session!)).toBe(`root@${id12('ub2')}:/# `);
  });

  it('docker run -dit alpine ash keeps running, as Docker\'s standalone-network tutorial has it', () => {
    // docs.docker.com "Networking with standalone containers": `docker run -dit --name alpine1 --network alpine-net alpine ash`.
    const { sh } = playground();
    sh('docker network create --driver bridge alpine-net');
    sh('docker run -dit --name alpine1 --network alpine-net alpine ash');
    sh('docker run -dit --name alpine2 --network alpine-net alpine ash');
    expect(sh("docker ps --format '{{.Names}} {{.Command}}'").stdout).toBe('alpine2 "ash"\nalpine1 "ash"\n');
    expect(sh('docker exec alpine1 ping -c 1 alpine2').exitCode).toBe(0);
  });

  it('alpine and busybox images give ash at / #', () => {
    const { sim, sh } = playground();
    const a = sh('docker run -it --name al alpine');
    expect(a.session?.shell).toBe('/bin/sh');
    expect(sessionPrompt(sim.engine, a.session!)).toBe('/ # ');
    sh('docker pull busybox:1.37');
    expect(sessionPrompt(sim.engine, sh('docker run -it --name bb busybox:1.37 sh').session!)).toBe('/ # ');
  });

  it('docker exec -it C bash where the image has bash, in its working directory', () => {
    const { sim, sh, id12 } = playground();
    sh('docker run -d --name web1 httpd:2.4');
    const web = sh('docker exec -it web1 bash');
    expect(web.session).toEqual({ container: 'web1', shell: 'bash' });
    expect(sessionPrompt(sim.engine, web.session!)).toBe(`root@${id12('web1')}:/usr/local/apache2# `);
    sh('docker run -d --name cache redis:7');
    expect(sessionPrompt(sim.engine, sh('docker exec -it cache bash').session!)).toBe(`root@${id12('cache')}:/data# `);
    sh('docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql');
    expect(sessionPrompt(sim.engine, sh('docker exec -it db bash').session!)).toBe('bash-5.1# ');
    sh('docker run -d --name deb -it debian');
    expect(sessionPrompt(sim.engine, sh('docker exec -it deb sh').session!)).toBe('# ');
  });

  it('says runc’s error where the image has no bash (alpine variants)', () => {
    const { sh } = playground();
    sh('docker run -d --name web2 nginx:alpine');
    expect(sh('docker exec -it web2 bash')).toMatchObject({
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH\n',
      exitCode: 127,
    });
    const run = sh('docker run -it --rm alpine bash');
    expect(run.exitCode).toBe(127);
    expect(run.stderr).toContain('exec: "bash": executable file not found in $PATH');
  });

  it('renders each base’s PS1 from data', () => {
    const where = { hostname: '3f4d5c1b2a6e', home: '/root' };
    expect(shellPrompt({ shells: { sh: 'ash', bash: { ps1: '\\h:\\w\\$ ', version: '5.3' } } }, 'bash', where)).toBe('3f4d5c1b2a6e:/# ');
    expect(shellPrompt({ shells: { sh: 'bash', bash: { ps1: '\\s-\\v\\$ ', version: '5.1' } } }, '/bin/sh', where)).toBe('sh-5.1# ');
    expect(shellPrompt({ workingDir: '/root/app' }, 'sh', where)).toBe('~/app # ');
    expect(shellPrompt({}, 'sh', where)).toBe('/ # ');
  });
});

describe('a container’s environment', () => {
  it('gives a process on a terminal TERM=xterm after HOSTNAME, and the image’s variables', () => {
    const { sim, sh } = playground();
    sh('docker run -d --name web nginx');
    const c = sim.engine.findContainer('web')!;
    const env = sim.engine.containerEnv(c, { tty: true });
    expect(env.slice(0, 3)).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${c.hostname}`, 'TERM=xterm']);
    expect(env).toContain('NGINX_VERSION=1.31.6');
    expect(sim.engine.containerEnv(c)).not.toContain('TERM=xterm');
  });

  it('puts the user’s -e values before the image’s (the daemon’s merge), one value per key', () => {
    const { sim, sh } = playground();
    sh('docker run -d --name db -e POSTGRES_PASSWORD=secret -e PG_MAJOR=99 postgres:16');
    const c = sim.engine.findContainer('db')!;
    expect(c.env.slice(0, 3)).toEqual(['POSTGRES_PASSWORD=secret', 'PG_MAJOR=99', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin']);
    expect(sim.engine.containerEnv(c).filter((e) => e.startsWith('PG_MAJOR='))).toEqual(['PG_MAJOR=99']);
  });

  it('passes a link target’s Config.Env as ALIAS_ENV_ variables (the seed article’s DB_ENV_*)', () => {
    const { sim, sh } = playground();
    sh('docker run -d --name redis crosbymichael/redis');
    sh('docker run -d --name db -e POSTGRES_PASSWORD=secret postgres:16');
    sh('docker run -itd --name client --link db:db --link redis:redis busybox');
    const env = sim.engine.containerEnv(sim.engine.findContainer('client')!);
    expect(env).toEqual(expect.arrayContaining(['DB_PORT=tcp://172.17.0.3:5432', 'DB_NAME=/client/db', 'DB_ENV_POSTGRES_PASSWORD=secret', 'DB_ENV_PG_MAJOR=16', 'DB_ENV_PGDATA=/var/lib/postgresql/data', 'REDIS_PORT_6379_TCP=tcp://172.17.0.2:6379']));
    expect(env.some((e) => e.startsWith('DB_ENV_PATH=') || e.startsWith('REDIS_ENV_PATH='))).toBe(false);
  });
});
