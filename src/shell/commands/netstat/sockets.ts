/**
 * netstat's socket listing: net-tools 2.10 (netstat.c tcp_do_one/udp_do_one, prg_cache) and BusyBox 1.35
 * (networking/netstat.c print_inet_line), reading the same rows /proc/net/tcp and udp give (TCP before
 * UDP). -l shows listeners and unconnected UDP sockets, -a everything, neither the rest. Addresses are
 * named from /etc/hosts unless -n (no name server is asked: the simulated ones know no PTR records);
 * net-tools cuts the host so "host:port" fits 23 columns. Without -t/-u the Unix section follows (the
 * simulation has no Unix sockets, so only its header).
 */
import type { Ip4 } from '../../../lib';
import { formatIp4 } from '../../../lib';
import type { CommandIO } from '../../types';
import { parseHosts, readEtc } from '../inet/resolv';
import { serviceName } from '../inet/services';
import { socketRows, type SockRow } from '../inet/socktable';
import { procPidNs } from '../../pid_ns';

export interface SockListOpts {
  tcp: boolean;
  udp: boolean;
  listening: boolean;
  all: boolean;
  numeric: boolean;
  programs: boolean;
  busybox: boolean;
}

/** tcp_state[]: netstat's names. */
const STATE: Readonly<Record<string, string>> = {
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
};

function isServer(r: SockRow): boolean {
  return r.proto === 'tcp' ? r.state === 'LISTEN' : r.remotePort === 0;
}

function title(o: SockListOpts): string {
  if (o.all) return '(servers and established)';
  return o.listening ? '(only servers)' : '(w/o servers)';
}

export async function listSockets(io: CommandIO, o: SockListOpts): Promise<number> {
  const names = new Map<Ip4, string>();
  if (!o.numeric)
    for (const h of parseHosts(await readEtc(io, '/etc/hosts')))
      if (!names.has(h.addr)) names.set(h.addr, h.names[0] as string);
  const both = !o.tcp && !o.udp;
  const endpoint = (addr: Ip4, port: number, proto: 'tcp' | 'udp', v6: boolean): string => {
    const p = port === 0 ? '*' : ((o.numeric ? null : serviceName(port, proto)) ?? String(port));
    // An IPv6 wildcard: "::" numerically, "[::]" when names are looked up (net-tools INET6_rprint).
    let host = v6
      ? o.numeric || o.busybox
        ? '::'
        : '[::]'
      : (addr !== 0 && names.get(addr)) || formatIp4(addr);
    if (!o.busybox && host.length + p.length > 22) host = host.slice(0, Math.max(0, 22 - p.length));
    return `${host}:${p}`;
  };
  const rows = socketRows(io.os.state.kernel, io.proc.ns, procPidNs(io.proc));
  const ordered = [...rows.filter((r) => r.proto === 'tcp'), ...rows.filter((r) => r.proto === 'udp')];
  const banner = o.programs ? 'PID/Program name    ' : '';
  let out = `Active Internet connections ${title(o)}\n`;
  out += o.busybox
    ? `Proto Recv-Q Send-Q ${'Local Address'.padEnd(23)} ${'Foreign Address'.padEnd(23)} State       ${banner}\n`
    : `Proto Recv-Q Send-Q Local Address           Foreign Address         State      ${o.programs ? ` ${banner}` : ''}\n`;
  for (const r of ordered) {
    if ((r.proto === 'tcp' && !o.tcp && !both) || (r.proto === 'udp' && !o.udp && !both)) continue;
    const server = isServer(r);
    if (!o.all && (o.listening ? !server : server)) continue;
    const state =
      r.proto === 'tcp' ? (STATE[r.state] ?? 'UNKNOWN') : r.state === 'ESTAB' ? 'ESTABLISHED' : '';
    const l = endpoint(r.local, r.localPort, r.proto, r.v6);
    const f = endpoint(r.remote, r.remotePort, r.proto, r.v6);
    // net-tools names the /proc/net/tcp6 rows tcp6; BusyBox calls both tcp.
    const proto = r.v6 && !o.busybox ? `${r.proto}6` : r.proto;
    // /proc/net/tcp gives a listener tx_queue 0 (write_seq - snd_una), not its backlog as ss does.
    const q = `${String(r.recvQ).padStart(6)} ${String(r.state === 'LISTEN' ? 0 : r.sendQ).padStart(6)}`;
    const prog = r.owner ? `${r.owner.pid}/${r.owner.program}` : '-';
    if (o.busybox) {
      out += `${r.proto}   ${q} ${l.padEnd(23)} ${f.padEnd(23)} ${state.padEnd(12)}`;
      out += o.programs ? prog.slice(0, 20) : '';
    } else {
      out += `${proto.padEnd(4)}  ${q} ${l.padEnd(23)} ${f.padEnd(23)} ${state.padEnd(11)}`;
      out += o.programs ? ` ${prog.padEnd(20)}` : '';
    }
    out += '\n';
  }
  if (both) {
    out += `Active UNIX domain sockets ${title(o)}\n`;
    out += o.busybox
      ? `Proto RefCnt Flags       Type       State         I-Node ${banner}Path\n`
      : `Proto RefCnt Flags       Type       State         I-Node   ${o.programs ? 'PID/Program name     ' : ''}Path\n`;
  }
  io.out(out);
  return 0;
}
