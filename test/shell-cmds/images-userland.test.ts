import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const sh = (sim: Simulator, line: string) => sim.runScriptLine(line);
const notFound = (name: string) => ({ stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH\n`, exitCode: 127 });

function playground(): Simulator {
  const sim = new Simulator({ images: 'playground' });
  sh(sim, 'docker network create appnet');
  for (const [name, image] of [['web', 'nginx'], ['al', 'alpine'], ['ub', 'ubuntu'], ['py', 'python']]) {
    expect(sh(sim, `docker run -itd --name ${name} --network appnet ${image}`).exitCode).toBe(0);
  }
  return sim;
}

describe('what a container can run depends on its image', () => {
  it('ubuntu has bash, dash and coreutils but no ping, ip or curl', () => {
    const sim = playground();
    expect(sh(sim, 'docker exec ub ping -c 1 web')).toMatchObject(notFound('ping'));
    expect(sh(sim, 'docker exec ub ip addr')).toMatchObject(notFound('ip'));
    expect(sh(sim, 'docker exec ub curl web')).toMatchObject(notFound('curl'));
    expect(sh(sim, 'docker exec ub bash -c nosuch')).toMatchObject({ stdout: '', stderr: 'bash: line 1: nosuch: command not found\n', exitCode: 127 });
    expect(sh(sim, 'docker exec ub sh -c nosuch')).toMatchObject({ stdout: '', stderr: 'sh: 1: nosuch: not found\n', exitCode: 127 });
    expect(sh(sim, 'docker exec ub sh -c "ping web"')).toMatchObject({ stderr: 'sh: 1: ping: not found\n', exitCode: 127 });
    expect(sh(sim, 'docker exec ub /usr/bin/ping')).toMatchObject({ stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/usr/bin/ping": stat /usr/bin/ping: no such file or directory\n', exitCode: 127 });
    expect(sh(sim, 'docker exec ub ls /nosuch')).toMatchObject({ stderr: "ls: cannot access '/nosuch': No such file or directory\n", exitCode: 2 });
    expect(sh(sim, 'docker exec ub sleep')).toMatchObject({ stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 });
    expect(sh(sim, 'docker exec ub grep ^PRETTY /etc/os-release').stdout).toBe('PRETTY_NAME="Ubuntu 26.04.1 LTS"\n');
    expect(sh(sim, 'docker exec ub tail -1 /etc/passwd').stdout).toBe('ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n');
  });

  it('alpine has busybox applets (no OpenBSD nc, no httpd) and ash as sh', () => {
    const sim = playground();
    const ping = sh(sim, 'docker exec al ping -c 1 -W 1 web');
    expect(ping.exitCode).toBe(0);
    expect(ping.stdout.split('\n')[0]).toBe('PING web (172.18.0.2): 56 data bytes');
    expect(sh(sim, 'docker exec al nslookup web').exitCode).toBe(0);
    expect(sh(sim, 'docker exec al sh -c nosuch')).toMatchObject({ stderr: 'sh: nosuch: not found\n', exitCode: 127 });
    expect(sh(sim, 'docker exec al httpd')).toMatchObject(notFound('httpd'));
    expect(sh(sim, 'docker exec al cat /nosuch')).toMatchObject({ stderr: "cat: can't open '/nosuch': No such file or directory\n", exitCode: 1 });
    expect(sh(sim, 'docker exec al cat /etc/alpine-release').stdout).toBe('3.24.2\n');
    expect(sh(sim, 'docker exec al head -1 /etc/os-release').stdout).toBe('NAME="Alpine Linux"\n');
    // busybox nc even outside a shell: `nc -h` is busybox's usage, not OpenBSD's.
    expect(sh(sim, 'docker exec al nc').stderr).toContain('Usage: nc [-iN] [-wN] [-l] [-p PORT]');
  });

  it('python has curl, GNU wget and ps; nginx has curl and nginx', () => {
    const sim = playground();
    expect(sh(sim, 'docker exec py curl -s web').stdout).toContain('<title>Welcome to nginx!</title>');
    const wget = sh(sim, 'docker exec py wget -O - web');
    expect(wget.exitCode).toBe(0);
    expect(wget.stderr).toContain('HTTP request sent, awaiting response... 200 OK\nLength: 896 [text/html]\n');
    expect(sh(sim, 'docker exec py ps -e').stdout).toContain('      1 ?        00:00:00 python3\n');
    expect(sh(sim, 'docker exec py nc web 80')).toMatchObject(notFound('nc'));
    expect(sh(sim, 'docker exec py env').stdout).toContain('PYTHON_VERSION=3.14.7\n');
    expect(sh(sim, 'docker exec web wget web')).toMatchObject(notFound('wget'));
    expect(sh(sim, 'docker exec web nginx -v')).toMatchObject({ stdout: '', stderr: 'nginx version: nginx/1.31.6\n', exitCode: 0 });
    expect(sh(sim, 'docker exec web grep ^nginx /etc/passwd').stdout).toBe('nginx:x:101:101:nginx user:/nonexistent:/bin/false\n');
    expect(sh(sim, 'docker exec web grep VERSION_CODENAME /etc/os-release').stdout).toBe('VERSION_CODENAME=trixie\n');
  });
});

describe("nginx's server", () => {
  it('serves its welcome page from the container’s /usr/share/nginx/html, with nginx’s headers', () => {
    const sim = playground();
    const raw = sh(sim, 'docker exec al sh -c "echo GET / HTTP/1.0 | nc web 80"').stdout;
    const [head, body] = raw.split('\r\n\r\n');
    expect(head!.split('\r\n')).toEqual([
      'HTTP/1.1 200 OK',
      'Server: nginx/1.31.6',
      expect.stringMatching(/^Date: \w{3}, \d\d \w{3} 2026 \d\d:\d\d:\d\d GMT$/),
      'Content-Type: text/html',
      'Content-Length: 896',
      'Last-Modified: Tue, 15 Sep 2026 22:48:33 GMT',
      'Connection: close',
      'ETag: "6aa9cb41-380"',
      'Accept-Ranges: bytes',
    ]);
    expect(body).toContain('<h1>Welcome to nginx!</h1>\n<p>If you see this page, nginx is successfully installed and working.\n');
    sh(sim, 'docker exec web sh -c "echo hello > /usr/share/nginx/html/hi.txt"');
    expect(sh(sim, 'docker exec py curl -s web/hi.txt').stdout).toBe('hello\n');
  });

  it('answers a missing page with its 404 page', () => {
    const sim = playground();
    const raw = sh(sim, 'docker exec al sh -c "echo GET /nope HTTP/1.1 | nc web 80"').stdout;
    const [head, body] = raw.split('\r\n\r\n');
    expect(head!.split('\r\n').filter((l) => !l.startsWith('Date:'))).toEqual(['HTTP/1.1 404 Not Found', 'Server: nginx/1.31.6', 'Content-Type: text/html', 'Content-Length: 153', 'Connection: keep-alive']);
    expect(body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.31.6</center>\r\n</body>\r\n</html>\r\n');
    expect(sh(sim, 'docker exec al wget -qO- web/nope')).toMatchObject({ stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n', exitCode: 1 });
  });
});
