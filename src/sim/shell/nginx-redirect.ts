/**
 * How nginx writes a redirect's Location (ngx_http_header_filter_module.c): a
 * location that starts with `/` (a directory without its slash, `return 301 /x`)
 * becomes absolute (absolute_redirect on) with the request's Host header as the
 * host (server_name_in_redirect off; ngx_http_validate_host drops the port,
 * lowercases, drops a trailing dot), or the address the connection reached when
 * there is none (HTTP/1.0), and the port the connection reached unless it is 80
 * (port_in_redirect on): behind `-p 8080:80` that port is the container's 80.
 */
export function absoluteLocation(location: string, hostHeader: string, localAddress: string, localPort: number): string {
  if (!location.startsWith('/')) return location;
  const host = validatedHost(hostHeader) || localAddress;
  return `http://${host}${localPort === 80 ? '' : `:${localPort}`}${location}`;
}

/** The Host header as nginx keeps it (headers_in.server): no port, lowercase, no trailing dot. */
function validatedHost(header: string): string {
  const value = header.trim().toLowerCase();
  const bracketed = /^(\[[^\]]*\])/.exec(value);
  const host = bracketed ? bracketed[1]! : value.split(':')[0]!;
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/** The Host header of a raw request (what a client typed through nc), or ''. */
export function hostHeaderOf(request: string): string {
  return /^host:[ \t]*(.*?)\r?$/im.exec(request.split(/\r?\n\r?\n/)[0]!)?.[1] ?? '';
}
