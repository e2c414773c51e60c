/**
 * The host `npm run bench:ui` serves dist/ from (scripts/bench-ui/static-host.ts): files as a
 * static host sends them, gzip-encoded when the browser accepts it, cross-origin isolated, and
 * nothing outside the served directory.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/bench-ui/static-host.ts';
import type { Server } from 'node:http';
import { request } from 'node:http';

let server: Server;
let port: number;
const dir = mkdtempSync(path.join(tmpdir(), 'vethlab-host-'));
const SCRIPT = `export const hello = ${JSON.stringify('x'.repeat(2000))};\n`;

beforeAll(async () => {
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), SCRIPT);
  writeFileSync(path.join(dir, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  server = await serveStatic(dir, 0);
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
});

/** A raw GET (fetch would decode the body and hide the encoding). */
function get(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the benchmark’s static host', () => {
  it('sends a script gzip-encoded, compressed ahead, with its type and the isolation headers', async () => {
    const res = await get('/assets/app.js', { 'accept-encoding': 'gzip, deflate' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(gunzipSync(res.body).toString()).toBe(SCRIPT);
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-embedder-policy']).toBe('require-corp');
  });

  it('sends the body as it is to a client that takes no gzip, and images as they are', async () => {
    const plain = await get('/assets/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    const image = await get('/icon.png', { 'accept-encoding': 'gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers['content-type']).toBe('image/png');
  });

  it('serves a directory’s index.html, and 404 for a missing file or a path out of the directory', async () => {
    expect((await get('/')).body.toString()).toContain('<title>t</title>');
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/../../etc/passwd')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});
