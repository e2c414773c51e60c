/**
 * Gaps the tutorials of issue 11 met when pasted unchanged (test/tutorials/):
 * a client container kept up with `sleep infinity` in Alpine (busybox's sleep, also in
 * golden busybox-sleep-inf), Alpine's busybox nc checking a port with `-zv` (nc_bloaty,
 * busybox networking/nc_bloaty.c, nc_main: `HOST (IP:PORT) open`, a refusal said only with
 * -vv), and an image vethlab has no model of, which says so instead of exiting silently.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';
import { transcript } from '../shell/helpers.ts';

const run = (sim: Simulator, line: string) => transcript(sim.runScriptLine(line));

function alpineClient(): Simulator {
  const sim = new Simulator({ images: 'playground' });
  run(sim, 'docker network create mynet');
  run(sim, 'docker run -d --name web --network mynet nginx');
  run(sim, 'docker run -d --name client --network mynet alpine sleep infinity');
  return sim;
}

describe('sleep infinity in busybox images', () => {
  it('keeps an Alpine client container up, as the rig shows for busybox 1.35', () => {
    const sim = alpineClient();
    run(sim, 'sleep 3600');
    expect(run(sim, "docker ps --format '{{.Names}} {{.Status}}'")).toBe('client Up About an hour\nweb Up About an hour\n');
  });

  it('in the foreground it would never end, and says so; a word that is not inf... is still an invalid number', () => {
    const sim = alpineClient();
    expect(run(sim, 'docker exec client sleep INF 2')).toBe('vethlab: sleep INF 2 would never end here\n[exit 1]\n');
    expect(run(sim, 'docker exec client sleep forever')).toBe("sleep: invalid number 'forever'\n[exit 1]\n");
  });

  it('GNU sleep (Debian images) takes inf and infinity in any case, but refuses any other word first', () => {
    const sim = new Simulator({ images: 'playground' });
    run(sim, 'docker run -d --name ub ubuntu sleep INF');
    run(sim, 'sleep 60');
    expect(run(sim, "docker ps --format '{{.Names}} {{.Status}}'")).toBe('ub Up About a minute\n');
    expect(run(sim, 'docker exec ub sleep infinity x')).toContain("sleep: invalid time interval \u2018x\u2019\n");
  });
});

describe("Alpine's busybox nc -z (nc_bloaty)", () => {
  it('-zv says the port is open, with the address and port it connected to', () => {
    const sim = alpineClient();
    expect(run(sim, 'docker exec client nc -zv web 80')).toBe('web (172.18.0.2:80) open\n');
    expect(run(sim, 'docker exec client nc -z web 80')).toBe('');
  });

  it('a refused port fails in silence with one -v, and is named with -vv and the byte counts', () => {
    const sim = alpineClient();
    expect(run(sim, 'docker exec client nc -zv web 81')).toBe('[exit 1]\n');
    expect(run(sim, 'docker exec client nc -zvv web 81')).toBe('nc: web (172.18.0.2:81): Connection refused\nsent 0, rcvd 0\n[exit 1]\n');
  });

  it('a silent address times out with -w, and a name that does not resolve is a bad address', () => {
    const sim = alpineClient();
    expect(run(sim, 'docker exec client nc -zv -w 1 10.9.9.9 80')).toBe('nc: 10.9.9.9 (10.9.9.9:80): Connection timed out\n[exit 1]\n');
    expect(run(sim, 'docker exec client nc -zv nosuch 80')).toBe("nc: bad address 'nosuch'\n[exit 1]\n");
  });

  it('-v without -z says open before the answer, then passes the data', () => {
    const sim = alpineClient();
    const out = run(sim, "docker exec client sh -c 'printf \"GET / HTTP/1.0\\r\\n\\r\\n\" | nc -v web 80'");
    expect(out.startsWith('web (172.18.0.2:80) open\nHTTP/1.1 200 OK\r\n')).toBe(true);
  });
});

describe('an image the catalog does not know', () => {
  it('runs busybox sh in its place and says so in its logs and on an attached run', () => {
    const sim = new Simulator({ images: 'playground' });
    run(sim, 'docker pull wordpress');
    const note = "vethlab: the image wordpress is not modelled here: its container runs busybox sh instead of the image's own program\n";
    run(sim, 'docker run -d --name wp -p 8080:80 wordpress');
    expect(run(sim, 'docker logs wp')).toBe(note);
    expect(run(sim, 'docker run --rm wordpress')).toBe(note);
    // A command of the user's own is what runs, with no note.
    expect(run(sim, 'docker run --rm wordpress echo hi')).toBe('hi\n');
  });

  it('a program the stand-in lacks is not said to be missing from the real image (nicolaka/netshoot has ss)', () => {
    const sim = new Simulator({ images: 'playground' });
    run(sim, 'docker pull nicolaka/netshoot');
    run(sim, 'docker run -d --name shoot nicolaka/netshoot sleep infinity');
    expect(run(sim, 'docker exec shoot ss -tlnp')).toBe('vethlab: the image nicolaka/netshoot is not modelled here: its container has a busybox userland in its place, without ss\n[exit 127]\n');
    // Known images keep the runtime's own answer.
    run(sim, 'docker run -d --name al alpine sleep infinity');
    expect(run(sim, 'docker exec al ss -tlnp')).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "ss": executable file not found in $PATH\n[exit 127]\n');
  });
});

describe('pip install -r requirements.txt (the Flask tutorial\'s Dockerfile)', () => {
  it('installs what the file lists, each named with the line it came from (pip req_file.py, InstallRequirement.from_path)', () => {
    const sim = new Simulator({ images: 'playground' });
    run(sim, 'docker run -d --name py -w /code python:3.10-alpine sleep infinity');
    run(sim, "docker exec py sh -c 'printf \"# the app\\nflask\\n\\nredis>=5  # cache\\n\" > requirements.txt'");
    const out = run(sim, 'docker exec py pip install -r requirements.txt');
    expect(out).toContain('Collecting flask (from -r requirements.txt (line 2))\n');
    expect(out).toContain('Collecting blinker>=1.9.0 (from flask->-r requirements.txt (line 2))\n');
    expect(out).toContain('Collecting redis>=5 (from -r requirements.txt (line 4))\n');
    expect(out).toContain('Successfully installed blinker-1.9.0 click-8.2.1 flask-3.1.1 itsdangerous-2.2.0 jinja2-3.1.6 markupsafe-3.0.2 redis-6.2.0 werkzeug-3.1.3\n');
    expect(run(sim, 'docker exec py pip install -r nosuch.txt')).toBe("ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'nosuch.txt'\n[exit 1]\n");
  });
});

describe('a package the simulated mirror lacks', () => {
  it("keeps apk's answer and says the real mirror may have it", () => {
    const sim = new Simulator({ images: 'playground' });
    run(sim, 'docker run -d --name al alpine sleep infinity');
    expect(run(sim, 'docker exec al apk add --no-cache gcc musl-dev')).toContain('  musl-dev (no such package):\n    required by: world[musl-dev]\nvethlab: the simulated mirror serves only the packages vethlab models (docs/images.md); the real one may have gcc, musl-dev\n[exit 1]\n');
  });
});

describe("what RUN pip install leaves in an image", () => {
  it('the distributions and their console scripts; a container of it finds flask and says it does not run it', () => {
    const sim = new Simulator({ images: 'playground' });
    run(sim, 'mkdir -p /srv/app');
    run(sim, "printf 'flask\\n' > /srv/app/requirements.txt");
    run(sim, "printf 'FROM python:3.10-alpine\\nWORKDIR /code\\nCOPY requirements.txt .\\nRUN pip install -r requirements.txt\\nCMD [\"flask\", \"run\"]\\n' > /srv/app/Dockerfile");
    expect(run(sim, 'cd /srv/app && docker build -q -t app .')).toContain('sha256:');
    expect(run(sim, 'docker run --rm app pip list')).toContain('flask        3.1.1\n');
    expect(run(sim, 'docker run --rm app ls /usr/local/bin')).toContain('flask\n');
    // apk's own list is untouched by pip's distributions.
    expect(run(sim, 'docker run --rm app apk info')).not.toContain('flask');
    run(sim, 'docker run -d --name web app');
    expect(run(sim, 'docker logs web')).toBe('vethlab: flask is not modelled here (the image has /usr/local/bin/flask, but vethlab does not run it)\n');
  });
});
