/** IPv4 and IPv6 addresses and CIDR ranges as big integers, for IpAddress conditions. */
import { ipv6Groups, isIPv4 } from '../engine/analysis/conditions';

export interface IpRange {
  version: 4 | 6;
  /** First address of the range. */
  base: bigint;
  mask: number;
}

function ipValue(address: string): { version: 4 | 6; value: bigint } | undefined {
  if (isIPv4(address)) return { version: 4, value: address.split('.').reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n) };
  const groups = ipv6Groups(address);
  if (!groups) return undefined;
  const value = groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
  // An IPv4-mapped address (::ffff:a.b.c.d) is that IPv4 address.
  if (value >> 32n === 0xffffn) return { version: 4, value: value & 0xffffffffn };
  return { version: 6, value };
}

export function parseIpRange(text: string): IpRange | undefined {
  const [address, maskText, extra] = text.trim().split('/');
  if (address === undefined || extra !== undefined) return undefined;
  const ip = ipValue(address);
  if (!ip) return undefined;
  const bits = ip.version === 4 ? 32 : 128;
  let mask = bits;
  if (maskText !== undefined) {
    if (!/^\d{1,3}$/.test(maskText)) return undefined;
    mask = Number(maskText);
    const mapped = ip.version === 4 && address.includes(':');
    if (mapped) mask -= 96;
    if (mask < 0 || mask > bits) return undefined;
  }
  const hostBits = BigInt(bits - mask);
  return { version: ip.version, base: (ip.value >> hostBits) << hostBits, mask };
}

/** Is the address (or every address of the range) inside the range? */
export function ipInRange(address: string, range: IpRange): boolean | undefined {
  const inner = parseIpRange(address);
  if (!inner) return undefined;
  return rangeInside(inner, range);
}

export function rangeInside(inner: IpRange, outer: IpRange): boolean {
  if (inner.version !== outer.version || inner.mask < outer.mask) return false;
  const bits = BigInt((outer.version === 4 ? 32 : 128) - outer.mask);
  return inner.base >> bits === outer.base >> bits;
}
