import { lookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { refusedAddressRange } from '#domain';

/** An outgoing connection refused because its address is inside the network (not a public robot). */
export class WebhookAddressRefused extends Error {
  override readonly name = 'WebhookAddressRefused';

  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${host} resolves to a ${range} address, which webhooks may not reach`);
  }
}

/**
 * A DNS lookup for the HTTP agent that refuses a name when any address it resolves to is not public unicast. It
 * runs when the connection is made, so a name that pointed elsewhere when the chat was saved (DNS rebinding) cannot
 * reach the inside either. Node skips the lookup for an address literal: `refusedLiteral` covers those.
 */
export const publicAddressLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, '');
      return;
    }
    for (const { address } of addresses) {
      const range = refusedAddressRange(address);
      if (range !== null) {
        callback(new WebhookAddressRefused(hostname, address, range), '');
        return;
      }
    }
    const [first] = addresses;
    if (options.all) callback(null, addresses);
    else if (first) callback(null, first.address, first.family);
    else callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
  });
};

/** The refusal for a URL whose host is an IP address literal inside the network, or null. */
export function refusedLiteral(url: URL): WebhookAddressRefused | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) === 0) return null;
  const range = refusedAddressRange(host);
  return range === null ? null : new WebhookAddressRefused(host, host, range);
}
