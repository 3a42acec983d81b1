import { isIP } from 'node:net';
import { trustedProxyHops } from '@/lib/request-id.mjs';

export { trustedProxyHops };

/** An IPv4-mapped IPv6 address is the IPv4 one; any other IPv6 address counts by its /64. */
function normalise(address: string): string | null {
  let value = address.trim();
  if (value.startsWith('[')) value = value.slice(1, value.indexOf(']'));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1];
  const kind = isIP(value);
  if (kind === 4) return value;
  if (kind !== 6) return null;
  // One subscriber usually holds a whole /64: counting addresses inside it separately would let
  // one attacker try 2^64 times as often.
  const [head, tail = ''] = value.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = value.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The address a sign-in attempt came from, for throttling. `npm start`'s server
 * (scripts/next-server.mjs) always appends the socket's address to X-Forwarded-For, so the last
 * entry is the peer that connected to us. Entries before it were written by whoever sent the
 * request: they count only when TRUSTED_PROXY says that many proxies of our own put them there.
 * Without TRUSTED_PROXY the client's own X-Forwarded-For is never believed.
 */
export function clientAddress(headers: Headers, hops = trustedProxyHops()): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return 'unknown';
  const entry = chain[Math.max(0, chain.length - 1 - hops)];
  return normalise(entry) ?? 'unknown';
}
