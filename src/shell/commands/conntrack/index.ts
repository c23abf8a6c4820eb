/**
 * `conntrack` from conntrack-tools 1.4.7 (src/conntrack.c): -L (list), -D (delete), -F (flush), -C (count)
 * over the namespace's connection tracking table, with the tuple filters -s/-d/-r/-q, -p, --src-nat,
 * --dst-nat, --mark and `-o extended`. Counts and confirmations go to stderr, as the real tool does.
 */
import { PROTOCOLS, ctLive, ctUse, type ConntrackEntry, xaGet } from '../../../kernel';
import { parseIp4 } from '../../../lib';
import type { CommandIO, SimCommand } from '../../types';
import { permitted } from '../../capability';
import { Getopt, type LongOpt } from '../../getopt';
import { ctLine } from './format';
import { CONNTRACK_HELP } from './help';

const PROG = 'conntrack v1.4.7 (conntrack-tools)';
const TRY = "Try `conntrack -h' or 'conntrack --help' for more information.\n";

const LONG: readonly LongOpt[] = [
  ['dump', 2, 'L'],
  ['delete', 2, 'D'],
  ['flush', 2, 'F'],
  ['count', 2, 'C'],
  ['stats', 2, 'S'],
  ['help', 0, 'h'],
  ['version', 0, 'V'],
  ['orig-src', 1, 's'],
  ['src', 1, 's'],
  ['orig-dst', 1, 'd'],
  ['dst', 1, 'd'],
  ['reply-src', 1, 'r'],
  ['reply-dst', 1, 'q'],
  ['protonum', 1, 'p'],
  ['proto', 1, 'p'],
  ['family', 1, 'f'],
  ['output', 1, 'o'],
  ['src-nat', 2, 'n'],
  ['dst-nat', 2, 'g'],
  ['mark', 1, 'm'],
  ['zone', 1, 'w'],
].map(([name, hasArg, val]) => ({ name: name as string, hasArg: hasArg as 0 | 1 | 2, val: val as string }));

class CtError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

const param = (msg: string): CtError => new CtError(`${PROG}: ${msg}\n${TRY}`);

type Filter = (e: ConntrackEntry) => boolean;

function addrFilter(text: string, pick: (e: ConntrackEntry) => number): Filter {
  const ip = parseIp4(text);
  if (ip === null) throw param(`Bad parameter \`${text}'`);
  return (e) => pick(e) === ip;
}

function protoFilter(text: string): Filter {
  const n = /^\d+$/.test(text) ? Number(text) : PROTOCOLS[text.toLowerCase()];
  const supported = ['tcp', 'udp', 'udplite', 'sctp', 'dccp', 'icmp', 'icmpv6', 'gre'];
  if (n === undefined || n > 255 || (!/^\d+$/.test(text) && !supported.includes(text.toLowerCase())))
    throw param(`\`${text}' unsupported protocol`);
  return (e) => e.proto === n;
}

function run(io: CommandIO): number {
  const g = new Getopt(io.argv, 'L::D::F::C::S::hVs:d:r:q:p:f:o:n::g::m:w:');
  let cmd: string | null = null;
  let extended = false;
  const filters: Filter[] = [];
  for (;;) {
    const r = g.next(LONG);
    if (r.kind === 'end') break;
    if (r.kind === 'unknown' || r.kind === 'nonopt')
      throw param(`unknown option \`${r.kind === 'nonopt' ? r.arg : r.text}'`);
    if (r.kind === 'missing') throw param(`option \`${r.text}' requires an argument`);
    const a = r.arg ?? '';
    switch (r.val) {
      case 'L':
      case 'D':
      case 'F':
      case 'C':
      case 'S':
      case 'h':
      case 'V':
        if (cmd !== null && cmd !== r.val) throw param('Invalid parameters, only one command allowed');
        cmd = r.val;
        // An optional table name ("conntrack", "expect") may follow as its own word.
        if (r.arg === null && g.hasArg() && 'LDFC'.includes(r.val)) g.take();
        break;
      case 's':
        filters.push(addrFilter(a, (e) => e.orig.src));
        break;
      case 'd':
        filters.push(addrFilter(a, (e) => e.orig.dst));
        break;
      case 'r':
        filters.push(addrFilter(a, (e) => e.reply.src));
        break;
      case 'q':
        filters.push(addrFilter(a, (e) => e.reply.dst));
        break;
      case 'p':
        filters.push(protoFilter(a));
        break;
      case 'n':
        filters.push((e) => e.srcNat);
        break;
      case 'g':
        filters.push((e) => e.dstNat);
        break;
      case 'm':
        filters.push((e) => e.mark === Number(a));
        break;
      case 'w':
        filters.push((e) => e.zone === Number(a));
        break;
      case 'o':
        extended = a.split(',').includes('extended');
        break;
      case 'f':
        break;
    }
  }
  if (cmd === null || cmd === 'h') {
    io.out(CONNTRACK_HELP);
    return 0;
  }
  if (cmd === 'V') {
    io.out(`conntrack v1.4.7 (conntrack-tools)\n`);
    return 0;
  }
  const ns = io.proc.ns;
  const now = io.os.state.clock.nowUs;
  const n = xaGet(io.os.state.kernel.netns, ns);
  const live = n ? ctLive(n, now) : [];
  if (!permitted(io.proc, 'nfnetlink')) return refused(io, cmd, live.length);
  const chosen = live.filter((e) => filters.every((f) => f(e)));
  switch (cmd) {
    case 'L':
      for (const e of chosen) io.out(ctLine(e, now, extended, n ? ctUse(n, e) : 1));
      io.err(`${PROG}: ${chosen.length} flow entries have been shown.\n`);
      return 0;
    case 'C':
      io.out(`${live.length}\n`);
      return 0;
    case 'F':
      io.os.mutate(({ sys }) => {
        const d = xaGet(sys.kernel.netns, ns);
        if (d) d.conntrack = [];
      });
      io.err(`${PROG}: connection tracking table has been emptied.\n`);
      return 0;
    case 'D': {
      for (const e of chosen) io.out(ctLine(e, now, extended, n ? ctUse(n, e) : 1));
      const ids = new Set(chosen.map((e) => e.id));
      io.os.mutate(({ sys }) => {
        const d = xaGet(sys.kernel.netns, ns);
        if (d) d.conntrack = d.conntrack.filter((e) => !ids.has(e.id));
      });
      io.err(`${PROG}: ${chosen.length} flow entries have been deleted.\n`);
      return chosen.length > 0 ? 0 : 1;
    }
    default:
      // -S: the per-CPU statistics (nf_conntrack_stat). The simulated host has two CPUs like the oracle's
      // VM, and none of these rare events (clashes, early drops, ...) is modelled, so they stay 0.
      for (const cpu of [0, 1])
        io.out(
          `cpu=${String(cpu).padEnd(4)}\tfound=0 invalid=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 ` +
            'search_restart=0 clash_resolve=0 chaintoolong=0 \n',
        );
      return 0;
  }
}

/**
 * nfnetlink_rcv_msg() answers every message with EPERM without CAP_NET_ADMIN, dumps too; conntrack says so
 * (err2str's EPERM text) after what each command prints regardless: -F its confirmation, -C the count it
 * never got, -S the /proc/net/stat/nf_conntrack table it falls back to. Exit status 1.
 */
function refused(io: CommandIO, cmd: string, entries: number): number {
  if (cmd === 'F') io.err(`${PROG}: connection tracking table has been emptied.\n`);
  if (cmd === 'C') io.out('0\n');
  if (cmd === 'S')
    for (const cpu of [0, 1])
      io.out(
        `cpu=${String(cpu).padEnd(4)}\tentries=${entries} clashres=0 found=0 new=0 invalid=0 ignore=0 delete=0 ` +
          'chainlength=0 insert=0 insert_failed=0 drop=0 early_drop=0 icmp_error=0 expect_new=0 expect_create=0 ' +
          'expect_delete=0 search_restart=0 \n',
      );
  io.err(`${PROG}: Operation failed: sorry, you must be root or get CAP_NET_ADMIN capability to do this\n`);
  return 1;
}

export const conntrackCommand: SimCommand = {
  name: 'conntrack',
  run(io) {
    try {
      return run(io);
    } catch (e) {
      if (e instanceof CtError) {
        io.err(e.text);
        return 2;
      }
      throw e;
    }
  },
};
