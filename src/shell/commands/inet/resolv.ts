/**
 * Name resolution as the C library does it for network clients, with real DNS packets through the
 * simulated kernel's UDP path (glibc resolv/res_send.c, nss_files, getaddrinfo/getnameinfo):
 * - a numeric address (inet_aton's lax forms), then /etc/hosts (first match wins, IPv4 lines only: the
 *   simulated sockets are IPv4), then the `nameserver` lines of /etc/resolv.conf (127.0.0.1 when there
 *   are none);
 * - each query is a UDP datagram from an ephemeral port to the server's port 53; Docker's embedded DNS
 *   (127.0.0.11, reached through the DNAT rules in the container) and the internet's 8.8.8.8 answer it;
 *   a loopback server with nothing behind it answers with ICMP port unreachable (ECONNREFUSED on the
 *   connected socket), which marks that server bad at once, as res_send does;
 * - RES_DFLRETRY (2) attempts over the servers, RES_TIMEOUT (5 s) for the first attempt divided by the
 *   number of servers, doubled for the next (res_send.c send_dg);
 * - NXDOMAIN is EAI_NONAME, an answer without A records EAI_NODATA, no usable server EAI_AGAIN.
 */
import type { Ip4 } from '../../../lib';
import { formatIp4, nextU32, parseIp4, parseIp4Lax } from '../../../lib';
import type { CommandIO } from '../../types';
import {
  closeSock,
  connectSock,
  newPid,
  nowUs,
  openSock,
  sendPayload,
  waitSock,
  type ProgSock,
} from './socket';

export type GaiError = 'noname' | 'again' | 'nodata';

export const GAI_STRERROR: Readonly<Record<GaiError, string>> = {
  noname: 'Name or service not known',
  again: 'Temporary failure in name resolution',
  nodata: 'No address associated with hostname',
};

export type Lookup = { ok: true; addr: Ip4; numeric: boolean } | { ok: false; error: GaiError };

export async function readEtc(io: CommandIO, path: string): Promise<string> {
  try {
    return await io.fs.readFile(path);
  } catch {
    return '';
  }
}

interface HostsLine {
  addr: Ip4;
  names: string[];
}

export function parseHosts(text: string): HostsLine[] {
  const out: HostsLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [a, ...names] = line.split(/\s+/);
    const addr = a === undefined ? null : parseIp4(a);
    if (addr !== null && names.length > 0) out.push({ addr, names });
  }
  return out;
}

/** The `nameserver` addresses of resolv.conf in order (res_init: at most three; 127.0.0.1 if none). */
export function parseNameservers(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    if (m?.[1] && out.length < 3) out.push(m[1]);
  }
  return out;
}

export async function nameservers(io: CommandIO): Promise<string[]> {
  const ns = parseNameservers(await readEtc(io, '/etc/resolv.conf'));
  return ns.length > 0 ? ns : ['127.0.0.1'];
}

export interface DnsAnswer {
  rcode: number;
  answers: string[];
  /** The reply's server and the time it came. */
  from: Ip4;
}

export type DnsOutcome =
  | { kind: 'reply'; reply: DnsAnswer }
  | { kind: 'refused' }
  | { kind: 'timeout' }
  | { kind: 'error'; errno: string }
  | { kind: 'aborted' };

/** A connected UDP socket to server:53 (or the errno connect() gave). */
export function dnsSocket(
  io: CommandIO,
  program: string,
  pid: number,
  server: Ip4,
  port = 53,
): { sock: ProgSock } | { errno: string } {
  const sock = openSock(io, 'udp', program, pid);
  const e = connectSock(io, sock, server, port);
  if (e) {
    closeSock(io, sock);
    return { errno: e };
  }
  return { sock };
}

/** A query id (res_mkquery: random). */
export function queryId(io: CommandIO): number {
  return io.os.mutate(({ kctx }) => nextU32(kctx.rng) & 0xffff);
}

/** send() one query on a connected socket; the reply is read with `dnsAwait`. */
export function dnsSend(
  io: CommandIO,
  sock: ProgSock,
  id: number,
  qname: string,
  qtype: string,
): string | null {
  return sendPayload(io, sock, { kind: 'dns', id, qname, qtype, answers: null, rcode: 0 });
}

/** Wait for the reply to query `id` (or ICMP's refusal, or the deadline). */
export async function dnsAwait(
  io: CommandIO,
  sock: ProgSock,
  ids: readonly number[],
  untilUs: number,
): Promise<{ kind: 'reply'; id: number; reply: DnsAnswer } | Exclude<DnsOutcome, { kind: 'reply' }>> {
  for (;;) {
    const m = sock.pending.shift();
    if (m) {
      if (m.kind === 'sockerr')
        return m.errno === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'error', errno: m.errno };
      if (
        m.kind === 'data' &&
        m.payload.kind === 'dns' &&
        m.payload.answers !== null &&
        ids.includes(m.payload.id)
      )
        return {
          kind: 'reply',
          id: m.payload.id,
          reply: { rcode: m.payload.rcode, answers: m.payload.answers, from: m.fromAddr },
        };
      continue;
    }
    if (nowUs(io) >= untilUs) return { kind: 'timeout' };
    if (!(await waitSock(io, sock, untilUs))) return { kind: 'aborted' };
  }
}

/** res_query over the resolv.conf servers: the answer of the first server that gives one. */
export async function resQuery(
  io: CommandIO,
  qname: string,
  qtype: string,
  program: string,
): Promise<DnsAnswer | 'again' | 'aborted'> {
  const servers = (await nameservers(io)).map((s) => parseIp4(s)).filter((a): a is Ip4 => a !== null);
  const bad = new Set<number>();
  const pid = newPid(io);
  for (let attempt = 0; attempt < 2; attempt++) {
    for (let i = 0; i < servers.length; i++) {
      if (bad.has(i)) continue;
      const server = servers[i] as Ip4;
      const timeoutUs = Math.max(1_000_000, Math.floor((5_000_000 << attempt) / servers.length));
      const c = dnsSocket(io, program, pid, server);
      if ('errno' in c) {
        bad.add(i);
        continue;
      }
      const id = queryId(io);
      const sent = dnsSend(io, c.sock, id, qname, qtype);
      const r = sent
        ? ({ kind: 'error', errno: sent } as const)
        : await dnsAwait(io, c.sock, [id], nowUs(io) + timeoutUs);
      closeSock(io, c.sock);
      if (r.kind === 'aborted') return 'aborted';
      if (r.kind === 'reply' && r.reply.rcode !== 2) return r.reply;
      if (r.kind === 'refused' || r.kind === 'error') bad.add(i);
    }
  }
  return 'again';
}

/** getaddrinfo(name, AF_INET): the first IPv4 address. */
export async function getaddrinfo(io: CommandIO, name: string, program: string): Promise<Lookup | 'aborted'> {
  const numeric = parseIp4Lax(name);
  if (numeric !== null) return { ok: true, addr: numeric, numeric: true };
  const lower = name.toLowerCase();
  for (const h of parseHosts(await readEtc(io, '/etc/hosts')))
    if (h.names.some((n) => n.toLowerCase() === lower)) return { ok: true, addr: h.addr, numeric: false };
  const r = await resQuery(io, lower.replace(/\.$/, ''), 'A', program);
  if (r === 'aborted') return r;
  if (r === 'again') return { ok: false, error: 'again' };
  if (r.rcode === 3) return { ok: false, error: 'noname' };
  const first = r.answers.map((a) => parseIp4(a)).find((a): a is Ip4 => a !== null);
  return first === undefined ? { ok: false, error: 'nodata' } : { ok: true, addr: first, numeric: false };
}

/** The in-addr.arpa name of an address. */
export function ptrName(a: Ip4): string {
  return `${a & 255}.${(a >>> 8) & 255}.${(a >>> 16) & 255}.${a >>> 24}.in-addr.arpa`;
}

/**
 * getnameinfo() without NI_NUMERICHOST or NI_NAMEREQD: /etc/hosts, then a PTR query; no name is the
 * numeric form, no reachable server EAI_AGAIN.
 */
export async function getnameinfo(
  io: CommandIO,
  addr: Ip4,
  program: string,
): Promise<string | GaiError | 'aborted'> {
  for (const h of parseHosts(await readEtc(io, '/etc/hosts')))
    if (h.addr === addr) return h.names[0] as string;
  const r = await resQuery(io, ptrName(addr), 'PTR', program);
  if (r === 'aborted') return r;
  if (r === 'again') return 'again';
  return r.rcode === 0 && r.answers[0] ? r.answers[0] : formatIp4(addr);
}
