/**
 * Host name resolution as glibc's getaddrinfo()/getnameinfo() do it for ping and traceroute: a numeric
 * address (inet_aton's lax forms: "10.1" is 10.0.0.1), then /etc/hosts, then the nameservers of
 * /etc/resolv.conf. A nameserver is asked through the kernel's resolver hook (Docker's embedded DNS at
 * 127.0.0.11, the simulated internet's public DNS); a loopback nameserver with nothing behind it, or one
 * the namespace has no route to, never answers: "Temporary failure in name resolution" (EAI_AGAIN), as on
 * the real host whose resolv.conf says `nameserver 127.0.0.1`. A name no server knows is EAI_NONAME.
 */
import type { Ip4 } from '../../../lib';
import { formatIp4, parseIp4, parseIp4Lax } from '../../../lib';
import { ipRouteOutput } from '../../../kernel';
import type { CommandIO } from '../../types';
import { parseHosts, readEtc } from '../inet/resolv';

export type Resolved =
  { ok: true; addr: Ip4; canon: string; numeric: boolean } | { ok: false; error: 'noname' | 'again' };

export const GAI_STRERROR = {
  noname: 'Name or service not known',
  again: 'Temporary failure in name resolution',
} as const;

/** The `nameserver` lines of resolv.conf (IPv4 ones). */
function nameservers(text: string): Ip4[] {
  const out: Ip4[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    const ip = m?.[1] ? parseIp4(m[1]) : null;
    if (ip !== null) out.push(ip);
  }
  return out;
}

/** getaddrinfo(name, AF_INET, AI_CANONNAME): the first IPv4 address and the canonical name. */
export async function resolveHost(io: CommandIO, name: string): Promise<Resolved> {
  const numeric = parseIp4Lax(name);
  if (numeric !== null) return { ok: true, addr: numeric, canon: name, numeric: true };
  const lower = name.toLowerCase();
  for (const h of parseHosts(await readEtc(io, '/etc/hosts'))) {
    if (h.names.some((n) => n.toLowerCase() === lower))
      return { ok: true, addr: h.addr, canon: h.names[0] as string, numeric: false };
  }
  const servers = nameservers(await readEtc(io, '/etc/resolv.conf'));
  const kctx = io.os.view();
  // Called as a method: the engine's hooks are an object whose methods read its World.
  const hooks = kctx.hooks;
  for (const server of servers) {
    // Docker's embedded DNS answers at 127.0.0.11; any other loopback nameserver has nothing behind it.
    if ((server >>> 24 === 127 && server !== 0x7f00000b) || !hooks.dnsResolve) continue;
    if (!ipRouteOutput(kctx, io.proc.ns, { dst: server }).ok) continue;
    const r = hooks.dnsResolve(io.proc.ns, lower, server);
    if (r && r.length > 0) return { ok: true, addr: r[0] as Ip4, canon: name, numeric: false };
    return { ok: false, error: 'noname' };
  }
  return { ok: false, error: 'again' };
}

/**
 * getnameinfo() without NI_NAMEREQD, for every address at once: the first name /etc/hosts gives an address
 * (an address it does not know prints as itself). Read once, so that printing stays synchronous.
 */
export async function hostsNames(io: CommandIO): Promise<Map<Ip4, string>> {
  const m = new Map<Ip4, string>();
  for (const h of parseHosts(await readEtc(io, '/etc/hosts')))
    if (!m.has(h.addr)) m.set(h.addr, h.names[0] as string);
  return m;
}

export function nameOf(names: ReadonlyMap<Ip4, string>, addr: Ip4): string {
  return names.get(addr) ?? formatIp4(addr);
}
