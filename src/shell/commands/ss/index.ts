/**
 * `ss` from iproute2 6.1 (misc/ss.c) over the simulated socket table, for TCP and UDP over IPv4:
 * -t -u -l -a -n -p -H -4 and their long forms. Without -t/-u every socket kind is listed (the Netid
 * column then shows); without -l/-a only connected states (SS_CONN: not LISTEN, UNCONN, TIME-WAIT or
 * SYN-RECV); -l is LISTEN and UNCONN. A column is hidden when only one kind (Netid) or one state (State)
 * can appear. Ports are named from /etc/services unless -n; addresses are never resolved (no -r).
 * Process: ` users:(("prog",pid=N,fd=F))` with -p. Unix, raw and other families have no sockets here.
 */
import { formatIp4, own } from '../../../lib';
import type { CommandIO, SimCommand } from '../../types';
import { serviceName } from '../inet/services';
import { socketRows, type SockRow } from '../inet/socktable';
import { render, ssColumns } from './render';
import { SS_USAGE } from './usage';
import { procPidNs } from '../../pid_ns';

interface SsOpts {
  tcp: boolean;
  udp: boolean;
  listening: boolean;
  all: boolean;
  numeric: boolean;
  processes: boolean;
  noHeader: boolean;
  otherFamily: boolean;
  /** -4 or -6 alone: only that family's sockets. */
  family: 4 | 6 | null;
}

const LONG: Record<string, string> = {
  tcp: 't',
  udp: 'u',
  listening: 'l',
  all: 'a',
  numeric: 'n',
  processes: 'p',
  'no-header': 'H',
  ipv4: '4',
  ipv6: '6',
  help: 'h',
  unix: 'x',
  raw: 'w',
  extended: 'e',
  options: 'o',
  info: 'i',
  memory: 'm',
  resolve: 'r',
};
const SHORT = 'tulanpH46hxwoeimrs';

/** The states SS_CONN stands for. */
const CONN_EXCLUDED = new Set(['LISTEN', 'UNCONN', 'TIME-WAIT', 'SYN-RECV']);

function parse(argv: readonly string[]): { o: SsOpts; flags: string } | { err: string } {
  let flags = '';
  for (const a of argv.slice(1)) {
    if (a.startsWith('--')) {
      const f = own(LONG, a.slice(2));
      if (!f) return { err: `ss: unrecognized option '${a}'\n` };
      flags += f;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (!SHORT.includes(c)) return { err: `ss: invalid option -- '${c}'\n` };
        flags += c;
      }
    } else return { err: `ss: filters are not simulated here: ${a}\n` };
  }
  const has = (c: string) => flags.includes(c);
  return {
    flags,
    o: {
      tcp: has('t'),
      udp: has('u'),
      listening: has('l'),
      all: has('a'),
      numeric: has('n'),
      processes: has('p'),
      noHeader: has('H'),
      otherFamily: has('x') || has('w'),
      family: has('4') && !has('6') ? 4 : has('6') && !has('4') ? 6 : null,
    },
  };
}

/** An address as ss prints it: IPv6 in brackets (the sockets modelled are wildcards: [::]). */
function addrText(r: SockRow, a: number): string {
  return r.v6 ? '[::]' : formatIp4(a);
}

function shown(o: SsOpts, r: SockRow): boolean {
  if (o.family !== null && (o.family === 6) !== r.v6) return false;
  if (o.all) return true;
  if (o.listening) return r.state === 'LISTEN' || r.state === 'UNCONN';
  return !CONN_EXCLUDED.has(r.state);
}

function port(o: SsOpts, p: number, proto: 'tcp' | 'udp'): string {
  if (p === 0) return '*';
  return (o.numeric ? null : serviceName(p, proto)) ?? String(p);
}

export const ssCommand: SimCommand = {
  name: 'ss',
  run(io: CommandIO) {
    const p = parse(io.argv);
    if ('err' in p) {
      io.err(p.err.startsWith('ss: filters') ? p.err : `${p.err}${SS_USAGE}`);
      return p.err.startsWith('ss: filters') ? 1 : 255;
    }
    const o = p.o;
    if (p.flags.includes('h')) {
      io.out(SS_USAGE);
      return 0;
    }
    const kinds =
      o.tcp || o.udp || o.otherFamily
        ? [o.tcp && 'tcp', o.udp && 'udp'].filter(Boolean)
        : ['tcp', 'udp', 'other'];
    const cols = ssColumns();
    const netid = cols[0];
    const state = cols[1];
    const proc = cols[8];
    // Netid hides when one kind is asked for; State when one state can show (-l is LISTEN and UNCONN).
    if (netid) netid.disabled = kinds.length + (o.otherFamily ? 1 : 0) <= 1;
    if (state) state.disabled = false;
    if (proc) proc.disabled = false;
    const rows = socketRows(io.os.state.kernel, io.proc.ns, procPidNs(io.proc))
      .filter((r) => kinds.includes(r.proto) && shown(o, r))
      .map((r) => [
        r.proto,
        r.state,
        String(r.recvQ).padEnd(6),
        String(r.sendQ).padEnd(6),
        `${addrText(r, r.local)}:`,
        port(o, r.localPort, r.proto),
        `${addrText(r, r.remote)}:`,
        port(o, r.remotePort, r.proto),
        o.processes && r.owner ? ` users:(("${r.owner.program}",pid=${r.owner.pid},fd=${r.owner.fd}))` : '',
        '',
      ]);
    io.out(render(cols, rows, !o.noHeader));
    return 0;
  },
};
