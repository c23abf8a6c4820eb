/** BusyBox's error and keyword conventions (libbb: bb_error_msg_and_die, bb_show_usage, index_in_substrings). */
import { IpError } from '../util';

export const BB_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]

OPTIONS := -f[amily] inet|inet6|link | -o[neline]

ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]
ip route list|flush|add|del|change|append|replace|test ROUTE
ip link set IFACE [up|down] [arp on|off] [multicast on|off]
\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]
\t[master IFACE | nomaster] [netns PID]
ip tunnel add|change|del|show [NAME]
\t[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]
ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]
ip rule [list] | add|del SELECTOR ACTION
`;

/** bb_show_usage(): the usage text on stderr, exit 1. */
export function bbUsage(): IpError {
  return new IpError(BB_USAGE, 1);
}

/** bb_error_msg_and_die() of the applet: "ip: MESSAGE", with the applet's current error exit code. */
export function bbDie(msg: string, code = 1): IpError {
  return new IpError(`ip: ${msg}\n`, code);
}

/** index_in_substrings(): an exact word, or the only keyword it is a prefix of; -1 when none or ambiguous. */
export function indexInSubstrings(keywords: readonly string[], word: string): number {
  if (word.length === 0) return -1;
  let matched = -1;
  for (let i = 0; i < keywords.length; i++) {
    const k = keywords[i] as string;
    if (!k.startsWith(word)) continue;
    if (k === word) return i;
    if (matched >= 0) return -1;
    matched = i;
  }
  return matched;
}
