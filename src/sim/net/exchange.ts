/**
 * The segments of a TCP conversation after its handshake, in the order a capture shows
 * them (tcpdump 4.99 on the real-docker rig, kernel 6.18; see test/net/exchange.test.ts):
 *
 * - the server closes (busybox httpd, `Connection: close`): the client's ACK, its request,
 *   the server's ACK; each write of the answer (head, then body) acknowledged by the
 *   client; then the server's FIN, the client's FIN, the server's last ACK;
 * - the client closes (nc, redis-cli once their input is sent; `nc -z` with nothing to
 *   send): the client's ACK, each write acknowledged by the server, the client's FIN;
 *   then the answer, acknowledged, the server's FIN and the client's last ACK.
 */
import type { Exchange, Segment, Write } from './trace.ts';

const ACK = ['ACK'] as const;
const DATA = ['PSH', 'ACK'] as const;
const FIN = ['FIN', 'ACK'] as const;

export function exchangeSegments(exchange: Exchange): Segment[] {
  const out: Segment[] = [];
  const send = (by: Segment['by'], flags: Segment['flags'], write?: Write) => {
    const segment: Segment = { by, flags, payload: write?.bytes ?? 0 };
    if (write?.text !== undefined) segment.text = write.text;
    out.push(segment);
  };
  const writes = (by: Segment['by'], list: readonly Write[]) => {
    const other = by === 'client' ? 'server' : 'client';
    for (const w of list) {
      if (w.bytes === 0) continue;
      send(by, DATA, w);
      send(other, ACK);
    }
  };
  send('client', ACK);
  writes('client', exchange.client);
  if (exchange.closer === 'server') {
    writes('server', exchange.server);
    send('server', FIN);
    send('client', FIN);
    send('server', ACK);
  } else {
    send('client', FIN);
    writes('server', exchange.server);
    send('server', FIN);
    send('client', ACK);
  }
  return out;
}

/** An HTTP exchange: the request, and the answer as busybox httpd writes it (head, then body). */
export function httpExchange(request: string, answer: string): Exchange {
  const split = answer.indexOf('\r\n\r\n');
  const head = split < 0 ? answer : answer.slice(0, split + 4);
  const body = split < 0 ? '' : answer.slice(split + 4);
  return { closer: 'server', client: [write(request)], server: [write(head), write(body)] };
}

/** A line (or lines) sent and answered, then closed by the client (nc, redis-cli, a relay). */
export function lineExchange(input: string, answer: string): Exchange {
  return { closer: 'client', client: [write(input)], server: [write(answer)] };
}

function write(text: string): Write {
  return { bytes: new TextEncoder().encode(text).length, text };
}
