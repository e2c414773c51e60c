/**
 * caddy's admin endpoint (localhost:2019; admin.go, caddyconfig/load.go) as `caddy reload`
 * uses it: `POST /load` with a configuration, logged as admin.api's "received request",
 * loaded unless it is unchanged (caddy.go: "config is unchanged"; Cache-Control:
 * must-revalidate forces it), then "load complete" and the previous admin server stopped.
 * The real CLI posts the adapted JSON; here it posts the Caddyfile as `text/caddyfile`,
 * which /load adapts the same way (load.go's adaptByContentType), so the bytes on the
 * wire differ. Every other admin request is answered with one `vethlab:` line.
 */
import { CaddyfileError } from './caddyfile.ts';
import { adaptCaddyfile, type CaddyConfig } from './config.ts';
import { logLine } from './logs.ts';
import { parseGoRequest } from '../go-http.ts';

export const ADMIN_PORT = 2019;

/** What the running process holds and how it moves to a new configuration. */
export interface AdminTarget {
  /** The Caddyfile text the running configuration came from. */
  source: string;
  /** Applies a new configuration (listeners moved): the lines caddy.Run logs for it, or why it could not. */
  load: (config: CaddyConfig, source: string) => string[] | { error: string };
  env: Readonly<Record<string, string>>;
}

const answer = (status: number, text: string, body: string, now: number, type = 'application/json') =>
  `HTTP/1.1 ${status} ${text}\r\n${body === '' ? '' : `Content-Type: ${type}\r\n`}Date: ${new Date(now).toUTCString()}\r\nContent-Length: ${new TextEncoder().encode(body).length}\r\n\r\n${body}`;

/** One request to the admin endpoint: the reply and what the process logs. */
export function adminServe(raw: string, client: { ip: string; port: number }, target: AdminTarget, now: number): { reply: string; log: string } {
  const req = parseGoRequest(raw);
  if (!req) return { reply: 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request', log: '' };
  const headers: Record<string, string[]> = {};
  for (const [k, v] of req.headers) (headers[k] ??= []).push(v);
  const lines = [logLine(now, 'info', 'admin.api', 'received request', { method: req.method, host: req.host, uri: req.uri, remote_ip: client.ip, remote_port: String(client.port), headers })];
  const type = req.headers.find(([k]) => k === 'Content-Type')?.[1] ?? '';
  if (req.path !== '/load' || req.method !== 'POST' || !/^text\/caddyfile\b/.test(type)) {
    return { reply: answer(501, 'Not Implemented', "vethlab: caddy's admin API is not modelled here beyond POST /load of a Caddyfile (text/caddyfile)\n", now, 'text/plain; charset=utf-8'), log: lines.join('') };
  }
  let config: CaddyConfig;
  try {
    config = adaptCaddyfile(req.body, 'Caddyfile', target.env);
  } catch (e) {
    if (!(e instanceof CaddyfileError)) throw e;
    const error = `adapting config using caddyfile adapter: ${e.message}`;
    lines.push(logLine(now, 'error', 'admin.api', 'request error', { error, status_code: 400 }));
    return { reply: answer(400, 'Bad Request', `${JSON.stringify({ error })}\n`, now), log: lines.join('') };
  }
  const forced = /must-revalidate/.test(req.headers.find(([k]) => k === 'Cache-Control')?.[1] ?? '');
  if (!forced && req.body === target.source) {
    lines.push(logLine(now, 'info', undefined, 'config is unchanged'));
    lines.push(logLine(now, 'info', 'admin.api', 'load complete'));
    return { reply: answer(200, 'OK', '', now), log: lines.join('') };
  }
  const loaded = target.load(config, req.body);
  if (!Array.isArray(loaded)) {
    lines.push(logLine(now, 'error', 'admin.api', 'request error', { error: loaded.error, status_code: 400 }));
    return { reply: answer(400, 'Bad Request', `${JSON.stringify({ error: loaded.error })}\n`, now), log: lines.join('') };
  }
  lines.push(...loaded);
  lines.push(logLine(now, 'info', 'admin.api', 'load complete'));
  lines.push(logLine(now, 'info', 'admin', 'stopped previous server', { address: `localhost:${ADMIN_PORT}` }));
  return { reply: answer(200, 'OK', '', now), log: lines.join('') };
}
