/**
 * One conntrack entry as `conntrack -L` prints it (libnetfilter_conntrack src/conntrack/snprintf_default.c,
 * used by conntrack-tools 1.4.7): "%-8s %u " protocol name and number, seconds left, the TCP state, the
 * original tuple, "[UNREPLIED]" before the reply tuple until a reply was seen, "[ASSURED]", "mark=0 use=1".
 * `-o extended` puts "ipv4     2 " in front.
 */
import { formatIp4 } from '../../../lib';
import { ctSecondsLeft, ICMP_REPLY_OF, type ConntrackEntry, type CtTuple } from '../../../kernel';

/** libnetfilter_conntrack's proto2str[] (anything else is "unknown"). */
const PROTO_NAMES: Record<number, string> = {
  1: 'icmp',
  6: 'tcp',
  17: 'udp',
  33: 'dccp',
  47: 'gre',
  58: 'icmpv6',
  132: 'sctp',
  136: 'udplite',
};

export function ctProtoName(proto: number): string {
  return PROTO_NAMES[proto] ?? 'unknown';
}

function tuple(e: ConntrackEntry, t: CtTuple, icmpType: number | null): string {
  let s = `src=${formatIp4(t.src)} dst=${formatIp4(t.dst)} `;
  if (e.proto === 6 || e.proto === 17) s += `sport=${t.sport} dport=${t.dport} `;
  else if (e.proto === 1) s += `type=${icmpType ?? 0} code=${e.icmpCode ?? 0} id=${t.sport} `;
  return s;
}

export function ctLine(e: ConntrackEntry, nowUs: number, extended: boolean, use = 1): string {
  let s = extended ? `${'ipv4'.padEnd(8)} 2 ` : '';
  s += `${ctProtoName(e.proto).padEnd(8)} ${e.proto} ${ctSecondsLeft(e, nowUs)} `;
  if (e.tcpState) s += `${e.tcpState} `;
  s += tuple(e, e.orig, e.icmpType);
  if (!e.seenReply) s += '[UNREPLIED] ';
  const replyType = e.icmpType === null ? null : (ICMP_REPLY_OF[e.icmpType] ?? e.icmpType);
  s += tuple(e, e.reply, replyType);
  if (e.assured) s += '[ASSURED] ';
  s += `mark=${e.mark} `;
  if (e.zone) s += `zone=${e.zone} `;
  return `${s}use=${use}\n`;
}
