/**
 * dist/ served as a static host serves it (docs/deploy.md: GitHub Pages, any web server): files
 * compressed once, ahead, not for every response, over HTTP/1.1 with keep-alive. `vite preview`
 * compresses each response as it goes; on this 2-core machine that work competed with the
 * browser under measurement and moved a cold load's figures by a tenth. Cross-origin isolated,
 * as the benchmark wants it (Chromium then times frames to 5 µs; vite.config.ts says why).
 */
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types a static host sends gzip-encoded (images are compressed already). */
const COMPRESSED = /\.(?:html|js|css|svg|json|webmanifest|map|txt)$/;

interface StaticFile {
  body: Buffer;
  gzip?: Buffer;
  type: string;
}

/** The file under `root` a URL path names (a directory: its index.html), or undefined outside it or missing. */
function fileFor(root: string, urlPath: string): string | undefined {
  let name: string;
  try {
    name = path.join(root, decodeURIComponent(urlPath));
  } catch {
    return undefined;
  }
  if (name !== root && !name.startsWith(root + path.sep)) return undefined;
  try {
    if (statSync(name).isDirectory()) name = path.join(name, 'index.html');
    return statSync(name).isFile() ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Serves `dir` on 127.0.0.1:`port`; resolves with the server once it listens. */
export function serveStatic(dir: string, port: number): Promise<Server> {
  const root = path.resolve(dir);
  const files = new Map<string, StaticFile>();
  const load = (name: string): StaticFile => {
    let file = files.get(name);
    if (!file) {
      const body = readFileSync(name);
      const ext = path.extname(name);
      file = { body, type: TYPES[ext] ?? 'application/octet-stream', ...(COMPRESSED.test(name) ? { gzip: gzipSync(body, { level: 9 }) } : {}) };
      files.set(name, file);
    }
    return file;
  };
  const server = createServer((req, res) => {
    const name = fileFor(root, new URL(req.url ?? '/', 'http://host').pathname);
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-cache' };
    if (!name) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const file = load(name);
    const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, { ...headers, 'Content-Type': file.type, Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(gzip ? file.gzip : file.body);
  });
  // Every file compressed before the first request, as a host that stores them so.
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const name = path.join(d, entry.name);
      if (entry.isDirectory()) walk(name);
      else load(name);
    }
  };
  walk(root);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
