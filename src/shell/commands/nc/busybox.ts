/**
 * BusyBox 1.35 `nc` as Debian builds it (networking/nc.c with NC_SERVER and NC_EXTRA, not the nc-1.10
 * compatible nc_bloaty.c): getopt "lp:w:i:f:e:"; a client needs HOST [PORT] (bb_lookup_port: a number, a
 * service name, else 0), a listener at most one address. -w is an alarm() around connect()/accept()
 * ("nc: timed out"). The copy loop shuts the write side down at stdin's EOF and exits 0 when the peer
 * closes. Errors: "bad address 'x'" (xhost2sockaddr), "can't connect to remote host (IP): ..."
 * (create_and_connect_stream_or_die), "bind: Address already in use".
 */
import type { Ip4 } from '../../../lib';
import { formatIp4 } from '../../../lib';
import { strerror, type Errno } from '../../../kernel';
import { Getopt } from '../../getopt';
import type { CommandIO } from '../../types';
import { getaddrinfo } from '../inet/resolv';
import { servicePort } from '../inet/services';
import {
  acceptConn,
  closeSock,
  connectSock,
  newPid,
  nowUs,
  openSock,
  portInUse,
  waitConnect,
} from '../inet/socket';
import { relay } from './relay';
import { BUSYBOX_NC_USAGE } from './usage';

const SIGINT_EXIT = 130;

/** bb_lookup_port(): digits up to 65535, else a service name, else the default. */
function lookupPort(word: string | undefined): number {
  if (word === undefined) return 0;
  if (/^\d+$/.test(word) && Number(word) <= 65535) return Number(word);
  return servicePort(word, 'tcp') ?? 0;
}

/** xatou(): digits only, else "invalid number 'x'". */
function xatou(word: string): number | null {
  return /^\d+$/.test(word) ? Number(word) : null;
}

export async function runBusyboxNc(io: CommandIO): Promise<number> {
  const g = new Getopt(io.argv, 'lp:w:i:f:e:');
  let listen = 0;
  let lport = 0;
  let wsecs = 0;
  const words: string[] = [];
  for (;;) {
    const r = g.next([]);
    if (r.kind === 'end') break;
    if (r.kind === 'nonopt') {
      words.push(r.arg);
      continue;
    }
    if (r.kind === 'unknown' || r.kind === 'missing') {
      const what = r.kind === 'unknown' ? 'invalid option' : 'option requires an argument';
      io.err(`nc: ${what} -- '${r.text.slice(1)}'\n${BUSYBOX_NC_USAGE}`);
      return 1;
    }
    if (r.val === 'l') listen++;
    else if (r.val === 'p') lport = lookupPort(r.arg ?? '');
    else if (r.val === 'w' || r.val === 'i') {
      const n = xatou(r.arg ?? '');
      if (n === null) {
        io.err(`nc: invalid number '${r.arg ?? ''}'\n`);
        return 1;
      }
      if (r.val === 'w') wsecs = n;
    } else if (r.val === 'e' || r.val === 'f') {
      io.err(`nc: can't ${r.val === 'e' ? 'execute' : 'open'} '${r.arg ?? ''}': No such file or directory\n`);
      return 1;
    }
  }
  if ((listen && words.length > 1) || (!listen && (words.length === 0 || words.length > 2))) {
    io.err(BUSYBOX_NC_USAGE);
    return 1;
  }
  const alarmAt = wsecs > 0 ? nowUs(io) + wsecs * 1_000_000 : Number.POSITIVE_INFINITY;
  let addr: Ip4 = 0;
  if (words[0] !== undefined) {
    const r = await getaddrinfo(io, words[0], 'nc');
    if (r === 'aborted') return SIGINT_EXIT;
    if (!r.ok) {
      io.err(`nc: bad address '${words[0]}'\n`);
      return 1;
    }
    addr = r.addr;
  }
  const pid = newPid(io);
  let conn;
  if (listen) {
    if (portInUse(io, 'tcp', addr, lport)) {
      io.err('nc: bind: Address already in use\n');
      return 1;
    }
    const l = openSock(io, 'tcp', 'nc', pid, { addr, port: lport, backlog: listen });
    const c = await acceptConn(io, l, alarmAt);
    closeSock(io, l);
    if (!c) {
      if (io.signal.aborted) return SIGINT_EXIT;
      io.err('nc: timed out\n');
      return 1;
    }
    conn = c.sock;
  } else {
    const s = openSock(io, 'tcp', 'nc', pid, lport ? { addr: 0, port: lport } : undefined);
    const e = connectSock(io, s, addr, lookupPort(words[1]));
    const c = e ? ({ ok: false, errno: e } as const) : await waitConnect(io, s, alarmAt);
    if (!c.ok) {
      closeSock(io, s);
      if (c.errno === 'aborted') return SIGINT_EXIT;
      io.err(
        c.errno === 'timeout'
          ? 'nc: timed out\n'
          : `nc: can't connect to remote host (${formatIp4(addr)}): ${strerror(c.errno as Errno)}\n`,
      );
      return 1;
    }
    conn = s;
  }
  const end = await relay(io, conn, { shutdownOnEof: true, quitAfter: null, idle: null });
  closeSock(io, conn);
  return end === 'aborted' ? SIGINT_EXIT : 0;
}
