import { describe, expect, it } from '@jest/globals';
import { refusedAddressRange } from './webhook-address.js';

describe('which addresses a webhook may connect to', () => {
  it('allows public unicast addresses, IPv4 and IPv6, and an IPv4-mapped public one', () => {
    for (const address of ['203.119.206.75', '8.8.8.8', '2408:4000::1', '::ffff:203.119.206.75']) {
      expect({ address, refused: refusedAddressRange(address) }).toEqual({ address, refused: null });
    }
  });

  it('refuses the inside of the network, naming the range', () => {
    const cases: [string, string][] = [
      ['127.0.0.1', 'loopback'],
      ['127.8.9.10', 'loopback'],
      ['::1', 'loopback'],
      ['10.0.0.8', 'private'],
      ['172.16.5.4', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'linkLocal'],
      ['fe80::1', 'linkLocal'],
      ['fd12:3456::1', 'uniqueLocal'],
      ['fc00::1', 'uniqueLocal'],
      ['100.64.0.1', 'carrierGradeNat'],
      ['0.0.0.0', 'unspecified'],
      ['::', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['ff02::1', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['::ffff:127.0.0.1', 'ipv4Mapped loopback'],
      ['::ffff:10.1.2.3', 'ipv4Mapped private'],
      ['::ffff:a9fe:a9fe', 'ipv4Mapped linkLocal'],
      ['64:ff9b::7f00:1', 'rfc6052 loopback'],
      ['::7f00:1', 'ipv4Compatible'],
      ['localhost', 'not an IP address'],
    ];
    expect(cases.map(([address]) => [address, refusedAddressRange(address)])).toEqual(cases);
  });
});
