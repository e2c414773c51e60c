/**
 * The segments after a TCP handshake in the order the rig's captures show them
 * (test/fixtures/tcpdump/cap1.txt and cap2.txt, tcpdump 4.99.3 on kernel 6.18).
 */
import { describe, expect, it } from 'vitest';
import { exchangeSegments, httpExchange, lineExchange } from '../../src/sim/net/exchange.ts';

const shape = (segments: ReturnType<typeof exchangeSegments>) =>
  segments.map((s) => `${s.by === 'client' ? 'C' : 'S'} ${s.flags.includes('FIN') ? 'F.' : s.flags.includes('PSH') ? 'P.' : '.'}${s.payload ? ` ${s.payload}` : ''}`);

describe('exchangeSegments', () => {
  it('an HTTP GET to busybox httpd: the head and body apart, the server closes first (10 segments, 5 each way)', () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Length: 45\r\n\r\n';
    const ex = httpExchange('GET / HTTP/1.1\r\nHost: uweb\r\n\r\n', `${head}${'x'.repeat(45)}`);
    expect(shape(exchangeSegments(ex))).toEqual(['C .', 'C P. 30', 'S .', `S P. ${head.length}`, 'C .', 'S P. 45', 'C .', 'S F.', 'C F.', 'S .']);
  });

  it('a line over nc: the client closes after sending, then the answer, the server\'s FIN and the last ACK (5 and 3)', () => {
    expect(shape(exchangeSegments(lineExchange('PING\n', '+PONG\n')))).toEqual(['C .', 'C P. 5', 'S .', 'C F.', 'S P. 6', 'C .', 'S F.', 'C .']);
  });

  it('nc -z sends nothing: ACK, FIN, the server\'s FIN, the last ACK', () => {
    expect(shape(exchangeSegments(lineExchange('', '')))).toEqual(['C .', 'C F.', 'S F.', 'C .']);
  });
});
