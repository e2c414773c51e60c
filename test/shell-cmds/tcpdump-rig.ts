/**
 * The rig's tcpdump captures (test/fixtures/tcpdump/, see its README) as tests compare them:
 * the packet lines of one command's capture, with what a kernel draws at random replaced.
 */
import { readFileSync } from 'node:fs';

/** The packet lines of the rig's capture while `command` ran (cap.sh prints them after the command's own output). */
export function rigCapture(file: string, command: string): string[] {
  return rigBlock(file, command).split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l));
}

/** Everything the rig printed for `command` (its line included). */
export function rigBlock(file: string, command: string): string {
  const text = readFileSync(new URL(`../fixtures/tcpdump/${file}`, import.meta.url), 'utf8');
  const blocks = text.split(/^\$ /m);
  // A line that ends with `command` first: `netstat -t` is also part of `netstat -tl`'s line.
  const block = blocks.find((b) => b.split('\n')[0]!.endsWith(command)) ?? blocks.find((b) => b.split('\n')[0]!.includes(command));
  if (!block) throw new Error(`no capture of ${command}`);
  return block;
}

/** What a kernel draws at random: times, ephemeral ports, ISNs, TCP timestamps, MACs and echo ids; the rest compares as is. */
export function randomness(lines: string[]): string[] {
  const names = new Map<string, string>();
  const name = (kind: string, value: string) => {
    const key = `${kind}:${value}`;
    if (!names.has(key)) names.set(key, `<${kind}${[...names.keys()].filter((k) => k.startsWith(`${kind}:`)).length}>`);
    return names.get(key)!;
  };
  return lines.map((line) =>
    line
      .replace(/^\d\d:\d\d:\d\d\.\d{6} /, '')
      .replace(/\.(\d{5})\b/g, (_, p: string) => `.${name('PORT', p)}`)
      .replace(/Flags \[S\], seq (\d+)/, (_, n: string) => `Flags [S], seq ${name('ISN', n)}`)
      .replace(/Flags \[S\.\], seq (\d+), ack (\d+)/, (_, n: string, a: string) => `Flags [S.], seq ${name('ISN', n)}, ack ${name('ISN', String(Number(a) - 1))}+1`)
      .replace(/TS val (\d+) ecr (\d+)/g, (_, v: string, e: string) => `TS val ${name('TS', v.slice(0, 3))} ecr ${e === '0' ? '0' : name('TS', e.slice(0, 3))}`)
      .replace(/is-at [0-9a-f:]{17}/, 'is-at <MAC>')
      .replace(/id \d+, seq/, 'id <ID>, seq')
      // A DNS message's id (print-domain.c prints it first).
      .replace(/: \d+(?=\+ |\* | NXDomain| \d+\/\d+\/\d+ )/, ': <DNSID>'),
  );
}

