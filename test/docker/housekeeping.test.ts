/**
 * The docker client's housekeeping commands beyond what the goldens replay
 * (docker-housekeeping and docker-cp, recorded on the rig): what a terminal shows
 * (cp's closing line), a pulled image's world, the commands this host does not
 * model, and the background sleeps `docker wait` and `docker logs` depend on.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { partsForLine } from '../../src/sim/shell/lazy/needs.ts';
import { transcript } from '../shell/helpers.ts';

const run = (sim: Simulator, line: string) => transcript(sim.runScriptLine(line));

describe('background sleeps on the virtual clock', () => {
  it('a container whose main process is `sleep 2` exits when the clock has moved 2 s, and docker wait prints its status', () => {
    const sim = new Simulator();
    run(sim, 'docker run -d --name sl busybox sleep 2');
    expect(run(sim, "docker ps --format '{{.Names}} {{.Status}}'")).toMatch(/^sl Up /);
    run(sim, 'sleep 3');
    expect(run(sim, "docker ps -a --format '{{.Names}} {{.Status}}'")).toMatch(/^sl Exited \(0\) \d+ seconds? ago\n$/);
    expect(run(sim, 'docker wait sl')).toBe('0\n');
  });

  it('a loop with a sleep logs once per turn, and catches up when a long sleep passed at once', () => {
    const sim = new Simulator();
    run(sim, "docker run -d --name lp busybox sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 10; done'");
    expect(run(sim, 'docker logs lp')).toBe('tick 1\n');
    run(sim, 'sleep 35');
    // Started at t, it printed at t, t+10, t+20, t+30: four turns, not one per docker command.
    expect(run(sim, 'docker logs lp')).toBe('tick 1\ntick 2\ntick 3\ntick 4\n');
    expect(run(sim, "docker ps --format '{{.Names}} {{.Status}}'")).toMatch(/^lp Up /);
  });

  it('a job started with & in a main process wakes on its own, and the script ends the container when its last sleep ends', () => {
    const sim = new Simulator();
    run(sim, "docker run -d --name bg busybox sh -c '(sleep 3; echo late) & echo early; sleep 10; echo done'");
    run(sim, 'sleep 4');
    expect(run(sim, 'docker logs bg')).toBe('early\nlate\n');
    run(sim, 'sleep 10');
    expect(run(sim, 'docker logs bg')).toBe('early\nlate\ndone\n');
    expect(run(sim, 'docker inspect -f "{{.State.Status}} {{.State.ExitCode}}" bg')).toBe('exited 0\n');
  });

  it('`sleep infinity` (GNU sleep, Debian-based images) keeps the container up; a foreground one still refuses', () => {
    const sim = new Simulator({ images: 'playground' });
    run(sim, 'docker run -d --name ub ubuntu sleep infinity');
    run(sim, 'sleep 3600');
    expect(run(sim, "docker ps --format '{{.Names}} {{.Status}}'")).toBe('ub Up About an hour\n');
    expect(run(sim, 'docker exec ub sleep infinity')).toBe('vethlab: sleep infinity would never end here\n[exit 1]\n');
  });

  it('docker wait on a running container says in one line that it would wait forever', () => {
    const sim = new Simulator();
    run(sim, 'docker run -d --name keep busybox sleep 1000');
    expect(run(sim, 'docker wait keep')).toBe('vethlab: docker wait keep would wait forever: its main process runs until the container is stopped (docker stop keep in another tab)\n[exit 1]\n');
  });
});

describe('docker diff, cp and system df', () => {
  it('diff lists added, changed and deleted paths; the directory that lost or gained an entry is changed', () => {
    const sim = new Simulator();
    run(sim, 'docker run -d --name keep busybox sleep 1000');
    run(sim, "docker exec keep sh -c 'rm /etc/group; echo x >> /etc/passwd; mkdir /new; echo y > /new/f'");
    expect(run(sim, 'docker diff keep')).toBe('C /etc\nD /etc/group\nC /etc/passwd\nA /new\nA /new/f\n');
  });

  it('cp on a terminal ends with the client\'s "Successfully copied" line, sized as the tar stream it sent', () => {
    const sim = new Simulator({ tty: true });
    run(sim, 'docker run -d --name keep busybox sleep 1000');
    // 13 bytes of /etc/hostname: one header, one block of content, two closing blocks.
    expect(run(sim, 'docker cp keep:/etc/hostname /tmp/hn')).toBe('Successfully copied 2.05kB to /tmp/hn\n');
    expect(run(sim, 'docker cp -q keep:/etc/hostname /tmp/hn2')).toBe('');
    expect(run(sim, 'docker cp /tmp/hn keep:/tmp/')).toBe('Successfully copied 2.05kB to keep:/tmp/\n');
    expect(run(sim, 'docker exec keep ls /tmp')).toBe('hn\n');
    expect(run(sim, 'docker cp keep:/etc/hostname -')).toBe('vethlab: docker cp to - (a tar stream on standard output) is not modelled here\n[exit 1]\n');
  });

  it('system df counts what containers wrote and what volumes hold; prune frees what stopped containers wrote', () => {
    const sim = new Simulator();
    run(sim, "docker run --name wr busybox sh -c 'echo 12345 > /f'");
    expect(run(sim, 'docker system df')).toContain('\nContainers      1         0         6B        6B (100%)\n');
    expect(run(sim, 'docker container prune -f')).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 6B\n$/);
  });

  it('image prune -a untags and deletes every image no container uses', () => {
    const sim = new Simulator();
    run(sim, 'docker run -d --name keep busybox sleep 1000');
    const pruned = run(sim, 'docker image prune -a -f');
    expect(pruned).toMatch(/^Deleted Images:\nuntagged: httpd:latest\ndeleted: sha256:[0-9a-f]{64}\n/);
    expect(pruned).toContain('untagged: redis:latest\n');
    expect(run(sim, "docker images --format '{{.Repository}}'")).toBe('busybox\n');
  });
});

describe('real docker commands this host does not model', () => {
  it('each says so in one line instead of "unknown command"; a word docker lacks is still unknown', () => {
    const sim = new Simulator();
    run(sim, 'docker run -d --name keep busybox sleep 1000');
    expect(run(sim, 'docker commit keep snap')).toBe('vethlab: docker commit is a real command, but containers cannot be saved as new images here\n[exit 1]\n');
    expect(run(sim, 'docker container commit keep snap')).toBe('vethlab: docker commit is a real command, but containers cannot be saved as new images here\n[exit 1]\n');
    expect(run(sim, 'docker stats --no-stream')).toBe('vethlab: docker stats is a real command, but containers here use no CPU or memory to measure\n[exit 1]\n');
    expect(run(sim, 'docker swarm init')).toBe('vethlab: docker swarm is a real command, but swarm mode is not modelled here\n[exit 1]\n');
    expect(run(sim, 'docker frob')).toBe("docker: unknown command: docker frob\n\nRun 'docker --help' for more information\n[exit 1]\n");
  });

  it('build warns as the legacy builder does, reads its context, then builds (test/docker/build.test.ts)', () => {
    const sim = new Simulator();
    run(sim, "mkdir /tmp/app && printf 'FROM busybox\\n' > /tmp/app/Dockerfile");
    const built = run(sim, 'docker build -t mine /tmp/app');
    expect(built).toMatch(/^DEPRECATED: The legacy builder is deprecated/);
    expect(built).toContain('Successfully tagged mine:latest');
  });

  it('history shows an imported image as one layer; a pulled image says its steps are not recorded', () => {
    const sim = new Simulator({ images: 'playground' });
    expect(run(sim, 'docker history busybox')).toMatch(/^IMAGE {10}CREATED {8,}CREATED BY {3}SIZE {6}COMMENT\n[0-9a-f]{12} {3}.+ ago {16}4\.36MB {4}Imported from -\n$/);
    run(sim, 'docker pull alpine');
    expect(run(sim, 'docker history alpine')).toBe("vethlab: docker history is a real command, but alpine's build steps are not recorded here\n[exit 1]\n");
  });

  it('a line with one of these commands loads the part that answers it, beside the program of the same name', () => {
    expect(partsForLine('docker cp keep:/etc/hostname /tmp/x')).toEqual(expect.arrayContaining(['inspect', 'tools']));
    expect(partsForLine('docker system df')).toContain('inspect');
    expect(partsForLine('docker run -d busybox sleep 1')).not.toContain('inspect');
  });
});

describe('docker logs and time', () => {
  it('-t dates each line when it was written, --since/--until count back from now, -f says the terminal stops', () => {
    const sim = new Simulator();
    run(sim, "docker run -d --name lg busybox sh -c 'echo one; sleep 20; echo two; sleep 1000'");
    const started = sim.engine.kernel.now;
    run(sim, 'sleep 30');
    const stamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}.${String(ms % 1000).padStart(3, '0')}000000Z`;
    const lines = run(sim, 'docker logs -t lg').split('\n');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z one$/);
    // "two" was written when the sleep of 20 s ended, not when docker logs asked.
    expect(lines[1]).toBe(`${stamp(Date.parse(lines[0]!.slice(0, 24)) + 20_000)} two`);
    expect(Date.parse(lines[0]!.slice(0, 24))).toBeLessThanOrEqual(started);
    expect(run(sim, 'docker logs --since 15s lg')).toBe('two\n');
    expect(run(sim, 'docker logs --until 15s lg')).toBe('one\n');
    expect(run(sim, 'docker logs -f lg')).toBe('one\ntwo\nvethlab: docker logs -f would go on following lg; this terminal stops here (run it again for new lines)\n');
  });
});
