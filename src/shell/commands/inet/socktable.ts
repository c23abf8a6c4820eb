/**
 * The socket table as ss (inet_diag) and netstat (/proc/net/tcp, udp) read it, one row per socket of the
 * namespace: the dump order (UDP before TCP for ss, listeners before connections: the listening hash is
 * walked before the established one, each in the order the sockets were made, since the real bucket
 * order depends on a per-boot hash), the queue sizes (a listener's accept queue and backlog; unread and
 * unacknowledged bytes otherwise) and the owning process.
 */
import type { Ip4 } from '../../../lib';
import type { KernelState, NsId, Socket } from '../../../kernel';
import { dataText } from './socket';
import { sockPidIn, xaGet } from '../../../kernel';

export interface SockRow {
  proto: 'tcp' | 'udp';
  /** An AF_INET6 socket (its wildcard address reads [::] in ss, :: in netstat). */
  v6: boolean;
  /** ss's state name (LISTEN, UNCONN, ESTAB, TIME-WAIT...). */
  state: Socket['state'];
  recvQ: number;
  sendQ: number;
  local: Ip4;
  localPort: number;
  remote: Ip4;
  remotePort: number;
  /** The process holding it, or null (TIME-WAIT and other orphans). */
  owner: { program: string; pid: number; fd: number } | null;
}

/** Sockets only the kernel holds once their program closed them: no process in ss -p / netstat -p. */
const ORPHAN: ReadonlySet<Socket['state']> = new Set(['TIME-WAIT', 'FIN-WAIT-2', 'LAST-ACK', 'CLOSING']);

function unread(s: Socket): number {
  return s.rx.reduce((n, m) => n + (m.kind === 'data' ? dataText(m).length : 0), 0);
}

function unacked(s: Socket): number {
  return (s.tcp?.unacked ?? []).reduce(
    (n, u) =>
      n +
      (u.payload.kind === 'text' ? u.payload.text.length : u.payload.kind === 'bytes' ? u.payload.size : 0),
    0,
  );
}

/** File descriptors: a process's sockets get 3, 4, ... in the order it opened them. */
function fdOf(all: readonly Socket[], s: Socket): number {
  return (
    3 +
    all.filter((x) => x.pid === s.pid && x.program === s.program && x.id < s.id && !ORPHAN.has(x.state))
      .length
  );
}

/** The process holding `s` as a reader in PID namespace `pidns` names it, or null when its /proc hides it. */
function ownerOf(all: readonly Socket[], s: Socket, pidns: string): SockRow['owner'] {
  const pid = sockPidIn(s, pidns);
  return pid === null ? null : { program: s.program, pid, fd: fdOf(all, s) };
}

/**
 * The rows of namespace `ns` as a reader in PID namespace `pidns` sees them: a process its /proc does not show
 * owns nothing it can name.
 */
export function socketRows(k: KernelState, ns: NsId, pidns: string): SockRow[] {
  const all = xaGet(k.netns, ns)?.sockets ?? [];
  // An unbound, unconnected TCP socket is in no hash table: inet_diag does not see it.
  const inet = all.filter(
    (s) => (s.proto === 'udp' || (s.proto === 'tcp' && s.state !== 'UNCONN')) && s.state !== 'CLOSED',
  );
  const row = (s: Socket): SockRow => {
    const listen = s.state === 'LISTEN';
    // Servers the kernel runs (nginx, docker-proxy) take their connections at once; a program's wait in its queue.
    const queued = listen
      ? all.filter(
          (c) =>
            c.tcp?.parent === s.id && !c.tcp.accepted && c.state !== 'SYN-RECV' && c.app.kind === 'client',
        ).length
      : 0;
    return {
      proto: s.proto as 'tcp' | 'udp',
      v6: !!s.v6,
      state: s.state,
      recvQ: listen ? queued : unread(s),
      sendQ: listen ? s.backlog : unacked(s),
      local: s.localAddr,
      localPort: s.localPort,
      remote: s.remoteAddr ?? 0,
      remotePort: s.remotePort ?? 0,
      owner: ORPHAN.has(s.state) ? null : ownerOf(all, s, pidns),
    };
  };
  const bySeq = (a: Socket, b: Socket) => a.id - b.id;
  // Each family is its own dump (inet_diag AF_INET, then AF_INET6; /proc/net/tcp, then tcp6).
  const out: SockRow[] = [];
  for (const v6 of [false, true]) {
    const fam = inet.filter((s) => !!s.v6 === v6);
    const udp = fam.filter((s) => s.proto === 'udp').sort(bySeq);
    out.push(...udp.map(row));
  }
  for (const v6 of [false, true]) {
    const tcp = inet.filter((s) => !!s.v6 === v6 && s.proto === 'tcp').sort(bySeq);
    out.push(...tcp.filter((s) => s.state === 'LISTEN').map(row));
    out.push(...tcp.filter((s) => s.state !== 'LISTEN').map(row));
  }
  return out;
}
