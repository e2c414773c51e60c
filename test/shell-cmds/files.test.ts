import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/shell/simulator.ts';

const sh = (sim: Simulator, line: string) => sim.runScriptLine(line);

describe('files in containers and on the host', () => {
  it('lists the rig image’s tree and Docker’s mounted files (golden 29)', () => {
    const sim = new Simulator();
    sh(sim, 'docker run -itd --name cc busybox');
    expect(sh(sim, 'docker exec cc ls /').stdout).toBe('bin\ndev\netc\nproc\nroot\nsys\ntmp\nusr\nwww\n');
    expect(sh(sim, 'docker exec cc ls /etc').stdout).toBe('group\nhostname\nhosts\nmtab\nnsswitch.conf\npasswd\nresolv.conf\n');
    expect(sh(sim, 'docker exec cc ls /nope')).toMatchObject({ stderr: 'ls: /nope: No such file or directory\n', exitCode: 1 });
    expect(sh(sim, 'ls /nope')).toMatchObject({ stderr: "ls: cannot access '/nope': No such file or directory\n", exitCode: 2 });
    expect(sh(sim, 'docker exec cc cat /tmp')).toMatchObject({ stderr: 'cat: read error: Is a directory\n', exitCode: 1 });
    expect(sh(sim, 'docker exec cc cat /proc/sys/net/ipv6/conf/all/disable_ipv6').stdout).toBe('0\n');
    expect(sh(sim, 'docker exec cc cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6').stdout).toBe('1\n');
  });

  it('keeps what a container writes in its own layer, across a restart, and not in another container', () => {
    const sim = new Simulator();
    sh(sim, 'docker run -itd --name ka busybox');
    sh(sim, 'docker run -itd --name kb busybox');
    expect(sh(sim, `docker exec ka sh -c 'echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f'`).stdout).toBe('one\ntwo\n');
    expect(sh(sim, 'docker exec kb cat /tmp/f')).toMatchObject({ stderr: "cat: can't open '/tmp/f': No such file or directory\n", exitCode: 1 });
    sh(sim, 'docker restart ka');
    expect(sh(sim, 'docker exec ka cat /tmp/f').stdout).toBe('one\ntwo\n');
    expect(sh(sim, `docker exec ka sh -c 'echo x > /nodir/f'`)).toMatchObject({ stderr: "sh: can't create /nodir/f: nonexistent directory\n", exitCode: 1 });
    expect(sh(sim, 'docker exec ka rm /tmp/f').exitCode).toBe(0);
    expect(sh(sim, 'docker exec ka rm /www/index.html').exitCode).toBe(0);
    expect(sh(sim, 'docker exec ka ls /www').stdout).toBe('');
    expect(sh(sim, 'docker exec ka mkdir /tmp')).toMatchObject({ stderr: "mkdir: can't create directory '/tmp': File exists\n", exitCode: 1 });
  });

  it('saves wget downloads where -O or the working directory says (golden 04, 29)', () => {
    const sim = new Simulator();
    sh(sim, 'docker network create appnet');
    sh(sim, 'docker run -d --name web --network appnet httpd');
    sh(sim, 'docker run -itd --name cc --network appnet busybox');
    expect(sh(sim, 'docker exec cc wget -O /tmp/index.html http://web/').stderr).toBe(
      "Connecting to web (172.18.0.2:80)\nsaving to '/tmp/index.html'\nindex.html           100% |********************************|   45  0:00:00 ETA\n'/tmp/index.html' saved\n",
    );
    expect(sh(sim, 'docker exec cc cat /tmp/index.html').stdout).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(sh(sim, `docker exec cc sh -c 'cd /root && wget -q http://web/ && ls'`).stdout).toBe('index.html\n');
  });

  it('serves what the web container’s files hold', () => {
    const sim = new Simulator();
    sh(sim, 'docker run -d --name web httpd');
    sh(sim, 'docker run -itd --name cc busybox');
    sh(sim, `docker exec web sh -c 'echo hello > /www/hello.txt'`);
    expect(sh(sim, 'docker exec cc wget -qO- http://172.17.0.2/hello.txt').stdout).toBe('hello\n');
    expect(sh(sim, 'docker exec cc wget -qO- http://172.17.0.2/nope')).toMatchObject({ stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n', exitCode: 1 });
  });
});

describe('redis over nc and redis-cli (seed 01, golden 01, 02, 26)', () => {
  function world() {
    const sim = new Simulator();
    sh(sim, 'docker run -d --name redis redis');
    sh(sim, 'docker run -itd --name app --link redis:db busybox');
    return sim;
  }

  it('answers PING, SET and GET written by busybox nc inside sh -c', () => {
    const sim = world();
    expect(sh(sim, `docker exec app sh -c 'echo PING | nc db 6379'`)).toMatchObject({ stdout: '+PONG\r\n', exitCode: 0 });
    expect(sh(sim, `docker exec app sh -c 'echo "SET data_key data_value" | nc 172.17.0.2 6379'`).stdout).toBe('+OK\r\n');
    expect(sh(sim, `docker exec app sh -c 'echo "GET data_key" | nc $DB_PORT_6379_TCP_ADDR $DB_PORT_6379_TCP_PORT'`).stdout).toBe('$10\r\ndata_value\r\n');
    expect(sh(sim, `docker exec app sh -c 'echo PING | nc 172.17.0.2 6380'`)).toMatchObject({ stderr: "nc: can't connect to remote host (172.17.0.2): Connection refused\n", exitCode: 1 });
    expect(sh(sim, `docker exec app sh -c 'nc -z db 6379'`).stderr.split('\n')[0]).toBe("nc: invalid option -- 'z'");
  });

  it('runs redis-cli in the redis container, sharing the server’s keys', () => {
    const sim = world();
    expect(sh(sim, 'docker exec redis redis-cli set greeting hello').stdout).toBe('OK\n');
    expect(sh(sim, 'docker exec redis redis-cli get greeting').stdout).toBe('hello\n');
    expect(sh(sim, `docker exec app sh -c 'echo "GET greeting" | nc db 6379'`).stdout).toBe('$5\r\nhello\r\n');
    expect(sh(sim, 'docker exec redis redis-cli get nothing').stdout).toBe('\n');
    expect(sh(sim, 'docker exec redis redis-cli nosuch x').stdout).toBe("ERR unknown command 'nosuch', with args beginning with: 'x' \n");
    expect(sh(sim, 'docker exec redis redis-cli -h 172.17.0.3 ping')).toMatchObject({ stderr: 'Could not connect to Redis at 172.17.0.3:6379: Connection refused\n', exitCode: 1 });
    expect(sh(sim, 'docker exec app redis-cli ping').exitCode).toBe(127);
  });
});

describe('ps on the docker host (golden 08)', () => {
  it('shows one docker-proxy per published port and address family, gone with its container', () => {
    const sim = new Simulator();
    sh(sim, 'docker run -d --name web -p 8080:80 httpd');
    sh(sim, 'docker run -d --name local -p 127.0.0.1:8081:80 httpd');
    const proxies = () => sh(sim, `ps -eo args | grep docker-proxy | sed 's/-container-port.*//'`).stdout;
    expect(proxies()).toBe(
      [
        '/usr/sbin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 ',
        '/usr/sbin/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 172.17.0.2 ',
        '/usr/sbin/docker-proxy -proto tcp -host-ip 127.0.0.1 -host-port 8081 -container-ip 172.17.0.3 ',
        '',
      ].join('\n'),
    );
    sh(sim, 'docker rm -f web');
    expect(proxies().split('\n').filter(Boolean)).toHaveLength(1);
    expect(sh(sim, 'ps -o pid,bogus')).toMatchObject({ exitCode: 1 });
    expect(sh(sim, 'docker exec local ps').stdout).toBe('PID   USER     COMMAND\n    1 root     httpd -f -p 80 -h /www\n    7 root     ps\n');
  });
});

describe('GNU wget on the LAN client', () => {
  it('prints the body with -qO- and exits 4 or 8 on failures, silently with -q', () => {
    const sim = new Simulator();
    sh(sim, 'docker run -d --name web -p 8080:80 httpd');
    expect(sh(sim, 'lan$ wget -qO- -T 2 http://192.168.1.108:8080')).toMatchObject({ stdout: '<html><body><h1>It works!</h1></body></html>\n', stderr: '', exitCode: 0 });
    expect(sh(sim, 'lan$ wget -qO- -T 2 http://192.168.1.108:8081')).toMatchObject({ stdout: '', stderr: '', exitCode: 4 });
    expect(sh(sim, 'lan$ wget -qO- http://192.168.1.108:8080/nope')).toMatchObject({ exitCode: 8 });
    const verbose = sh(sim, 'lan$ wget -O- http://192.168.1.108:8081');
    expect(verbose.stderr).toMatch(/^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d-- {2}http:\/\/192\.168\.1\.108:8081\/\nConnecting to 192\.168\.1\.108:8081\.\.\. failed: Connection refused\.\n$/);
    expect(sh(sim, 'lan$ wget -q http://192.168.1.108:8080/ && cat index.html').stdout).toBe('<html><body><h1>It works!</h1></body></html>\n');
  });
});
