/**
 * A plain static file server, as a static host (GitHub Pages, nginx, a bucket)
 * serves dist/: files only, no rewrites, no fallback to index.html. It serves a
 * folder at a mount path (`/` or e.g. `/vethlab/`) on a free port of 127.0.0.1:
 * `/vethlab` redirects to `/vethlab/`, a folder serves its index.html, anything
 * outside the mount or missing is 404. Content types and cache headers are the
 * ones docs/deploy.md recommends. Used by e2e/subpath.spec.ts.
 */
import { createReadStream, type Stats, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

export interface StaticSite {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The mount as given, e.g. `/vethlab/`. */
  base: string;
  /** origin + base: the site's address. */
  url: string;
  close(): Promise<void>;
}

function fileAt(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Serves `root` at `base` (starts and ends with `/`) until `close()`. */
export async function serveStatic(root: string, base = '/'): Promise<StaticSite> {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with /: ${base}`);
  const top = path.resolve(root);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    } catch {
      return send(res, 400, 'bad request');
    }
    if (base !== '/' && pathname === base.slice(0, -1)) return send(res, 301, 'moved', { Location: base });
    if (!pathname.startsWith(base)) return send(res, 404, 'not found');
    let file = path.join(top, pathname.slice(base.length));
    if (file !== top && !file.startsWith(top + path.sep)) return send(res, 404, 'not found');
    let stat = fileAt(file);
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) return send(res, 301, 'moved', { Location: `${pathname}/` });
      file = path.join(file, 'index.html');
      stat = fileAt(file);
    }
    if (!stat?.isFile()) return send(res, 404, 'not found');
    const ext = path.extname(file).toLowerCase();
    const hashed = path.relative(top, file).split(path.sep)[0] === 'assets';
    res.writeHead(200, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base,
    url: origin + base,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
