/**
 * The command line of Debian's traceroute 2.1.2 (traceroute.c option_list, parsed by its own CLIF library:
 * short options may carry their argument joined or apart, long ones as `--name=arg` or apart, a missing
 * host prints the help to stderr with exit 0), and the checks main() makes before tracing. Messages and
 * the exit code 2 are CLIF's and ex_error()'s, checked against the real tool.
 */
import type { Ip4 } from '../../../lib';
import { parseIp4 } from '../../../lib';
import { GNU_TRACEROUTE_USAGE, GNU_TRACEROUTE_VERSION } from './usage_gnu';

export interface GnuTrOpts {
  firstTtl: number;
  maxTtl: number;
  nprobes: number;
  sim: number;
  /** -w MAX,HERE,NEAR in seconds and factors. */
  wait: number;
  here: number;
  near: number;
  sendSecs: number;
  numeric: boolean;
  /** -F: IP_PMTUDISC_PROBE (DF, no fragments); without it IP_PMTUDISC_DONT (tune_socket()). */
  dontFragment: boolean;
  module: 'default' | 'icmp' | 'udp' | 'tcp' | 'other';
  port: number | null;
  tos: number;
  device: string | null;
  source: Ip4 | null;
  host: string;
  hostArgc: number;
  packetLen: number | null;
}

export type GnuTrParsed = { ok: true; o: GnuTrOpts } | { ok: false; err: string; code: number };

interface OptDef {
  short: string | null;
  long: string | null;
  arg: string | null;
}

const OPTS: readonly OptDef[] = [
  { short: '4', long: null, arg: null },
  { short: '6', long: null, arg: null },
  { short: 'd', long: 'debug', arg: null },
  { short: 'F', long: 'dont-fragment', arg: null },
  { short: 'f', long: 'first', arg: 'first_ttl' },
  { short: 'g', long: 'gateway', arg: 'gate' },
  { short: 'I', long: 'icmp', arg: null },
  { short: 'T', long: 'tcp', arg: null },
  { short: 'i', long: 'interface', arg: 'device' },
  { short: 'm', long: 'max-hops', arg: 'max_ttl' },
  { short: 'N', long: 'sim-queries', arg: 'squeries' },
  { short: 'n', long: null, arg: null },
  { short: 'p', long: 'port', arg: 'port' },
  { short: 't', long: 'tos', arg: 'tos' },
  { short: 'l', long: 'flowlabel', arg: 'flow_label' },
  { short: 'w', long: 'wait', arg: 'MAX,HERE,NEAR' },
  { short: 'q', long: 'queries', arg: 'nqueries' },
  { short: 'r', long: null, arg: null },
  { short: 's', long: 'source', arg: 'src_addr' },
  { short: 'z', long: 'sendwait', arg: 'sendwait' },
  { short: 'e', long: 'extensions', arg: null },
  { short: 'A', long: 'as-path-lookups', arg: null },
  { short: 'M', long: 'module', arg: 'name' },
  { short: 'O', long: 'options', arg: 'OPTS' },
  { short: null, long: 'sport', arg: 'num' },
  { short: null, long: 'fwmark', arg: 'num' },
  { short: 'U', long: 'udp', arg: null },
  { short: 'D', long: 'dccp', arg: null },
  { short: 'P', long: 'protocol', arg: 'prot' },
  { short: null, long: 'mtu', arg: null },
  { short: null, long: 'back', arg: null },
  { short: 'V', long: 'version', arg: null },
  { short: null, long: 'help', arg: null },
];

/** strtoul(arg, &end, 0) over the whole word. */
function uint(s: string): number | null {
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^0[0-7]*$/.test(s)) return parseInt(s, 8);
  if (/^\d+$/.test(s)) return Number(s);
  return null;
}

/** -w: MAX[,HERE[,NEAR]], the factors reset to 0 when not given (set_wait_specs). */
function waitSpecs(s: string): [number, number, number] | null {
  const parts = s.split(',');
  if (parts.length > 3 || parts.some((p) => !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(p)))
    return null;
  return [Number(parts[0]), Number(parts[1] ?? 0), Number(parts[2] ?? 0)];
}

function fmtG(v: number): string {
  return String(Number(v.toPrecision(6)));
}

export function parseGnuTraceroute(argv: readonly string[]): GnuTrParsed {
  const o: GnuTrOpts = {
    firstTtl: 1,
    maxTtl: 30,
    nprobes: 3,
    sim: 16,
    wait: 5,
    here: 3,
    near: 10,
    sendSecs: 0,
    numeric: false,
    dontFragment: false,
    module: 'default',
    port: null,
    tos: 0,
    device: null,
    source: null,
    host: '',
    hostArgc: 1,
    packetLen: null,
  };
  const args: { text: string; argc: number }[] = [];
  const fail = (err: string): GnuTrParsed => ({ ok: false, err: `${err}\n`, code: 2 });
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i] as string;
    if (!w.startsWith('-') || w === '-') {
      args.push({ text: w, argc: i });
      continue;
    }
    let def: OptDef | undefined;
    let arg: string | null = null;
    let shown = w;
    if (w.startsWith('--')) {
      const [name, value] = w.slice(2).split(/=(.*)/s);
      def = OPTS.find((d) => d.long === name);
      arg = value ?? null;
      shown = `--${name}`;
    } else if (w === '-UL') {
      o.module = 'other';
      continue;
    } else {
      def = OPTS.find((d) => d.short === w[1]);
      if (def?.arg && w.length > 2) arg = w.slice(2);
      else if (!def?.arg && w.length > 2) def = undefined;
      shown = `-${w[1]}`;
    }
    if (!def) return fail(`Bad option \`${w}' (argc ${i})`);
    if (def.arg && arg === null) {
      if (i + 1 >= argv.length)
        return fail(`Option \`${shown}' (argc ${i}) requires an argument: \`${shown} ${def.arg}'`);
      arg = argv[++i] as string;
    }
    const bad = (): GnuTrParsed => fail(`Cannot handle \`${shown}' option with arg \`${arg}' (argc ${i})`);
    const u = (): number | null => uint(arg ?? '');
    switch (def.short ?? def.long) {
      case 'help':
        return { ok: false, err: GNU_TRACEROUTE_USAGE, code: 0 };
      case 'V':
        return { ok: false, err: GNU_TRACEROUTE_VERSION, code: 0 };
      case 'f':
      case 'm':
      case 'N':
      case 'q':
      case 't': {
        const v = u();
        if (v === null) return bad();
        if (def.short === 'f') o.firstTtl = v;
        else if (def.short === 'm') o.maxTtl = v;
        else if (def.short === 'N') o.sim = v;
        else if (def.short === 'q') o.nprobes = v;
        else o.tos = v;
        break;
      }
      case 'p': {
        const v = u();
        if (v === null) return bad();
        o.port = v;
        break;
      }
      case 'w': {
        const ws = waitSpecs(arg ?? '');
        if (!ws) return bad();
        [o.wait, o.here, o.near] = ws;
        break;
      }
      case 'z': {
        const v = Number(arg);
        if (arg === '' || !Number.isFinite(v)) return bad();
        o.sendSecs = v;
        break;
      }
      case 'F':
        o.dontFragment = true;
        break;
      case 'n':
        o.numeric = true;
        break;
      case 'I':
        o.module = 'icmp';
        break;
      case 'U':
        o.module = 'udp';
        break;
      case 'T':
        o.module = 'tcp';
        break;
      case 'D':
      case 'P':
        o.module = 'other';
        break;
      case 'i':
        o.device = arg;
        break;
      case 's': {
        const a = parseIp4(arg ?? '');
        if (a === null)
          return {
            ok: false,
            err: `${arg}: Name or service not known\nCannot handle \`${shown}' option with arg \`${arg}' (argc ${i})\n`,
            code: 2,
          };
        o.source = a;
        break;
      }
      default:
        break;
    }
  }
  if (args.length === 0) return { ok: false, err: GNU_TRACEROUTE_USAGE, code: 0 };
  const [host, plen, extra] = args;
  if (extra) return fail(`Extra arg \`${extra.text}' (position 3, argc ${extra.argc})`);
  o.host = (host as { text: string; argc: number }).text;
  o.hostArgc = (host as { text: string; argc: number }).argc;
  if (plen) {
    if (!/^[+-]?\d+$/.test(plen.text))
      return fail(`Cannot handle "packetlen" cmdline arg \`${plen.text}' on position 2 (argc ${plen.argc})`);
    o.packetLen = Number(plen.text);
  }
  return { ok: true, o };
}

/** main()'s checks, after CLIF resolved the host: the first problem, or null. Mutates -z into seconds. */
export function checkGnuTraceroute(o: GnuTrOpts): string | null {
  const fail2 = (m: string): string => `${m}\n`;
  if (!o.firstTtl || o.firstTtl > o.maxTtl) return fail2('first hop out of range');
  if (o.maxTtl > 255) return fail2('max hops cannot be more than 255');
  if (!o.nprobes || o.nprobes > 10) return fail2('no more than 10 probes per hop');
  if (o.wait < 0 || o.here < 0 || o.near < 0)
    return fail2(`bad wait specifications \`${fmtG(o.wait)},${fmtG(o.here)},${fmtG(o.near)}' used`);
  if (o.packetLen !== null && o.packetLen > 65000) return fail2(`too big packetlen ${o.packetLen} specified`);
  if (o.sendSecs < 0) return fail2(`bad sendtime \`${fmtG(o.sendSecs)}' specified`);
  if (o.sendSecs >= 10) o.sendSecs /= 1000;
  return null;
}

export const HOST_ARG = (host: string, argc: number): string =>
  `Cannot handle "host" cmdline arg \`${host}' on position 1 (argc ${argc})\n`;
