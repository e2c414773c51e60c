/**
 * What tcpdump 4.99 prints after `length N` for a TCP payload it decodes without -v:
 * print-http.c (ports 80 and 8080, through txtproto_print: ": HTTP", then ": <first line>"
 * when the line starts with a request method or its second word is a 3-digit status) and
 * print-resp.c (port 6379: ": RESP" and each item quoted; a simple string without its
 * CRLF is cut short as `[|resp]`, as the rig's redis stand-in's "+PONG\n" showed).
 * Other ports print nothing more.
 */
const HTTP_PORTS = new Set([80, 8080]);
const REDIS_PORT = 6379;
const HTTP_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT', 'PATCH', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'ORDERPATCH', 'ACL'];

export function payloadSummary(sport: number, dport: number, text: string | undefined): string {
  if (text === undefined) return '';
  if (HTTP_PORTS.has(sport) || HTTP_PORTS.has(dport)) return http(text);
  if (sport === REDIS_PORT || dport === REDIS_PORT) return `: RESP${resp(text)}`;
  return '';
}

function http(text: string): string {
  const end = text.search(/\r?\n/);
  const line = end < 0 ? text : text.slice(0, end);
  const words = line.split(' ');
  const known = HTTP_METHODS.includes(words[0] ?? '') || /^\d\d\d$/.test(words[1] ?? '');
  return known && end >= 0 ? `: HTTP: ${line}` : ': HTTP';
}

/** The items of a RESP message (or an inline command), each as print-resp.c shows it. */
function resp(text: string): string {
  let at = 0;
  let out = '';
  const line = (): string | undefined => {
    const end = text.indexOf('\r\n', at);
    if (end < 0) return undefined;
    const l = text.slice(at + 1, end);
    at = end + 2;
    return l;
  };
  const item = (): boolean => {
    const kind = text[at];
    if (kind === '+' || kind === '-' || kind === ':') {
      const l = line();
      if (l === undefined) return false;
      out += ` "${l}"`;
      return true;
    }
    if (kind === '$') {
      const l = line();
      if (l === undefined) return false;
      const n = Number(l);
      if (n < 0) {
        out += ' null';
        return true;
      }
      const value = text.slice(at, at + n);
      at += n + 2;
      out += ` "${value}"`;
      return true;
    }
    if (kind === '*') {
      const l = line();
      if (l === undefined) return false;
      for (let i = 0; i < Number(l); i++) if (!item()) return false;
      return true;
    }
    // An inline command: its words up to the end of the line.
    const end = text.slice(at).search(/\r?\n/);
    const words = (end < 0 ? text.slice(at) : text.slice(at, at + end)).split(' ').filter((w) => w !== '');
    out += words.map((w) => ` "${w}"`).join('');
    at = end < 0 ? text.length : text.indexOf('\n', at) + 1;
    return true;
  };
  while (at < text.length) if (!item()) return `${out} [|resp]`;
  return out;
}
