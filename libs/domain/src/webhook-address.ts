import ipaddr from 'ipaddr.js';

/**
 * Which addresses an outgoing webhook may connect to: public unicast only. Everything else — loopback, RFC 1918
 * private, link-local (cloud metadata at 169.254.169.254), unique-local fc00::/7, CGNAT 100.64.0.0/10, unspecified,
 * multicast, broadcast, reserved — reaches the inside of the network the worker runs in, not a chat robot. An IPv6
 * form that embeds an IPv4 address (::ffff:a.b.c.d, NAT64 64:ff9b::/96) is judged by the address it embeds.
 */
export function refusedAddressRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return rangeOf(parsed.range());
  const ipv6 = parsed as ipaddr.IPv6;
  const range = ipv6.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') {
    const embedded = ipaddr.fromByteArray(ipv6.toByteArray().slice(12)) as ipaddr.IPv4;
    const refused = rangeOf(embedded.range());
    return refused === null ? null : `${range} ${refused}`;
  }
  // The deprecated IPv4-compatible ::a.b.c.d: no public robot lives there.
  if (range === 'unicast' && ipv6.parts.slice(0, 6).every((part) => part === 0)) return 'ipv4Compatible';
  return rangeOf(range);
}

function rangeOf(range: string): string | null {
  return range === 'unicast' ? null : range;
}
