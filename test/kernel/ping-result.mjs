// How the kernel differential sends an ICMP echo and reads iputils ping's answer,
// shared by the in-namespace agent (agent.mjs) and real.ts, which runs ping through
// `ip netns exec` in namespaces that need no agent (a Node process costs far more).

/** ping's argv for one echo within timeoutMs (whole seconds, at least 1). */
export function pingArgv({ dst, src, timeoutMs }) {
  const argv = ['ping', '-n', '-c', '1', '-W', String(Math.max(1, Math.round(timeoutMs / 1000)))];
  if (src) argv.push('-I', src);
  argv.push(dst);
  return argv;
}

/** What the echo met, from ping's exit code and output: reply, no-route, unreachable or timeout. */
export function pingResult(code, stdout, stderr) {
  const text = `${stdout}\n${stderr}`;
  const detail = text.trim().split('\n').filter((l) => /icmp_seq|ping:|Unreachable|unreachable|Prohibited|filtered/.test(l)).join(' | ');
  if (code === 0) return { observed: 'reply', detail };
  if (/Network is unreachable/.test(text) && !/From /.test(text)) return { observed: 'no-route', detail };
  if (/From \S+ icmp_seq=\d+ /.test(text)) return { observed: 'unreachable', detail };
  return { observed: 'timeout', detail };
}
