/**
 * bind9's `nslookup` (9.18, dnsutils; bind-tools in netshoot), non-interactive: `nslookup NAME [SERVER]`
 * asks the server (else the first resolv.conf nameserver) for A then AAAA. Output on stdout: the
 * "Server:"/"Address: S#53" header, "Non-authoritative answer:" and a Name/Address pair per record,
 * "** server can't find NAME: NXDOMAIN" (exit 1); an address argument asks its in-addr.arpa PTR, whose
 * NXDOMAIN comes without the header. A refused or silent server: ";; communications error to S#53: ..."
 * for each of the three tries, then ";; no servers could be reached".
 */
import { parseIp4 } from '../../../lib';
import type { CommandIO } from '../../types';
import { nameservers, ptrName } from '../inet/resolv';
import { exchange, type Query } from './exchange';

const TRIES = 3;
const TIMEOUT_US = 2_000_000;

const RCODE = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

export async function runBind9(io: CommandIO): Promise<number> {
  const args = io.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (args.length === 0) {
    io.out('\n');
    return 1;
  }
  const name = args[0] as string;
  const serverText = args[1] ?? (await nameservers(io))[0] ?? '127.0.0.1';
  const server = parseIp4(serverText);
  if (server === null) {
    io.err(`nslookup: couldn't get address for '${serverText}': not found\n`);
    return 1;
  }
  const addr = parseIp4(name);
  const header = `Server:\t\t${serverText}\nAddress:\t${serverText}#53\n\n`;
  const queries: Query[][] =
    addr !== null
      ? [[{ name: ptrName(addr), qtype: 'PTR' }]]
      : [[{ name, qtype: 'A' }], [{ name, qtype: 'AAAA' }]];
  let out = '';
  let printedHeader = false;
  for (const q of queries) {
    let x;
    for (let t = 0; t < TRIES; t++) {
      x = await exchange(io, 'nslookup', server, q, TIMEOUT_US);
      if (x.kind === 'aborted') return 130;
      if (x.kind === 'replies' && x.replies.length > 0) break;
      const why =
        x.kind === 'refused'
          ? 'connection refused'
          : x.kind === 'unreachable'
            ? 'host unreachable'
            : 'timed out';
      io.out(`;; communications error to ${serverText}#53: ${why}\n`);
      x = undefined;
    }
    if (!x || x.kind !== 'replies') {
      io.out(`${out};; no servers could be reached\n\n`);
      return 1;
    }
    const reply = x.replies[0]?.reply;
    if (!reply) continue;
    const qq = q[0] as Query;
    if (reply.rcode !== 0) {
      const head = qq.qtype === 'PTR' || printedHeader ? '' : header;
      io.out(`${out}${head}** server can't find ${qq.name}: ${RCODE[reply.rcode] ?? 'SERVFAIL'}\n\n`);
      return 1;
    }
    if (!printedHeader) {
      out += header;
      printedHeader = true;
    }
    if (reply.answers.length > 0) {
      out += 'Non-authoritative answer:\n';
      for (const a of reply.answers)
        out += qq.qtype === 'PTR' ? `${qq.name}\tname = ${a}.\n` : `Name:\t${name}\nAddress: ${a}\n`;
    }
  }
  io.out(`${out}\n`);
  return 0;
}
