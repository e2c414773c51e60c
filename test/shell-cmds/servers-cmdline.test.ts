/**
 * Servers started by command lines, beyond what goldens 53 and 55 record: a script
 * that waits in a server and goes on after each client, redis-server's own port,
 * what a terminal says of a server it cannot wait for, and the places a server
 * cannot wait (a command substitution).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const sh = (sim: Simulator, line: string) => sim.runScriptLine(line);

describe('servers from command lines', () => {
  it('a while loop around nc -l answers one client per turn and counts them', () => {
    const sim = new Simulator();
    sh(sim, `docker run -d --name loop busybox sh -c 'n=0; while [ $n -lt 2 ]; do n=$((n+1)); printf "HTTP/1.0 200 OK\\r\\n\\r\\nturn $n\\n" | nc -l -p 8080 >/dev/null; done; echo served $n'`);
    sh(sim, 'docker run -itd --name client busybox');
    expect(sh(sim, 'docker exec client wget -qO- -T 2 http://172.17.0.2:8080/').stdout).toBe('turn 1\n');
    expect(sh(sim, 'docker exec client wget -qO- -T 2 http://172.17.0.2:8080/').stdout).toBe('turn 2\n');
    // The loop ended after its second client: the script printed its last line and the container exited 0.
    expect(sh(sim, 'docker logs loop').stdout).toBe('served 2\n');
    expect(sh(sim, "docker ps -a --filter name=loop --format '{{.Status}}'").stdout).toMatch(/^Exited \(0\)/);
    expect(sh(sim, 'docker exec client wget -qO- -T 2 http://172.17.0.2:8080/')).toMatchObject({ exitCode: 1 });
  });

  it('a background job keeps its socket after the script that started it ends', () => {
    const sim = new Simulator();
    sh(sim, 'docker run -itd --name box busybox');
    expect(sh(sim, "docker exec box sh -c 'nc -l -p 7000 > /tmp/got & echo started'")).toMatchObject({ stdout: 'started\n', exitCode: 0 });
    expect(sh(sim, 'docker exec box netstat -tln').stdout).toContain(':::7000');
    sh(sim, "docker exec box sh -c 'echo hello | nc 127.0.0.1 7000'");
    expect(sh(sim, 'docker exec box cat /tmp/got').stdout).toBe('hello\n');
    // One client, and nc -l is gone.
    expect(sh(sim, 'docker exec box netstat -tln').stdout).not.toContain(':::7000');
  });

  it('redis-server --port listens where it is told, and clients follow', () => {
    const sim = new Simulator({ images: 'playground' });
    expect(sh(sim, 'docker run -d --name r7 redis:7 redis-server --port 7000 --appendonly yes').exitCode).toBe(0);
    expect(sh(sim, 'docker exec r7 redis-cli -p 7000 set k v').stdout).toBe('OK\n');
    expect(sh(sim, 'docker exec r7 redis-cli -p 7000 get k').stdout).toBe('v\n');
    expect(sh(sim, 'docker exec r7 redis-cli ping')).toMatchObject({ stderr: 'Could not connect to Redis at 127.0.0.1:6379: Connection refused\n', exitCode: 1 });
    // A setting that changes what clients meet is refused, not ignored: the container exits with the reason in its log.
    sh(sim, 'docker run -d --name locked redis:7 redis-server --requirepass secret');
    expect(sh(sim, 'docker logs locked').stdout).toBe("vethlab: redis-server's requirepass setting is not modelled\n");
  });

  it('a terminal that starts a server in the foreground says it goes on in the background', () => {
    const sim = new Simulator();
    sh(sim, 'docker run -itd --name box busybox');
    expect(sh(sim, 'docker exec box nc -l -p 7001')).toMatchObject({ stdout: '', stderr: 'vethlab: nc keeps running in box (the terminal does not wait for it, as with exec -d)\n', exitCode: 0 });
    expect(sh(sim, 'docker exec box netstat -tln').stdout).toContain('0.0.0.0:7001');
    expect(sh(sim, 'docker exec -d box nc -l -p 7002')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('a server cannot wait inside $(...): one honest line, and the script goes on', () => {
    const sim = new Simulator();
    sh(sim, 'docker run -itd --name box busybox');
    const out = sh(sim, `docker exec box sh -c 'x=$(nc -l -p 7003); echo after'`);
    expect(out.stdout).toBe('after\n');
    expect(out.stderr).toBe('vethlab: nc would wait for clients here; only a script\'s own commands can (not $(...))\n');
  });

  it('two servers cannot share a port', () => {
    const sim = new Simulator();
    sh(sim, 'docker run -d --name web busybox httpd -f -p 8080');
    expect(sh(sim, 'docker exec web httpd -p 8080')).toMatchObject({ stderr: 'httpd: bind: Address already in use\n', exitCode: 1 });
    expect(sh(sim, 'docker exec web httpd -p 8081')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(sh(sim, 'docker exec web netstat -tln').stdout).toContain(':::8081');
  });

  // Texts from CPython's Lib/http/server.py (3.12): list_directory, log_message, DEFAULT_ERROR_MESSAGE.
  it('python3 -m http.server serves its directory, logs each request on stderr, and buffers its banner', () => {
    const sim = new Simulator({ images: 'playground' });
    sh(sim, 'docker network create web');
    sh(sim, 'docker run -d --name files --network web python:3.12-slim python3 -m http.server 8000 --directory /etc');
    sh(sim, 'docker run -itd --name client --network web busybox');
    expect(sh(sim, 'docker exec client wget -qO- -T 2 http://files:8000/hostname').stdout).toBe(`${sh(sim, 'docker exec files cat /etc/hostname').stdout}`);
    expect(sh(sim, 'docker exec client wget -qO- -T 2 http://files:8000/nosuch')).toMatchObject({ stderr: 'wget: server returned error: HTTP/1.0 404 File not found\n', exitCode: 1 }); // http.server's send_error(404, 'File not found'), as HTTP/1.0
    const listing = sh(sim, 'docker exec client wget -qO- -T 2 http://files:8000/').stdout;
    expect(listing.split('\n').slice(0, 10)).toEqual(['<!DOCTYPE HTML>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<title>Directory listing for /</title>', '</head>', '<body>', '<h1>Directory listing for /</h1>', '<hr>', '<ul>']);
    expect(listing).toContain('<li><a href="hostname">hostname</a></li>');
    const logs = sh(sim, 'docker logs files').stdout.split('\n');
    expect(logs[0]).toMatch(/^172\.18\.0\.3 - - \[\d\d\/\w{3}\/\d{4} \d\d:\d\d:\d\d\] "GET \/hostname HTTP\/1\.1" 200 -$/);
    expect(logs[1]).toMatch(/\] code 404, message File not found$/);
    // The banner goes to a block-buffered stdout: docker logs shows it only unbuffered.
    expect(logs.join('\n')).not.toContain('Serving HTTP');
    sh(sim, 'docker run -d --name unbuf -e PYTHONUNBUFFERED=1 python:3.12-slim python3 -m http.server');
    expect(sh(sim, 'docker logs unbuf').stdout).toBe('Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n');
  });
});
