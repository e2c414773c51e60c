/** A host as a URL or an HTTP Host header writes it: an IPv6 address in brackets (RFC 3986). */
export const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/** The Host header curl and wget send: the URL's host, with its port unless 80. */
export const hostHeader = (host: string, port: number): string => (port === 80 ? urlHost(host) : `${urlHost(host)}:${port}`);
