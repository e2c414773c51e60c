/**
 * Volumes and bind mounts beyond the goldens volumes-cli and volumes-mount: a
 * file written on the host with a here-document and bound into a container,
 * a single-file bind, `-v ./dir` made absolute from the client's directory,
 * copy-up into a new volume, tmpfs lasting one run, image VOLUMEs becoming
 * anonymous volumes, and `--rm` taking its anonymous volumes with it.
 */
import { describe, expect, it } from 'vitest';
import { replay, runLine } from '../../src/scenario/scenario.ts';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const run = (sim: Simulator, line: string) => runLine(sim, line);

describe('bind mounts', () => {
  it('shows a file written on the host with a here-document, live, and writes through', () => {
    const { sim } = replay(['mkdir -p /srv/site', "cat > /srv/site/index.html <<'EOF'\n<h1>app one</h1>\nEOF", 'docker run -d --name web -v /srv/site:/www httpd']);
    expect(run(sim, 'docker exec web cat /www/index.html').stdout).toBe('<h1>app one</h1>\n');
    // busybox httpd serves -h /www: the page a client gets is the host's file.
    expect(run(sim, 'curl -s http://172.17.0.2/').stdout).toBe('<h1>app one</h1>\n');
    run(sim, "echo '<h1>edited</h1>' > /srv/site/index.html");
    expect(run(sim, 'curl -s http://172.17.0.2/').stdout).toBe('<h1>edited</h1>\n');
    expect(run(sim, "docker exec web sh -c 'echo from-ctr > /www/new.txt'").exitCode).toBe(0);
    expect(run(sim, 'cat /srv/site/new.txt').stdout).toBe('from-ctr\n');
  });

  it('binds a single file, read-only, as nginx configurations are mounted', () => {
    const { sim } = replay(["printf 'a=1\\n' > /root/app.conf", 'docker run -itd --name cf -v /root/app.conf:/etc/app.conf:ro busybox']);
    expect(run(sim, 'docker exec cf cat /etc/app.conf').stdout).toBe('a=1\n');
    const out = run(sim, "docker exec cf sh -c 'echo b=2 >> /etc/app.conf'");
    expect(out.stderr).toBe("sh: can't create /etc/app.conf: Read-only file system\n");
    expect(out.exitCode).toBe(1);
  });

  it('makes a ./relative source absolute from the client\'s directory (the host shell starts in /root)', () => {
    const { sim } = replay(['mkdir site', "echo hi > site/f", 'docker run -itd --name cr -v ./site:/data busybox']);
    expect(run(sim, "docker inspect -f '{{json .HostConfig.Binds}}' cr").stdout).toBe('["/root/site:/data"]\n');
    expect(run(sim, 'docker exec cr cat /data/f').stdout).toBe('hi\n');
  });
});

describe('volumes', () => {
  it('fills a new volume from the image, once, and keeps what containers write', () => {
    const { sim } = replay(['docker run --rm -v www:/www httpd sh -c "rm /www/index.html; echo mine > /www/own.html"']);
    // The volume is no longer empty, so a second mount does not copy the image's page back.
    expect(run(sim, 'docker run --rm -v www:/www busybox ls /www').stdout).toBe('own.html\n');
  });

  it('gives tmpfs mounts a fresh tree at every start', () => {
    const { sim } = replay(['docker run -itd --name tm --mount type=tmpfs,dst=/scratch busybox', "docker exec tm sh -c 'echo x > /scratch/f'"]);
    expect(run(sim, 'docker exec tm cat /scratch/f').stdout).toBe('x\n');
    run(sim, 'docker restart tm');
    expect(run(sim, 'docker exec tm ls /scratch').stdout).toBe('');
  });

  it('removes the anonymous volumes of a --rm container, not the named ones', () => {
    const { sim } = replay(['docker run --rm -v named:/a -v /b busybox true']);
    expect(run(sim, 'docker volume ls -q').stdout).toBe('named\n');
  });

  it('makes an anonymous volume for an image VOLUME (redis: /data), labelled as anonymous', () => {
    const sim = new Simulator({ images: 'playground' });
    run(sim, 'docker run -d --name r1 redis:7');
    const name = run(sim, "docker inspect -f '{{range .Mounts}}{{.Name}}{{end}}' r1").stdout.trim();
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(run(sim, "docker inspect -f '{{json .Config.Volumes}}' r1").stdout).toBe('{"/data":{}}\n');
    expect(run(sim, `docker volume inspect -f '{{json .Labels}}' ${name}`).stdout).toBe('{"com.docker.volume.anonymous":""}\n');
    run(sim, 'docker rm -f r1');
    expect(run(sim, 'docker volume prune -f').stdout).toBe(`Deleted Volumes:\n${name}\n\nTotal reclaimed space: 0B\n`);
  });

  it('refuses options it does not model in one honest line', () => {
    const { sim } = replay([]);
    expect(run(sim, 'docker run --rm --mount type=bind,src=/tmp,dst=/x,bind-propagation=shared busybox true').stderr).toBe('vethlab: --mount bind-propagation= is not modelled here\n');
    expect(run(sim, 'docker volume create -d nfs v').stderr).toBe('vethlab: volume drivers other than local are not modelled here (nfs)\n');
    expect(run(sim, 'docker volume ls -q').stdout).toBe('');
  });
});
