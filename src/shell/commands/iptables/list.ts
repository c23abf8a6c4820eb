/**
 * `iptables -L` and `iptables -S` output (iptables/xshared.c print_header, print_rule_details, print_ifaces,
 * print_ipv4_addresses, xtables_print_num; nft.c nft_rule_list / nft_rule_list_save). Pure formatting of
 * the table as the kernel holds it.
 */
import { formatIp4, maskOf } from '../../../lib';
import { nfChainRefs, nfListChains, protoName, ruleSaveBody } from '../../../kernel';
import type {
  NfAddrMatch,
  NfChain,
  NfCounters,
  NfIfaceMatch,
  NfRule,
  NfTable,
  NfTableName,
} from '../../../kernel';
import { matchList, targetList, targetName } from './list_ext';

export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);

/** xtables_print_num: "%5llu " with K/M/G/T scaling, or "%8llu " with -x. */
export function printNum(n: number, exact: boolean): string {
  if (exact) return `${lpad(String(n), 8)} `;
  if (n <= 99999) return `${lpad(String(n), 5)} `;
  let v = n;
  for (const unit of ['K', 'M', 'G']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return `${lpad(String(v), 4)}${unit} `;
  }
  v = Math.floor((v + 500) / 1000);
  return `${lpad(String(v), 4)}T `;
}

/** Policy counters as -L -v, -S -v and iptables-save show them: nf_tables has none unless -P gave the chain some. */
export function policyCounters(c: NfChain): NfCounters {
  return c.policyCounted ? c.counters : { pkts: 0, bytes: 0 };
}

function header(t: NfTable | null, c: NfChain, f: ListFormat): string {
  let s = `Chain ${c.name}`;
  if (c.builtin) {
    s += ` (policy ${c.policy ?? 'ACCEPT'}`;
    if (f.verbose) {
      const pc = policyCounters(c);
      // FMT_NOTABLE: plain "%llu " numbers.
      const num = (n: number): string => (f.exact || n <= 99999 ? `${n} ` : printNum(n, false).trimStart());
      s += ` ${num(pc.pkts)}packets, ${num(pc.bytes)}bytes`;
    }
    s += ')\n';
  } else s += ` (${nfChainRefs(t, c.name)} references)\n`;
  if (f.lineNumbers) s += 'num  ';
  if (f.verbose) s += f.exact ? `${lpad('pkts', 8)} ${lpad('bytes', 10)} ` : ' pkts bytes ';
  s += `${pad('target', 9)}  prot opt`;
  if (f.verbose) s += ` ${pad('in', 6)} ${pad('out', 6)} `;
  s += ` ${pad('source', 19)}  ${pad('destination', 19)} \n`;
  return s;
}

/** Names the simulated resolver gives addresses (/etc/hosts, /etc/networks); DNS never answers. */
const ADDR_NAMES: Record<string, string> = {
  '127.0.0.1/32': 'localhost',
  '127.0.0.0': 'loopback',
  '169.254.0.0': 'link-local',
};

function addrText(a: NfAddrMatch | null, numeric: boolean): string {
  if (!a || a.prefixLen === 0) return numeric ? '0.0.0.0/0' : 'anywhere';
  const ip = formatIp4(a.addr);
  const suffix = a.prefixLen === 32 ? '' : `/${a.prefixLen}`;
  if (!numeric) {
    const host = ADDR_NAMES[`${ip}/32`];
    if (host && a.prefixLen === 32) return host;
    const net = ADDR_NAMES[ip];
    if (net) return `${net}${suffix}`;
  }
  return `${formatIp4(a.addr & maskOf(a.prefixLen))}${suffix}`;
}

function ifaceText(i: NfIfaceMatch | null, numeric: boolean): string {
  if (!i) return numeric ? '*' : 'any';
  return `${i.invert ? '!' : ''}${i.name}`;
}

/** One rule line of -L (print_firewall). */
export function ruleLine(r: NfRule, num: number, f: ListFormat): string {
  let s = '';
  if (f.lineNumbers) s += `${pad(String(num), 4)} `;
  if (f.verbose) s += printNum(r.counters.pkts, f.exact) + printNum(r.counters.bytes, f.exact);
  s += `${pad(targetName(r.target), 9)} `;
  s += r.protoInvert ? '!' : ' ';
  const proto = r.proto ?? 0;
  s += `${pad(f.numeric ? String(proto) : protoName(proto), 4)} `;
  // print_firewall(): the opt column is '!' for an inverted -f, then 'f' for -f.
  s += r.frag === undefined ? '-- ' : r.frag ? '-f ' : '!f ';
  if (f.verbose)
    s += ` ${pad(ifaceText(r.inIface, f.numeric), 6)} ${pad(ifaceText(r.outIface, f.numeric), 6)} `;
  s += r.src?.invert ? '!' : ' ';
  s += `${pad(addrText(r.src, f.numeric), 19)} `;
  s += r.dst?.invert ? '!' : ' ';
  s += `${pad(addrText(r.dst, f.numeric), 19)} `;
  if (r.target.kind === 'goto') s += '[goto] ';
  const pname = protoName(proto);
  for (const m of r.matches) s += matchList(m, pname, f.numeric);
  s += targetList(r.target, f.numeric);
  return `${s}\n`;
}

/** `-L [chain [N]]`: every chain (or one), a blank line between chains; with N only that rule's line. */
export function listTable(
  t: NfTable | null,
  table: NfTableName,
  chain: string | null,
  rulenum: number | null,
  f: ListFormat,
): string {
  const chains = nfListChains(t, table).filter((c) => chain === null || c.name === chain);
  if (rulenum !== null) {
    const c = chains[0];
    const r = c?.rules[rulenum - 1];
    return r ? ruleLine(r, rulenum, f) : '';
  }
  return chains
    .map((c) => header(t, c, f) + c.rules.map((r, i) => ruleLine(r, i + 1, f)).join(''))
    .join('\n');
}

const counterSuffix = (c: NfCounters, verbose: boolean): string =>
  verbose ? ` -c ${c.pkts} ${c.bytes}` : '';

/** `-S [chain [N]]`: -P for built-in chains, -N for user chains, then every rule in save form. */
export function listRulesTable(
  t: NfTable | null,
  table: NfTableName,
  chain: string | null,
  rulenum: number | null,
  verbose: boolean,
): string {
  const chains = nfListChains(t, table).filter((c) => chain === null || c.name === chain);
  if (rulenum !== null) {
    const c = chains[0];
    const r = c?.rules[rulenum - 1];
    return c && r ? `-A ${c.name}${ruleSaveBody(r, verbose ? r.counters : null)}\n` : '';
  }
  let s = '';
  for (const c of chains)
    s += c.builtin
      ? `-P ${c.name} ${c.policy ?? 'ACCEPT'}${counterSuffix(policyCounters(c), verbose)}\n`
      : `-N ${c.name}\n`;
  for (const c of chains)
    for (const r of c.rules) s += `-A ${c.name}${ruleSaveBody(r, verbose ? r.counters : null)}\n`;
  return s;
}
