/**
 * BusyBox 1.35 `nslookup` (networking/nslookup.c, the full variant): `nslookup [-type=T] HOST [SERVER]`
 * sends A and AAAA together (PTR for an address) to each server in turn, RES_TIMEOUT 5 s. The header
 * "Server:"/"Address: S:53" comes with the first reply; each reply prints "Non-authoritative answer:"
 * (Docker's and the internet's servers do not set AA) with its records and a blank line, or
 * "** server can't find NAME: RCODE"; the exit code is 1 if any query failed. A refused server:
 * "nslookup: write to 'S': Connection refused" on stderr, then ";; connection timed out; no servers
 * could be reached".
 */
import { parseIp4 } from '../../../lib';
import type { CommandIO } from '../../types';
import { nameservers, ptrName } from '../inet/resolv';
import { exchange, type Query } from './exchange';

export const BUSYBOX_NSLOOKUP_USAGE =
  'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n' +
  'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\n' +
  'Query DNS about HOST\n\n' +
  'QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';

const RCODE = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];
const TYPES = ['soa', 'ns', 'a', 'aaaa', 'cname', 'mx', 'txt', 'ptr', 'srv', 'any'];

export async function runBusyboxNslookup(io: CommandIO): Promise<number> {
  const argv = io.argv.slice(1);
  const types: string[] = [];
  while (argv[0]?.startsWith('-')) {
    const [opt, val = ''] = (argv.shift() as string).slice(1).split('=') as [string, string?];
    if (opt === 'type' || opt === 'querytype') {
      if (!TYPES.includes(val.toLowerCase())) {
        io.err(`nslookup: invalid query type "${val}"\n`);
        return 1;
      }
      types.push(val.toUpperCase());
    } else if (!['port', 'retry', 'debug', 't', 'timeout'].includes(opt)) {
      io.err(BUSYBOX_NSLOOKUP_USAGE);
      return 1;
    }
  }
  if (argv.length === 0 || argv.length > 2) {
    io.err(BUSYBOX_NSLOOKUP_USAGE);
    return 1;
  }
  const name = argv[0] as string;
  const servers = argv[1] !== undefined ? [argv[1]] : await nameservers(io);
  const addr = parseIp4(name);
  const queries: Query[] =
    types.length > 0
      ? types.map((t) => ({ name, qtype: t }))
      : addr !== null
        ? [{ name: ptrName(addr), qtype: 'PTR' }]
        : [
            { name, qtype: 'A' },
            { name, qtype: 'AAAA' },
          ];
  for (const serverText of servers) {
    const server = parseIp4(serverText);
    if (server === null) {
      io.err(`nslookup: bad address '${serverText}'\n`);
      return 1;
    }
    const x = await exchange(io, 'nslookup', server, queries, 5_000_000);
    if (x.kind === 'aborted') return 130;
    if (x.kind === 'refused') {
      if (x.onWrite) io.err(`nslookup: write to '${serverText}': Connection refused\n`);
      else io.err('nslookup: read: Connection refused\n');
      continue;
    }
    if (x.kind !== 'replies') continue;
    let out = `Server:\t\t${serverText}\nAddress:\t${serverText}:53\n\n`;
    let failed = false;
    for (const { q, reply } of x.replies) {
      if (reply.rcode !== 0) {
        out += `** server can't find ${q.name}: ${RCODE[reply.rcode] ?? 'SERVFAIL'}\n\n`;
        failed = true;
        continue;
      }
      out += 'Non-authoritative answer:\n';
      for (const a of reply.answers)
        out += q.qtype === 'PTR' ? `${q.name}\tname = ${a}\n` : `Name:\t${q.name}\nAddress: ${a}\n`;
      out += '\n';
    }
    for (const q of x.missing) out += `*** Can't find ${q.name}: No answer\n`;
    if (x.missing.length > 0) out += '\n';
    io.out(out);
    return failed ? 1 : 0;
  }
  io.out(';; connection timed out; no servers could be reached\n\n');
  return 1;
}
