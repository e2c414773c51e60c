/**
 * `python3 -m http.server [PORT] [--bind ADDR] [--directory DIR]`: CPython's
 * SimpleHTTPRequestHandler (Lib/http/server.py, 3.12/3.13) serving a directory:
 * HTTP/1.0 answers with `Server: SimpleHTTP/0.6 Python/X`, a directory's
 * index.html or its listing, the default error page, and one log line per
 * request on stderr. Its "Serving HTTP on ..." line goes to a block-buffered
 * stdout, so `docker logs` shows it only with `-u` or PYTHONUNBUFFERED.
 */
import type { FileSystem } from './fs.ts';
import { resolvePath } from './fs.ts';
import { bindAll, stillRunning } from './listen.ts';
import type { CommandContext, CommandOutput, Listen, Running, Served } from './types.ts';
import { fail } from './types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** email.utils.formatdate(usegmt=True), as date_time_string sends it. */
const httpDate = (d: Date) => `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`;
/** log_date_time_string: `06/Dec/2026 21:10:00`. */
const logDate = (d: Date) => `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

const TYPES: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'text/javascript', json: 'application/json', png: 'image/png', conf: 'application/octet-stream', py: 'text/x-python', sh: 'application/x-sh' };

/** Lib/http/server.py DEFAULT_ERROR_MESSAGE for 404 "File not found". */
const NOT_FOUND_PAGE = `<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: 404</p>
        <p>Message: File not found.</p>
        <p>Error code explanation: 404 - Nothing matches the given URI.</p>
    </body>
</html>
`;

/** The answer to `python -m http.server ...`, or undefined when argv is another Python program. */
export function pythonHttpServer(argv: string[], ctx: CommandContext, version: string): CommandOutput | undefined {
  const unbuffered = argv.includes('-u') || (ctx.env.PYTHONUNBUFFERED ?? '') !== '';
  const args = argv.filter((a) => a !== '-u');
  if (args[0] !== '-m' || args[1] !== 'http.server') return undefined;
  let port = 8000;
  let bind: string | undefined;
  let directory = ctx.fs.cwd;
  const rest = args.slice(2);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--bind' || a === '-b') bind = rest[++i];
    else if (a.startsWith('--bind=')) bind = a.slice(7);
    else if (a === '--directory' || a === '-d') directory = resolvePath(ctx.fs.cwd, rest[++i] ?? '.');
    else if (a.startsWith('--directory=')) directory = resolvePath(ctx.fs.cwd, a.slice(12));
    else if (/^\d+$/.test(a)) port = Number(a);
    else if (a === '--cgi' || a === '--protocol' || a.startsWith('-')) return fail(`vethlab: python -m http.server ${a} is not modelled\n`, 1);
    else return fail(`usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\nserver.py: error: argument port: invalid int value: '${a}'\n`, 2);
  }
  const address = bind ?? '0.0.0.0';
  const listen: Listen = { proto: 'tcp', address, family: address.includes(':') ? 6 : 4, port };
  if (bindAll(ctx, [listen], 'python3')) {
    return fail(`Traceback (most recent call last):\n  ...\nOSError: [Errno 98] Address already in use\n`, 1);
  }
  const shown = address.includes(':') ? `[${address}]` : address;
  const banner = `Serving HTTP on ${address} port ${port} (http://${shown}:${port}/) ...\n`;
  const program = servingDirectory(ctx, ['python3', ...argv], listen, directory, version);
  const out = stillRunning(program);
  return unbuffered ? { ...out, stdout: banner } : out;
}

function servingDirectory(ctx: CommandContext, argv: string[], listen: Listen, root: string, version: string): Running {
  const fs = ctx.fs;
  const running: Running = {
    process: 'python3',
    argv,
    listens: [listen],
    docroot: root,
    serve: (input): Served => {
      const now = new Date(ctx.kernel.now);
      const requestLine = input.data.split('\n')[0]!.replace(/\r$/, '');
      const answer = respond(fs, root, requestLine, now, version);
      const log = `${input.client} - - [${logDate(now)}] ${answer.status === 404 ? `code 404, message File not found\n${input.client} - - [${logDate(now)}] ` : ''}"${requestLine}" ${answer.status} -\n`;
      return { reply: answer.raw, stdout: '', stderr: input.data.trim() === '' ? '' : log, next: running };
    },
  };
  return running;
}

function respond(fs: FileSystem, root: string, requestLine: string, now: Date, version: string): { status: number; raw: string } {
  const server = `SimpleHTTP/0.6 Python/${version}`;
  const head = (status: string, headers: string[]) => [`HTTP/1.0 ${status}`, `Server: ${server}`, `Date: ${httpDate(now)}`, ...headers].join('\r\n') + '\r\n\r\n';
  const m = /^(GET|HEAD) (\/\S*) HTTP\/1\.[01]$/.exec(requestLine);
  const path = decodeURIComponent((m?.[2] ?? '/').split('?')[0]!);
  const full = resolvePath(root, `.${path}`);
  const notFound = () => ({ status: 404, raw: head('404 File not found', ['Connection: close', 'Content-Type: text/html;charset=utf-8', `Content-Length: ${NOT_FOUND_PAGE.length}`]) + NOT_FOUND_PAGE });
  const kind = fs.stat(full);
  if (kind === 'dir') {
    if (!path.endsWith('/')) return { status: 301, raw: head('301 Moved Permanently', [`Location: ${path}/`, 'Content-Length: 0']) };
    if (fs.stat(`${full}/index.html`) === 'file') return file(fs, `${full}/index.html`, head);
    const names = fs.list(full);
    if (!Array.isArray(names)) return notFound();
    const body = listing(fs, full, path, names);
    return { status: 200, raw: head('200 OK', ['Content-type: text/html; charset=utf-8', `Content-Length: ${new TextEncoder().encode(body).length}`]) + body };
  }
  if (kind === 'file') return file(fs, full, head);
  return notFound();
}

function file(fs: FileSystem, path: string, head: (status: string, headers: string[]) => string): { status: number; raw: string } {
  const content = fs.read(path);
  const ext = /\.([a-z0-9]+)$/.exec(path)?.[1] ?? '';
  const type = TYPES[ext] ?? 'application/octet-stream';
  return { status: 200, raw: head('200 OK', [`Content-type: ${type}`, `Content-Length: ${new TextEncoder().encode(content).length}`]) + content };
}

/** list_directory: the names sorted case-insensitively, directories with a slash. */
function listing(fs: FileSystem, dir: string, shownPath: string, names: string[]): string {
  const title = `Directory listing for ${escapeHtml(shownPath)}`;
  const lines = ['<!DOCTYPE HTML>', '<html lang="en">', '<head>', '<meta charset="utf-8">', `<title>${title}</title>\n</head>`, `<body>\n<h1>${title}</h1>`, '<hr>\n<ul>'];
  for (const name of [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))) {
    const shown = fs.stat(`${dir.replace(/\/$/, '')}/${name}`) === 'dir' ? `${name}/` : name;
    lines.push(`<li><a href="${encodeURI(shown)}">${escapeHtml(shown)}</a></li>`);
  }
  lines.push('</ul>\n<hr>\n</body>\n</html>\n');
  return lines.join('\n');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
