/**
 * `ifconfig IFACE add|del ADDR[/LEN]` for IPv6 (net-tools ifconfig.c and BusyBox: SIOGIFINDEX, then
 * SIOCSIFADDR/SIOCDIFADDR on an AF_INET6 socket; net/ipv6/addrconf.c addrconf_add_ifaddr/addrconf_del_ifaddr
 * -> inet6_addr_add/inet6_addr_del with a permanent address). The prefix length defaults to 128.
 */
import type { Errno } from '../../../kernel';
import { devByName, inet6AddAddr, inet6DelAddr, strerror } from '../../../kernel';
import { formatIp6, parseIp6 } from '../../../lib';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';

export type Inet6Result = { ok: true } | { usage: true } | { error: string };

export function inet6AddDel(io: CommandIO, name: string, text: string, add: boolean): Inet6Result {
  let host = text;
  let plen = 128;
  const slash = text.indexOf('/');
  if (slash >= 0) {
    // atol(): digits after an optional sign; anything outside 0..128 is a usage error.
    const m = /^\s*([+-]?\d+)/.exec(text.slice(slash + 1));
    plen = m ? parseInt(m[1] as string, 10) : 0;
    if (plen < 0 || plen > 128) return { usage: true };
    host = text.slice(0, slash);
  }
  const groups = parseIp6(host);
  if (!groups) return { error: `${host}: Resolver Error 0 (no error)` };
  const addr = formatIp6(groups);
  // addrconf_add_ifaddr()/addrconf_del_ifaddr() check CAP_NET_ADMIN before the device.
  if (!permitted(io.proc, 'ioctl'))
    return { error: `${add ? 'SIOCSIFADDR' : 'SIOCDIFADDR'}: ${strerror('EPERM')}` };
  const e = io.os.mutate(({ kctx }): Errno | 'NODEV' | null => {
    const colon = name.indexOf(':');
    const dev = devByName(kctx.k, io.proc.ns, colon < 0 ? name : name.slice(0, colon));
    if (!dev) return 'NODEV';
    const r = add
      ? inet6AddAddr(kctx, dev.id, { addr, prefixLen: plen, nodad: false })
      : inet6DelAddr(kctx, dev.id, addr, plen);
    return r.ok ? null : r.error.errno;
  });
  if (e === null) return { ok: true };
  if (e === 'NODEV') return { error: `SIOGIFINDEX: ${strerror('ENODEV')}` };
  return { error: `${add ? 'SIOCSIFADDR' : 'SIOCDIFADDR'}: ${strerror(e)}` };
}
