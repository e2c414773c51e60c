/**
 * Parsing of IPv4 prefixes (src/sim/netfilter/inet.ts), which every rule, route and
 * address of the model goes through. A leading zero is octal to inet_aton, so such an
 * octet is refused rather than read as decimal (ip-address's Address4.isValid).
 */
import { describe, expect, it } from 'vitest';
import { formatCidr, parseCidr } from '../../src/sim/netfilter/inet.ts';

describe('parseCidr', () => {
  it('reads a prefix, clearing host bits unless asked to keep them', () => {
    expect(formatCidr(parseCidr('172.17.0.2/16')!)).toBe('172.17.0.0/16');
    expect(formatCidr(parseCidr('172.17.0.2/16', true)!)).toBe('172.17.0.2/16');
    expect(formatCidr(parseCidr('10.0.0.1')!)).toBe('10.0.0.1/32');
    expect(formatCidr(parseCidr('0.0.0.0/0')!)).toBe('0.0.0.0/0');
    expect(formatCidr(parseCidr('10.0.0.0/8')!)).toBe('10.0.0.0/8');
  });

  it('refuses what is not a dotted quad with a prefix length up to 32', () => {
    for (const text of ['010.0.0.1/24', '10.00.0.1', '10.0.0.01/32', '256.0.0.1', '10.0.0/24', '10.0.0.1/33', '10.0.0.1/', '10.0.0.1/024', 'web', '1.2.3.4.5']) {
      expect(parseCidr(text), text).toBeUndefined();
    }
  });
});
