/**
 * Which addresses a link check may connect to. Private, loopback, link-local and the like are
 * skipped by default — after DNS resolution, so a public name that points at 127.0.0.1 is
 * skipped too (a note's link must not make the editor probe the user's own network).
 */
import * as dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** The error a lookup gives for an address the check may not reach. */
export const NOT_ALLOWED = 'ECONFNOTES_PRIVATE_ADDRESS';

/** The only ranges that are the public internet (ipaddr.js names every other range). */
const PUBLIC_RANGE = 'unicast';

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === PUBLIC_RANGE;
}

/** Is the host an IP address (in URL form: IPv6 in brackets), and then is it allowed? null for names. */
export function literalAddressAllowed(hostname: string, allowPrivate: boolean): boolean | null {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return null;
  return allowPrivate || isPublicAddress(bare);
}

/**
 * A `lookup` for sockets that resolves as usual and refuses addresses that are not public
 * (unless allowed). `resolve` is dns.lookup, or a test's own.
 */
export function guardedLookup(allowPrivate: boolean, resolve: LookupFunction = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const all = (Array.isArray(addresses) ? addresses : [{ address: addresses as unknown as string, family: 4 }]) as dns.LookupAddress[];
      const usable = allowPrivate ? all : all.filter((a) => isPublicAddress(a.address));
      if (usable.length === 0) {
        const refused = Object.assign(new Error(`${hostname} resolves to ${all.map((a) => a.address).join(', ')}, not a public address`), { code: NOT_ALLOWED });
        return callback(refused, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, usable);
      callback(null, usable[0].address, usable[0].family);
    });
  };
}
