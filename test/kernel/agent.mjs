// The in-namespace agent of the kernel differential (test/kernel/real.ts).
// One runs per network namespace of a world, started as
// `ip netns exec NS node agent.mjs`. It reads JSON requests, one per line, on
// stdin and writes one JSON answer per line on stdout ({ id, ... }). It owns the
// namespace's listeners (TCP servers, UDP echo sockets), runs probes from the
// namespace, resets conntrack and ARP between probes, and runs commands there.
// It exits when stdin closes, so a dead test run never leaves it behind.
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pingArgv, pingResult } from './ping-result.mjs';

const UDP_PROBE = fileURLToPath(new URL('./udp-probe.pl', import.meta.url));

/** UDP datagrams our listeners received since the last reset: token -> source address. */
const received = new Map();
/** Peers our TCP listeners accepted since the last reset. */
let accepted = [];
const servers = [];

function run(argv, timeoutMs = 10000) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: stderr + String(err) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 128, stdout, stderr });
    });
  });
}

/** A number from a /proc file; undefined when it does not exist (e.g. no conntrack in this namespace). */
function readNumber(path) {
  try {
    return Number(readFileSync(path, 'utf8').trim());
  } catch {
    return undefined;
  }
}

/** Entries of the ARP table (any state), from /proc/net/arp. */
function arpEntries() {
  try {
    return readFileSync('/proc/net/arp', 'utf8').trim().split('\n').length - 1;
  } catch {
    return 1;
  }
}

function localAddresses() {
  const out = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' || a.family === 4) out.push(a.address);
  }
  return out;
}

function bindUdp(address, port) {
  return new Promise((resolve) => {
    const sock = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    sock.on('error', (err) => resolve(String(err)));
    sock.on('message', (msg, rinfo) => {
      received.set(msg.toString(), rinfo.address);
      sock.send(msg, rinfo.port, rinfo.address, () => {});
    });
    sock.bind({ address, port }, () => {
      servers.push(sock);
      resolve(true);
    });
  });
}

function listen({ proto, address, port }) {
  return new Promise((resolve) => {
    if (proto === 'tcp') {
      const server = net.createServer((sock) => {
        accepted.push(sock.remoteAddress);
        sock.on('error', () => {});
        sock.end();
      });
      server.on('error', (err) => resolve({ ok: false, error: String(err) }));
      server.listen({ host: address, port, backlog: 64 }, () => {
        servers.push(server);
        resolve({ ok: true });
      });
    } else if (proto === 'udp') {
      // A socket bound to 0.0.0.0 answers from the route's source address, which a
      // connected client drops when it sent to another address of ours. Like a
      // server using IP_PKTINFO, bind each local address too (the more specific
      // socket wins) so the echo leaves from the address the datagram reached.
      const addrs = address === '0.0.0.0' ? ['0.0.0.0', ...localAddresses()] : [address];
      Promise.all(addrs.map((a) => bindUdp(a, port))).then((results) => {
        const bad = results.find((r) => r !== true);
        resolve(bad === undefined ? { ok: true } : { ok: false, error: bad });
      });
    } else {
      resolve({ ok: false, error: `cannot listen on ${proto}` });
    }
  });
}

/** Is there a route to dst from here? A UDP connect() does the lookup and nothing else. */
function hasRoute(dst, src) {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const done = (v) => {
      try {
        sock.close();
      } catch {
        // already closed
      }
      resolve(v);
    };
    sock.on('error', (err) => done(err.code !== 'ENETUNREACH'));
    const go = () => sock.connect(9, dst, (err) => done(!err || err.code !== 'ENETUNREACH'));
    if (src) sock.bind({ address: src, port: 0 }, go);
    else go();
  });
}

async function ping(req) {
  const r = await run(pingArgv(req));
  return pingResult(r.code, r.stdout, r.stderr);
}

function tcpConnect({ dst, port, src, timeoutMs }) {
  return new Promise((resolve) => {
    const opts = { host: dst, port, family: 4 };
    if (src) opts.localAddress = src;
    const sock = net.connect(opts);
    let settled = false;
    const finish = (observed, detail) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.removeAllListeners('connect');
      sock.on('error', () => {});
      sock.destroy();
      resolve({ observed, detail });
    };
    const timer = setTimeout(() => finish('timeout', 'connect timed out'), timeoutMs);
    // Wait for the server's FIN (it closes at once) so the flow ends cleanly, then close.
    sock.on('connect', () => {
      clearTimeout(timer);
      const close = setTimeout(() => finish('reply', 'connected'), 200);
      sock.on('end', () => {
        clearTimeout(close);
        finish('reply', 'connected');
      });
      sock.resume();
    });
    sock.on('error', async (err) => {
      const code = err.code ?? String(err);
      if (code === 'ECONNREFUSED') return finish('refused', code);
      if (code === 'ENETUNREACH') return finish((await hasRoute(dst, src)) ? 'unreachable' : 'no-route', code);
      if (code === 'EPERM') return finish('timeout', code);
      return finish('unreachable', code);
    });
  });
}

async function udpSend({ dst, port, src, token, timeoutMs }) {
  const r = await run(['perl', UDP_PROBE, dst, String(port), src ?? '-', token, String(timeoutMs)]);
  const line = r.stdout.trim() || `error perl:${r.code}:${r.stderr.trim()}`;
  const [head, errno] = line.split(' ');
  if (head === 'reply') return { observed: 'reply', detail: line };
  if (head === 'noroute') return { observed: 'no-route', detail: line };
  if (head === 'timeout') return { observed: 'timeout', detail: line };
  if (errno === 'ECONNREFUSED') return { observed: 'refused', detail: line };
  if (errno === 'ENETUNREACH') return { observed: (await hasRoute(dst, src)) ? 'unreachable' : 'no-route', detail: line };
  return { observed: 'unreachable', detail: line };
}

async function probe(req) {
  const t0 = Date.now();
  let r;
  if (req.kind === 'icmp-echo') r = await ping(req);
  else if (req.kind === 'tcp-connect') r = await tcpConnect(req);
  else if (req.kind === 'udp-send') r = await udpSend(req);
  else r = { observed: 'timeout', detail: `unknown probe kind ${req.kind}` };
  return { ...r, ms: Date.now() - t0 };
}

async function handle(req) {
  switch (req.op) {
    case 'hello':
      return { ok: true, pid: process.pid };
    case 'listen':
      return listen(req);
    case 'probe':
      return probe(req);
    case 'seen': {
      if (req.proto === 'udp') return received.has(req.token) ? { from: received.get(req.token) } : {};
      return accepted.length > 0 ? { from: accepted[accepted.length - 1] } : {};
    }
    case 'reset': {
      received.clear();
      accepted = [];
      // Spawning costs ~10 ms of CPU: only flush what has entries (/proc/net is this namespace's).
      const jobs = [];
      if (readNumber('/proc/sys/net/netfilter/nf_conntrack_count') !== 0) jobs.push(run(['conntrack', '-F']));
      if (arpEntries() > 0) jobs.push(run(['ip', 'neigh', 'flush', 'all']));
      const codes = await Promise.all(jobs);
      return { ok: codes.every((c) => c.code === 0), flushed: jobs.length };
    }
    case 'exec':
      return run(req.argv, req.timeoutMs ?? 10000);
    default:
      return { error: `unknown op ${req.op}` };
  }
}

const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  if (!line.trim()) return;
  let req;
  try {
    req = JSON.parse(line);
  } catch {
    return;
  }
  handle(req).then(
    (res) => process.stdout.write(`${JSON.stringify({ id: req.id, ...res })}\n`),
    (err) => process.stdout.write(`${JSON.stringify({ id: req.id, error: String(err) })}\n`),
  );
});
rl.on('close', () => {
  for (const s of servers) {
    try {
      s.close();
    } catch {
      // closing anyway
    }
  }
  process.exit(0);
});
