import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxyHops } from '@/lib/throttle/address';

// `npm start`'s server appends the socket's address to X-Forwarded-For (scripts/next-server.mjs),
// so the last entry is always the peer that connected.
const from = (xff: string | null, hops?: number) => clientAddress(new Headers(xff === null ? {} : { 'x-forwarded-for': xff }), hops);

describe('the client address used for sign-in throttling', () => {
  it('without TRUSTED_PROXY is the connection’s own, whatever the client wrote before it', () => {
    expect(from('203.0.113.7', 0)).toBe('203.0.113.7');
    expect(from('1.2.3.4, 5.6.7.8, 203.0.113.7', 0)).toBe('203.0.113.7');
  });

  it('behind N trusted proxies is the entry the outermost of them added', () => {
    // client-written, what our proxy saw, our proxy's own address
    expect(from('6.6.6.6, 198.51.100.20, 10.0.0.2', 1)).toBe('198.51.100.20');
    expect(from('6.6.6.6, 198.51.100.20, 10.0.0.3, 10.0.0.2', 2)).toBe('198.51.100.20');
    // Fewer entries than proxies: the oldest one there is.
    expect(from('10.0.0.2', 1)).toBe('10.0.0.2');
  });

  it('reads TRUSTED_PROXY as a count of proxies, true as one, anything else as none', () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops('')).toBe(0);
    expect(trustedProxyHops('2')).toBe(2);
    expect(trustedProxyHops('true')).toBe(1);
    expect(trustedProxyHops('false')).toBe(0);
    expect(trustedProxyHops('lots')).toBe(0);
  });

  it('an IPv4-mapped address is the IPv4 one; IPv6 addresses count by their /64', () => {
    expect(from('::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
    expect(from('2001:db8:1:2:aaaa::1', 0)).toBe('2001:db8:1:2::/64');
    expect(from('2001:db8:1:2:bbbb:cccc:dddd:eeee', 0)).toBe('2001:db8:1:2::/64');
    expect(from('::1', 0)).toBe('0:0:0:0::/64');
    expect(from('[2001:db8::5]:443', 0)).toBe('2001:db8:0:0::/64');
  });

  it('no header, or junk where the address should be, is "unknown" (one shared bucket)', () => {
    expect(from(null)).toBe('unknown');
    expect(from('not an address', 0)).toBe('unknown');
  });
});
