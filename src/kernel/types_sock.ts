/**
 * The kernel's state, continued (types.ts re-exports it): sockets (net/socket.c, include/linux/tcp.h).
 */
import type { Ip4 } from '../lib';
import type { DevId, NsId } from './types_base';
import type { Icmp6Msg, InnerL4, Ip4Header, L4, Payload } from './types_packet';

// ---------------------------------------------------------------------------------------------------------
// Sockets: just enough transport for teaching (listeners, connect/refused/timeout, ping sockets)

export type SocketProto = 'tcp' | 'udp' | 'icmp';

/** What answers on a listening socket. Plain data so the World stays serializable. */
export type SocketApp =
  | {
      kind: 'http';
      server: string;
      body: string;
      contentType: string;
      /**
       * nginx's Date/Last-Modified/ETag headers and its logs: the wall clock at simulated time 0, the page's
       * mtime, and ngx_connection_counter (`conns`, counted on the listener; `no`: a connection's number, `*N`).
       */
      wall?: { epochMs: number; lastModifiedS: number; conns: number; no?: number };
    }
  /** BusyBox httpd (networking/httpd.c): the files under its home as they were when it started. */
  | { kind: 'httpd'; epochMs: number; files: Record<string, { body: string; mtimeS: number }> }
  /**
   * A listening netcat run as a background program: `reply` is what its stdin holds (sent on accept), and
   * with `stdinEof` (a pipe or /dev/null) it then shuts its side down; what it reads is its stdout
   * (`KernelHooks.programOutput`); `keep` (-k, or a loop) listens again.
   */
  | { kind: 'nc'; stdinEof: boolean; keep: boolean; reply: string }
  | { kind: 'dns' }
  | { kind: 'echo' }
  | { kind: 'proxy'; toAddr: Ip4; toPort: number }
  | { kind: 'sink' }
  | { kind: 'client' };

export interface Socket {
  id: number;
  proto: SocketProto;
  localAddr: Ip4;
  localPort: number;
  remoteAddr: Ip4 | null;
  remotePort: number | null;
  state:
    | 'LISTEN'
    | 'UNCONN'
    | 'SYN-SENT'
    | 'SYN-RECV'
    | 'ESTAB'
    | 'FIN-WAIT-1'
    | 'FIN-WAIT-2'
    | 'CLOSING'
    | 'CLOSE-WAIT'
    | 'LAST-ACK'
    | 'TIME-WAIT'
    | 'CLOSED';
  /** Program name as `ss -p`/`netstat -p` would show it. */
  program: string;
  /** The holding process's pid as the host's (initial) PID namespace numbers it. */
  pid: number;
  /**
   * The holding process's own PID namespace and its pid there, when it is not the host's: a container's
   * processes (Docker gives each container its own PID namespace). ss and netstat find a socket's process by
   * walking /proc, which shows only the reader's PID namespace and those below it: a container sharing a
   * network namespace (`--network container:web`) sees web's sockets but not web's processes. Null: a process
   * of the host (docker-proxy, dockerd's embedded DNS).
   */
  nsPid: SocketNsPid | null;
  app: SocketApp;
  /** Data and errors delivered to the socket, drained by the program (ping reads replies here). */
  rx: SocketMessage[];
  /** SO_BINDTODEVICE (ping -I eth0, traceroute -i): the only device it sends through and receives from. */
  bindDev: DevId | null;
  /** IP_TTL, or null for net.ipv4.ip_default_ttl. */
  ttl: number | null;
  /** IP_MTU_DISCOVER when set (absent: want, net.ipv4.ip_no_pmtu_disc 0); ip_output.ts Datagram.pmtudisc. */
  pmtudisc?: 'want' | 'dont' | 'do' | 'probe';
  /** IP_RECVERR: ICMP errors about this socket's packets are queued as 'error' messages. */
  recverr: boolean;
  /** An AF_INET6 raw ICMPv6 socket (a ping to an IPv6 address): it reads ICMPv6, not ICMP. */
  v6?: boolean;
  /** TCP's control block (struct tcp_sock, reduced), null for other protocols and listeners. */
  tcp: TcpCb | null;
  /** listen()'s backlog (sk_max_ack_backlog, capped by net.core.somaxconn): what ss shows as a listener's Send-Q. */
  backlog: number;
}

/** A program's socket wake-up held back while its cgroup is frozen (cgroup_freezer.ts). */
export interface FrozenWake {
  ns: NsId;
  socket: number;
  action: string;
}

/** A process's PID namespace (an opaque id: a container's) and its pid in it. */
export interface SocketNsPid {
  ns: string;
  pid: number;
}

/** The TCP sequence space and timers of one connection (include/linux/tcp.h struct tcp_sock, reduced). */
export interface TcpCb {
  iss: number;
  /** Next sequence number to send, oldest unacknowledged, next expected from the peer. */
  sndNxt: number;
  sndUna: number;
  rcvNxt: number;
  /** The retransmit timer's expiry (icsk_retransmit_timer), and how many times it fired for this segment. */
  rtoAtUs: number | null;
  retries: number;
  /** Segments sent but not acknowledged yet, for retransmission (their flags and payload). */
  unacked: { seq: number; flags: string; payload: Payload }[];
  /** The listener an accepted connection came from. */
  parent: number | null;
  /** The socket whose data this one relays (docker-proxy's two halves). */
  peerSock: number | null;
  /** An accepted connection was handed to its program (accept()). */
  accepted: boolean;
}

export type SocketMessage =
  | { kind: 'data'; fromAddr: Ip4; fromPort: number; ttl: number; atUs: number; payload: Payload }
  | {
      kind: 'error';
      fromAddr: Ip4;
      atUs: number;
      icmpType: number;
      icmpCode: number;
      payload: Payload;
      /** The offending datagram the ICMP error quotes (sock_extended_err's payload): our own header. */
      inner: Ip4Header | null;
      innerL4: InnerL4 | null;
      /** ee_origin: an ICMP message from `fromAddr`, or a local error (EMSGSIZE...). */
      origin: 'icmp' | 'local';
      /**
       * ee_errno and ee_info of a local error (ip_local_error): EMSGSIZE with the path MTU; ee_info of an
       * ICMP "fragmentation needed" is its next-hop MTU.
       */
      eeErrno?: string;
      eeInfo?: number;
      /** IP_RECVTTL: the TTL the ICMP message arrived with. */
      ttl: number;
    }
  /** A whole ICMP message read from a raw ICMP socket (ping, traceroute's receive socket). */
  | {
      kind: 'icmp';
      fromAddr: Ip4;
      toAddr: Ip4;
      atUs: number;
      ttl: number;
      /** IP total length of the datagram. */
      ipLen: number;
      icmp: Extract<L4, { proto: 1 }>;
      /** The receiving device (IP_PKTINFO). */
      dev: DevId | null;
    }
  /** An ICMPv6 message read from a raw ICMPv6 socket (ping to an IPv6 address): echo replies and errors. */
  | { kind: 'icmp6'; from: string; atUs: number; hopLimit: number; plen: number; icmp: Icmp6Msg }
  | { kind: 'reset'; atUs: number }
  | { kind: 'connected'; atUs: number }
  /** The peer closed its side (a FIN): read() returns 0 from now on. */
  | { kind: 'eof'; atUs: number }
  /** A connection-level error (sk_err): ETIMEDOUT, EHOSTUNREACH, ECONNREFUSED from ICMP... */
  | { kind: 'sockerr'; atUs: number; errno: string };
