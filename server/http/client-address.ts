import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** X-Forwarded-For entries read at most, from the right (the proxies nearest the relay). */
const maxHops = 32;

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) as `10.0.0.1`; anything else as is. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/**
 * The load balancers and reverse proxies in front of the relay (CONCLAVE_TRUSTED_PROXIES:
 * addresses and CIDR blocks, comma-separated). Behind one, every request comes from its
 * address, so the client's own is taken from the X-Forwarded-For header it adds — and
 * only from a trusted proxy's request, or anyone could pose as any address.
 *
 * The client is the last address in X-Forwarded-For that is not a trusted proxy: what a
 * client writes in the header itself comes before what its proxies append, so it changes
 * nothing. An entry that is not an address ends the walk at the proxy that passed it on.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  private readonly empty: boolean;

  private constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address = '', bits, extra] = entry.split('/');
      const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
      const prefix = bits === undefined ? null : Number(bits);
      const widest = family === 'ipv4' ? 32 : 128;
      if (family === null || extra !== undefined || (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= widest))) {
        throw new Error(`CONCLAVE_TRUSTED_PROXIES: "${entry}" is neither an address nor a CIDR block (10.0.0.0/8, fd00::/8).`);
      }
      if (prefix === null) this.list.addAddress(address, family);
      else this.list.addSubnet(address, prefix, family);
    }
    this.empty = entries.length === 0;
  }

  /** From CONCLAVE_TRUSTED_PROXIES (unset or empty: none, X-Forwarded-For is never read). */
  static parse(value: string | undefined): TrustedProxies {
    return new TrustedProxies((value ?? '').split(',').map((e) => e.trim()).filter(Boolean));
  }

  /** Whether `address` is one of the trusted proxies. */
  has(address: string | undefined): boolean {
    if (this.empty || !address) return false;
    const ip = plain(address);
    if (isIPv4(ip)) return this.list.check(ip, 'ipv4');
    return isIPv6(ip) && this.list.check(ip, 'ipv6');
  }

  /** The address of the client behind a request that came from `socketAddress` with this X-Forwarded-For. */
  clientOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined): string {
    const from = socketAddress ? plain(socketAddress) : 'unknown';
    if (!this.has(from) || forwardedFor === undefined) return from;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').slice(-maxHops);
    let client = from;
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = plain(hops[i]!.trim());
      if (!isIPv4(hop) && !isIPv6(hop)) break;
      client = hop;
      if (!this.has(hop)) break;
    }
    return client;
  }
}
