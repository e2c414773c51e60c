/**
 * nginx's configuration as nginx reads it at start: /etc/nginx/nginx.conf and
 * what it includes (globs such as conf.d/*.conf, in name order), tokenized as
 * ngx_conf_file.c does (words, quotes, `;`, blocks, `#` comments), and the
 * directives vethlab serves with: `upstream` (servers, round robin), `server`
 * with `listen` (port, addr:port), `server_name`, `root`, `index`,
 * `location` (=, ^~, prefix, ~ and ~* regex), `return` and
 * `proxy_pass http://HOST[:PORT][/URI]`, `log_format` and `access_log` (at
 * http, server and location level; nginx-log.ts writes the lines). Other directives
 * are read and left alone. Errors are nginx's own `[emerg]` texts with FILE:LINE.
 */
import { resolvePath, type FileSystem } from './fs.ts';

export const NGINX_CONF = '/etc/nginx/nginx.conf';
/** The image ships mime.types; vethlab does not model its table (servers.ts knows the common types). */
const UNMODELLED_INCLUDES = new Set(['/etc/nginx/mime.types']);

export interface Where {
  file: string;
  line: number;
}

export interface ProxyPass extends Where {
  /** What follows `http://`: `app:5000`, `backend`, `app:5000/api/`. */
  url: string;
  host: string;
  /** Undefined: port 80, or an upstream block's name. */
  port?: number;
  /** The URI part (`/api/`), which replaces the matched location prefix; undefined passes the request's URI. */
  uri?: string;
}

/**
 * A `log_format NAME [escape=default|json|none] STRING...` (ngx_http_log_module.c): its
 * strings joined, as nginx compiles them. `combined` is predefined.
 */
export interface LogFormat {
  name: string;
  escape: 'default' | 'json' | 'none';
  text: string;
}

/**
 * The `access_log` directives of one level (http, server or location): `off`, or the
 * files and their formats. A level without any inherits its parent's
 * (ngx_http_log_merge_loc_conf).
 */
export interface AccessLogs {
  off: boolean;
  logs: { path: string; format: LogFormat }[];
}

export interface Location {
  match: '=' | '^~' | 'prefix' | '~' | '~*';
  path: string;
  accessLogs?: AccessLogs;
  root?: string;
  index?: string[];
  return?: { code: number; text?: string };
  proxyPass?: ProxyPass;
}

export interface ServerBlock {
  listens: { address?: string; port: number; defaultServer: boolean }[];
  names: string[];
  root?: string;
  index?: string[];
  return?: { code: number; text?: string };
  locations: Location[];
  accessLogs?: AccessLogs;
}

export interface UpstreamServer extends Where {
  /** As written (`app1:80`): nginx's messages quote it so. */
  url: string;
  host: string;
  port: number;
}

export interface NginxConfig {
  servers: ServerBlock[];
  /** The http block's access_log directives (undefined: nginx's default, logs/access.log combined). */
  accessLogs?: AccessLogs;
  upstreams: Map<string, UpstreamServer[]>;
  /** The addresses nginx resolved at start: it keeps them (a restarted app's new address is not seen until a reload). */
  resolved: Map<string, string>;
}

/** An `[emerg]` that stops nginx: the text after `[emerg] `, with ` in FILE:LINE`. */
export class NginxEmerg extends Error {}

interface Directive extends Where {
  name: string;
  args: string[];
  block?: Directive[];
}

type Token = { kind: 'word'; text: string; line: number } | { kind: ';' | '{' | '}'; line: number };

/** Characters that end an unquoted word: whitespace, `;`, `{`, `}` (as /[\s;{}]/). */
const WORD_END = /[\s;{}]/g;

function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      i++;
    } else if (/\s/.test(ch)) i++;
    else if (ch === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (ch === ';' || ch === '{' || ch === '}') {
      tokens.push({ kind: ch, line });
      i++;
    } else if (ch === '"' || ch === "'") {
      const start = line;
      let word = '';
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        if (text[i] === '\n') line++;
        word += text[i];
        i++;
      }
      if (i >= text.length) throw new NginxEmerg(`unexpected end of file, expecting ";" or "}" in ${file}:${line}`);
      i++;
      tokens.push({ kind: 'word', text: word, line: start });
    } else {
      WORD_END.lastIndex = i;
      const end = WORD_END.exec(text)?.index ?? text.length;
      tokens.push({ kind: 'word', text: text.slice(i, end), line });
      i = end;
    }
  }
  return tokens;
}

/**
 * Tokens of a file's text, kept for the texts seen last: every nginx container
 * starts from the image's same files, and tokenizing them again for each
 * `docker run nginx` was a quarter of building a 300-container world.
 */
const tokenCache = new Map<string, readonly Token[]>();
const TOKEN_CACHE_SIZE = 32;

function tokensOf(text: string, file: string): readonly Token[] {
  const key = `${file}\0${text}`;
  const hit = tokenCache.get(key);
  if (hit) return hit;
  const tokens = tokenize(text, file);
  if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value!);
  tokenCache.set(key, tokens);
  return tokens;
}

/** One file's directives, its includes read in place. */
/** Parsed files that include no other, by name and text; nothing changes a directive once parsed. */
const parsedFiles = new Map<string, readonly Directive[]>();

function parseFile(fs: ConfigFiles, file: string, depth: number): readonly Directive[] {
  const text = fs.read(file);
  if (typeof text !== 'string' || text === 'ENOENT' || text === 'EISDIR' || text === 'ENOTDIR' || text === 'EEXIST' || text === 'EROFS') {
    throw new NginxEmerg(`open() "${file}" failed (2: No such file or directory)`);
  }
  const key = `${file}\0${text}`;
  const known = parsedFiles.get(key);
  if (known) return known;
  const tokens = tokensOf(text, file);
  let includes = false;
  let pos = 0;
  // Only an error message needs it, so it is counted then.
  const lastLine = () => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const block = (inner: boolean): Directive[] => {
    const out: Directive[] = [];
    for (;;) {
      const t = tokens[pos];
      if (!t) {
        if (inner) throw new NginxEmerg(`unexpected end of file, expecting "}" in ${file}:${lastLine()}`);
        return out;
      }
      if (t.kind === '}') {
        if (!inner) throw new NginxEmerg(`unexpected "}" in ${file}:${t.line}`);
        pos++;
        return out;
      }
      if (t.kind !== 'word') throw new NginxEmerg(`unexpected "${t.kind}" in ${file}:${t.line}`);
      const d: Directive = { name: t.text, args: [], file, line: t.line };
      pos++;
      for (;;) {
        const a = tokens[pos];
        if (!a) throw new NginxEmerg(`unexpected end of file, expecting ";" or "}" in ${file}:${lastLine()}`);
        pos++;
        if (a.kind === 'word') d.args.push(a.text);
        else if (a.kind === ';') break;
        else if (a.kind === '{') {
          d.block = block(true);
          break;
        } else throw new NginxEmerg(`unexpected "}" in ${file}:${a.line}`);
      }
      if (d.name === 'include' && !d.block) {
        includes = true;
        out.push(...includeFiles(fs, d, depth));
      } else out.push(d);
    }
  };
  const directives = block(false);
  // A file that includes none is its text alone (mime.types, conf.d/default.conf in every nginx container).
  if (!includes) {
    if (parsedFiles.size >= TOKEN_CACHE_SIZE) parsedFiles.delete(parsedFiles.keys().next().value!);
    parsedFiles.set(key, directives);
  }
  return directives;
}

function includeFiles(fs: ConfigFiles, d: Directive, depth: number): readonly Directive[] {
  if (d.args.length !== 1) throw new NginxEmerg(`invalid number of arguments in "include" directive in ${d.file}:${d.line}`);
  const pattern = resolvePath('/etc/nginx', d.args[0]!);
  if (UNMODELLED_INCLUDES.has(pattern) || depth > 10) return [];
  if (!/[*?[]/.test(pattern)) return parseFile(fs, pattern, depth + 1);
  const dir = pattern.slice(0, pattern.lastIndexOf('/')) || '/';
  const glob = globRegExp(pattern.slice(dir.length + 1));
  const names = fs.list(dir);
  if (!Array.isArray(names)) return [];
  return names.filter((n) => glob.test(n) && fs.stat(`${dir}/${n}`) === 'file').flatMap((n) => parseFile(fs, `${dir}/${n}`, depth + 1));
}

/** Compiled file-name globs: every nginx container's start reads the same `include conf.d/*.conf`. */
const globCache = new Map<string, RegExp>();

function globRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (!re) {
    re = new RegExp(`^${glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    if (globCache.size >= TOKEN_CACHE_SIZE) globCache.delete(globCache.keys().next().value!);
    globCache.set(glob, re);
  }
  return re;
}

/** `listen 8080`, `listen 127.0.0.1:8080 default_server`, `listen [::]:80`. */
function parseListen(d: Directive): ServerBlock['listens'][number] {
  const value = d.args[0] ?? '';
  const defaultServer = d.args.includes('default_server') || d.args.includes('default');
  const m = /^(?:(\[[^\]]*\]|[^:]+):)?(\d+)$/.exec(value);
  if (!m) {
    // A bare address listens on port 80.
    if (/^[\d.]+$|^\[.*\]$|^[a-z][\w.-]*$/i.test(value) && !/^\d+$/.test(value)) return { address: value, port: 80, defaultServer };
    throw new NginxEmerg(`invalid port in "${value}" of the "listen" directive in ${d.file}:${d.line}`);
  }
  const port = Number(m[2]);
  if (port < 1 || port > 65535) throw new NginxEmerg(`invalid port in "${value}" of the "listen" directive in ${d.file}:${d.line}`);
  return { ...(m[1] ? { address: m[1] } : {}), port, defaultServer };
}

function parseReturn(d: Directive): { code: number; text?: string } {
  const [first = '', second] = d.args;
  if (/^\d+$/.test(first)) return second === undefined ? { code: Number(first) } : { code: Number(first), text: second };
  // `return URL` is a 302 to it.
  return { code: 302, text: first };
}

/** `proxy_pass http://HOST[:PORT][/URI]`. */
function parseProxyPass(d: Directive): ProxyPass {
  const value = d.args[0] ?? '';
  const m = /^http:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(value);
  if (!m) {
    if (value.startsWith('https://')) throw new NginxEmerg(`vethlab: proxy_pass to https:// is not modelled here in ${d.file}:${d.line}`);
    throw new NginxEmerg(`invalid URL prefix in "${value}" in ${d.file}:${d.line}`);
  }
  const p: ProxyPass = { url: value.slice('http://'.length), host: m[1]!, file: d.file, line: d.line };
  if (m[2] !== undefined) p.port = Number(m[2]);
  if (m[3] !== undefined) p.uri = m[3];
  return p;
}

/** The predefined format (ngx_http_log_module.c ngx_http_combined_fmt). */
export const COMBINED_FORMAT: LogFormat = { name: 'combined', escape: 'default', text: '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"' };

/** `log_format NAME [escape=...] STRING...` (ngx_http_log_set_format, ngx_http_log_compile_format). */
function parseLogFormat(d: Directive, formats: Map<string, LogFormat>): void {
  const [name, ...rest] = d.args;
  if (name === undefined || rest.length === 0) throw new NginxEmerg(`invalid number of arguments in "log_format" directive in ${d.file}:${d.line}`);
  if (formats.has(name)) throw new NginxEmerg(`duplicate "log_format" name "${name}" in ${d.file}:${d.line}`);
  let escape: LogFormat['escape'] = 'default';
  if (rest[0]!.startsWith('escape=')) {
    const value = rest.shift()!.slice('escape='.length);
    if (value !== 'default' && value !== 'json' && value !== 'none') throw new NginxEmerg(`unknown log format escaping "${value}" in ${d.file}:${d.line}`);
    escape = value;
  }
  formats.set(name, { name, escape, text: rest.join('') });
}

/** `access_log off` or `access_log PATH [FORMAT [buffer=...]...]` added to a level's (ngx_http_log_set_log). */
function parseAccessLog(d: Directive, formats: ReadonlyMap<string, LogFormat>, level: AccessLogs | undefined): AccessLogs {
  const into = level ?? { off: false, logs: [] };
  const [path, format = 'combined'] = d.args;
  if (path === undefined) throw new NginxEmerg(`invalid number of arguments in "access_log" directive in ${d.file}:${d.line}`);
  if (path === 'off') {
    if (d.args.length > 1) throw new NginxEmerg(`invalid parameter "${d.args[1]}" in ${d.file}:${d.line}`);
    into.off = true;
    return into;
  }
  // Format names compare case-insensitively; a format is known once its log_format has been read.
  const found = [...formats.values()].find((f) => f.name.toLowerCase() === format.toLowerCase());
  if (!found) throw new NginxEmerg(`unknown log format "${format}" in ${d.file}:${d.line}`);
  into.logs.push({ path: resolvePath('/etc/nginx', path), format: found });
  return into;
}

function parseLocation(d: Directive, formats: ReadonlyMap<string, LogFormat>): Location {
  const [a = '', b] = d.args;
  const match: Location['match'] = b !== undefined && ['=', '^~', '~', '~*'].includes(a) ? (a as Location['match']) : 'prefix';
  const loc: Location = { match, path: b !== undefined && match !== 'prefix' ? b : a };
  for (const x of d.block ?? []) {
    if (x.name === 'access_log') loc.accessLogs = parseAccessLog(x, formats, loc.accessLogs);
    else if (x.name === 'root') loc.root = x.args[0];
    else if (x.name === 'index') loc.index = x.args;
    else if (x.name === 'return') loc.return = parseReturn(x);
    else if (x.name === 'proxy_pass') loc.proxyPass = parseProxyPass(x);
  }
  return loc;
}

function parseServer(d: Directive, formats: ReadonlyMap<string, LogFormat>): ServerBlock {
  const s: ServerBlock = { listens: [], names: [], locations: [] };
  for (const x of d.block ?? []) {
    if (x.name === 'access_log') s.accessLogs = parseAccessLog(x, formats, s.accessLogs);
    else if (x.name === 'listen') s.listens.push(parseListen(x));
    else if (x.name === 'server_name') s.names.push(...x.args);
    else if (x.name === 'root') s.root = x.args[0];
    else if (x.name === 'index') s.index = x.args;
    else if (x.name === 'return') s.return = parseReturn(x);
    else if (x.name === 'location') s.locations.push(parseLocation(x, formats));
  }
  // A server without listen listens on *:80 (as root may).
  if (s.listens.length === 0) s.listens.push({ port: 80, defaultServer: false });
  return s;
}

/** What reading a configuration asks of the files. */
type ConfigFiles = Pick<FileSystem, 'read' | 'stat' | 'list'>;

/** One question reading a configuration asked of the files, and the answer. */
type FileProbe = { op: 'read'; path: string; answer: string } | { op: 'stat'; path: string; answer: 'file' | 'dir' | undefined } | { op: 'list'; path: string; answer: string[] | string };

/** The files, with every question asked of them noted. */
function probedFiles(fs: ConfigFiles, probes: FileProbe[]): ConfigFiles {
  return {
    read: (path) => {
      const answer = fs.read(path);
      probes.push({ op: 'read', path, answer });
      return answer;
    },
    stat: (path) => {
      const answer = fs.stat(path);
      probes.push({ op: 'stat', path, answer });
      return answer;
    },
    list: (path) => {
      const answer = fs.list(path);
      probes.push({ op: 'list', path, answer: Array.isArray(answer) ? [...answer] : answer });
      return answer;
    },
  };
}

function answersAgain(fs: ConfigFiles, probe: FileProbe): boolean {
  switch (probe.op) {
    case 'read':
      return fs.read(probe.path) === probe.answer;
    case 'stat':
      return fs.stat(probe.path) === probe.answer;
    case 'list': {
      const answer = fs.list(probe.path);
      const known = probe.answer;
      return Array.isArray(answer) && Array.isArray(known) ? answer.length === known.length && answer.every((n, i) => n === known[i]) : answer === known;
    }
  }
}

/**
 * Configurations read before, with the questions their reading asked: every nginx container
 * of a world starts from the same files, and reading them (the includes listed, each file
 * parsed, every server block read) was a fifth of replaying 300 of them. Files that give the
 * same answers to the same questions give the same configuration (reading is a function of
 * them alone); only a configuration read without an error is kept.
 */
const knownConfigs: { probes: FileProbe[]; config: NginxConfig }[] = [];
const KNOWN_CONFIGS = 16;

/** Reads the whole configuration from a container's files; throws NginxEmerg. */
export function loadNginxConfig(fs: ConfigFiles): NginxConfig {
  const known = knownConfigs.find((k) => k.probes.every((probe) => answersAgain(fs, probe)));
  // Its servers and upstreams are read, never changed; what nginx resolves at start is each start's own.
  if (known) return { ...known.config, resolved: new Map() };
  const probes: FileProbe[] = [];
  const config = readConfig(probedFiles(fs, probes));
  if (knownConfigs.length >= KNOWN_CONFIGS) knownConfigs.shift();
  knownConfigs.push({ probes, config: { ...config, resolved: new Map() } });
  return config;
}

function readConfig(fs: ConfigFiles): NginxConfig {
  const top = parseFile(fs, NGINX_CONF, 0);
  const config: NginxConfig = { servers: [], upstreams: new Map(), resolved: new Map() };
  const formats = new Map<string, LogFormat>([['combined', COMBINED_FORMAT]]);
  for (const http of top.filter((d) => d.name === 'http')) {
    for (const d of http.block ?? []) {
      if (d.name === 'log_format') parseLogFormat(d, formats);
      else if (d.name === 'access_log') config.accessLogs = parseAccessLog(d, formats, config.accessLogs);
      else if (d.name === 'server') config.servers.push(parseServer(d, formats));
      else if (d.name === 'upstream') {
        const servers: UpstreamServer[] = [];
        for (const x of d.block ?? []) {
          if (x.name !== 'server') continue;
          const m = /^([^:]+)(?::(\d+))?$/.exec(x.args[0] ?? '');
          if (m) servers.push({ url: x.args[0]!, host: m[1]!, port: m[2] === undefined ? 80 : Number(m[2]), file: x.file, line: x.line });
        }
        config.upstreams.set(d.args[0] ?? '', servers);
      }
    }
  }
  return config;
}

/**
 * The names nginx resolves when it reads its configuration, each through
 * ngx_inet_resolve_host (src/core/ngx_inet.c: getaddrinfo, AF_UNSPEC, AI_ADDRCONFIG;
 * `resolveName` is the container's resolver, its questions packets). An upstream
 * block's `server` is resolved as it is parsed (ngx_http_upstream_server ->
 * ngx_parse_url), a failure quoting it as written: `host not found in upstream
 * "app1:80" in FILE:LINE`. A proxy_pass host that names no upstream block is an
 * implicit upstream (ngx_http_proxy_pass sets no_resolve), one per host and port,
 * resolved after the http block in ngx_http_upstream_init_round_robin, whose
 * message quotes the host alone: `host not found in upstream "app" in FILE:LINE`.
 */
export function checkUpstreamHosts(config: NginxConfig, resolveName: (name: string) => string | undefined): void {
  const resolve = (name: string) => {
    const ip = resolveName(name);
    if (ip !== undefined) config.resolved.set(name, ip);
    return ip;
  };
  for (const servers of config.upstreams.values()) {
    for (const s of servers) {
      if (resolve(s.host) === undefined) throw new NginxEmerg(`host not found in upstream "${s.url}" in ${s.file}:${s.line}`);
    }
  }
  // ngx_http_upstream_add finds an implicit upstream again by host (case-insensitively) and port.
  const implicit = new Set<string>();
  for (const server of config.servers) {
    for (const loc of server.locations) {
      const p = loc.proxyPass;
      if (!p || (p.port === undefined && config.upstreams.has(p.host))) continue;
      const key = `${p.host.toLowerCase()}:${p.port ?? 80}`;
      if (implicit.has(key)) continue;
      implicit.add(key);
      if (resolve(p.host) === undefined) throw new NginxEmerg(`host not found in upstream "${p.host}" in ${p.file}:${p.line}`);
    }
  }
}

/** The location that answers `path` (ngx_http_core_find_location): exact, then the longest prefix, then regexes in order unless ^~. */
export function findLocation(server: ServerBlock, path: string): Location | undefined {
  const exact = server.locations.find((l) => l.match === '=' && l.path === path);
  if (exact) return exact;
  const prefix = server.locations.filter((l) => (l.match === 'prefix' || l.match === '^~') && path.startsWith(l.path)).sort((a, b) => b.path.length - a.path.length)[0];
  if (prefix?.match !== '^~') {
    for (const l of server.locations) {
      if (l.match !== '~' && l.match !== '~*') continue;
      try {
        if (new RegExp(l.path, l.match === '~*' ? 'i' : '').test(path)) return l;
      } catch {
        continue;
      }
    }
  }
  return prefix;
}

/** The server for a connection to `port` with `host` as the Host header: a server_name match, else the port's default (first) server. */
export function findServer(config: NginxConfig, port: number, host: string): ServerBlock | undefined {
  const onPort = config.servers.filter((s) => s.listens.some((l) => l.port === port));
  const name = host.replace(/:\d+$/, '');
  return onPort.find((s) => s.names.includes(name)) ?? onPort.find((s) => s.listens.some((l) => l.port === port && l.defaultServer)) ?? onPort[0];
}

/** The ports nginx listens on (TCP), each once. */
export function listenPorts(config: NginxConfig): number[] {
  return [...new Set(config.servers.flatMap((s) => s.listens.map((l) => l.port)))].sort((a, b) => a - b);
}
