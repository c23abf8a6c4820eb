/**
 * The pcap filter language (libpcap 1.10 grammar.y, nametoaddr.c), the part people type: protocol words
 * (ip, arp, icmp, tcp, udp, ip6), `[src|dst] host ADDR`, `[src|dst] net A.B.C.D[/LEN]`, `[tcp|udp] [src|dst]
 * port N`, `ether [src|dst] host MAC`, a bare address (a host), combined with and/&&, or/||, not/! and
 * parentheses. An operand without qualifiers takes the previous one's (`port 80 or 443`, `host a or b`).
 * Names are resolved after parsing (hosts through /etc/hosts and DNS, ports through /etc/services), as
 * pcap_compile does; the errors are libpcap's.
 */
import { parseIp4 } from '../../../lib';
import type { SkbHeaders } from '../../../kernel';

type Dir = 'src' | 'dst' | null;
type Proto = 'ip' | 'arp' | 'icmp' | 'tcp' | 'udp' | 'ip6' | 'ether';

export type Filter =
  | { kind: 'and' | 'or'; a: Filter; b: Filter }
  | { kind: 'not'; a: Filter }
  | { kind: 'proto'; proto: Proto }
  | { kind: 'host'; proto: Proto | null; dir: Dir; name: string; addr: number | null }
  | { kind: 'net'; proto: Proto | null; dir: Dir; addr: number; len: number }
  | { kind: 'port'; proto: 'tcp' | 'udp' | null; dir: Dir; name: string; port: number | null }
  | { kind: 'ether'; dir: Dir; mac: string };

/** libpcap's complaint: a syntax error, or a message printed as it is (`plain`: unknown host, mask length). */
export class FilterError extends Error {
  constructor(
    message: string,
    readonly plain = false,
  ) {
    super(message);
  }
}

const PROTOS = new Set<string>(['ip', 'arp', 'icmp', 'tcp', 'udp', 'ip6', 'ether']);
const KEYWORDS = new Set<string>([
  ...PROTOS,
  'src',
  'dst',
  'host',
  'net',
  'port',
  'and',
  'or',
  'not',
  '(',
  ')',
  '&&',
  '||',
  '!',
]);

function tokenize(s: string): string[] {
  const out: string[] = [];
  const re = /\s*(&&|\|\||[()!]|[^\s()!&|]+)/y;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < s.length) {
    re.lastIndex = at;
    m = re.exec(s);
    if (!m) {
      if (/^\s*$/.test(s.slice(at))) break;
      throw new FilterError('syntax error');
    }
    out.push(m[1] as string);
    at = re.lastIndex;
  }
  return out;
}

interface Qual {
  proto: Proto | null;
  dir: Dir;
  type: 'host' | 'net' | 'port' | null;
}

class Parser {
  private i = 0;
  private last: Qual = { proto: null, dir: null, type: null };

  constructor(private readonly toks: string[]) {}

  private peek(): string | undefined {
    return this.toks[this.i];
  }

  private take(): string {
    const t = this.toks[this.i++];
    if (t === undefined) throw new FilterError('syntax error');
    return t;
  }

  parse(): Filter | null {
    if (this.toks.length === 0) return null;
    const f = this.or();
    if (this.i < this.toks.length) throw new FilterError('syntax error');
    return f;
  }

  private or(): Filter {
    let a = this.and();
    while (this.peek() === 'or' || this.peek() === '||') {
      this.i++;
      a = { kind: 'or', a, b: this.and() };
    }
    return a;
  }

  private and(): Filter {
    let a = this.unary();
    while (this.peek() === 'and' || this.peek() === '&&') {
      this.i++;
      a = { kind: 'and', a, b: this.unary() };
    }
    return a;
  }

  private unary(): Filter {
    const t = this.peek();
    if (t === 'not' || t === '!') {
      this.i++;
      return { kind: 'not', a: this.unary() };
    }
    if (t === '(') {
      this.i++;
      const f = this.or();
      if (this.take() !== ')') throw new FilterError('syntax error');
      return f;
    }
    return this.primitive();
  }

  private primitive(): Filter {
    const t = this.peek();
    if (t !== undefined && !KEYWORDS.has(t)) {
      // An operand alone inherits the qualifiers of the one before it; with none at all it is an error.
      if (this.last.type !== null) return this.operand(this.last);
      throw new FilterError('syntax error');
    }
    const q: Qual = { proto: null, dir: null, type: null };
    if (t !== undefined && PROTOS.has(t)) {
      q.proto = t as Proto;
      this.i++;
      const n = this.peek();
      if (n === undefined || !(n === 'src' || n === 'dst' || n === 'host' || n === 'net' || n === 'port')) {
        if (q.proto === 'ether') throw new FilterError('syntax error');
        return { kind: 'proto', proto: q.proto };
      }
    }
    if (this.peek() === 'src' || this.peek() === 'dst') q.dir = this.take() as Dir;
    const ty = this.peek();
    if (ty === 'host' || ty === 'net' || ty === 'port') {
      q.type = ty;
      this.i++;
    } else if (q.dir !== null) {
      q.type = 'host';
    } else {
      throw new FilterError('syntax error');
    }
    return this.operand(q);
  }

  private operand(q: Qual): Filter {
    const id = this.take();
    if (KEYWORDS.has(id)) throw new FilterError('syntax error');
    this.last = q;
    if (q.proto === 'ether') {
      if (q.type !== 'host' || !/^([0-9a-f]{1,2}:){5}[0-9a-f]{1,2}$/i.test(id))
        throw new FilterError('syntax error');
      const mac = id
        .toLowerCase()
        .split(':')
        .map((b) => b.padStart(2, '0'))
        .join(':');
      return { kind: 'ether', dir: q.dir, mac };
    }
    if (q.type === 'port') {
      if (q.proto !== null && q.proto !== 'tcp' && q.proto !== 'udp')
        throw new FilterError(`'${q.proto}' modifier applied to port`, true);
      return { kind: 'port', proto: q.proto, dir: q.dir, name: id, port: portNumber(id) };
    }
    if (q.proto !== null && q.proto !== 'ip' && q.proto !== 'arp')
      throw new FilterError(`'${q.proto}' modifier applied to ${q.type ?? 'host'}`, true);
    if (q.type === 'net') {
      const m = /^(\d+(?:\.\d+){0,3})(?:\/(\d+))?$/.exec(id);
      if (!m) throw new FilterError('syntax error');
      const parts = (m[1] as string).split('.').map(Number);
      const len = m[2] !== undefined ? Number(m[2]) : parts.length * 8;
      if (len > 32) throw new FilterError('mask length must be <= 32', true);
      while (parts.length < 4) parts.push(0);
      const addr = parseIp4(parts.join('.'));
      if (addr === null) throw new FilterError('syntax error');
      return { kind: 'net', proto: q.proto, dir: q.dir, addr, len };
    }
    return { kind: 'host', proto: q.proto, dir: q.dir, name: id, addr: parseIp4(id) };
  }
}

/** A port given as a number (decimal, 0x hex, 0 octal, as strtoul reads it), or null for a service name. */
function portNumber(id: string): number | null {
  if (!/^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.test(id)) return null;
  const n = /^0x/i.test(id) ? parseInt(id, 16) : id.startsWith('0') ? parseInt(id, 8) : Number(id);
  if (n > 65535) throw new FilterError(`illegal port number ${n} > 65535`, true);
  return n;
}

/** Parse an expression (empty: everything matches). Throws FilterError with libpcap's message. */
export function parseFilter(text: string): Filter | null {
  return new Parser(tokenize(text)).parse();
}

/** The names in a filter that need looking up (hosts, ports), for the caller to resolve. */
export function unresolved(f: Filter | null): Extract<Filter, { kind: 'host' | 'port' }>[] {
  if (!f) return [];
  switch (f.kind) {
    case 'and':
    case 'or':
      return [...unresolved(f.a), ...unresolved(f.b)];
    case 'not':
      return unresolved(f.a);
    case 'host':
      return f.addr === null ? [f] : [];
    case 'port':
      return f.port === null ? [f] : [];
    default:
      return [];
  }
}

function dirMatch(dir: Dir, src: number, dst: number, v: number): boolean {
  return dir === 'src' ? src === v : dir === 'dst' ? dst === v : src === v || dst === v;
}

function maskOf(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** Whether the packet at a tap matches (libpcap's compiled program, evaluated directly). */
export function matches(f: Filter | null, h: SkbHeaders): boolean {
  if (!f) return true;
  switch (f.kind) {
    case 'and':
      return matches(f.a, h) && matches(f.b, h);
    case 'or':
      return matches(f.a, h) || matches(f.b, h);
    case 'not':
      return !matches(f.a, h);
    case 'proto':
      switch (f.proto) {
        case 'ip':
          return h.ip !== null;
        case 'arp':
          return h.arp !== null;
        case 'ip6':
          return h.eth?.ethertype === 0x86dd;
        case 'ether':
          return h.eth !== null;
        case 'icmp':
          return h.ip?.proto === 1;
        case 'tcp':
          return h.ip?.proto === 6;
        case 'udp':
          return h.ip?.proto === 17;
      }
      return false;
    case 'host': {
      const v = f.addr ?? -1;
      const ipOk = f.proto === null || f.proto === 'ip';
      const arpOk = f.proto === null || f.proto === 'arp';
      if (ipOk && h.ip) return dirMatch(f.dir, h.ip.src, h.ip.dst, v);
      if (arpOk && h.arp) return dirMatch(f.dir, h.arp.senderIp, h.arp.targetIp, v);
      return false;
    }
    case 'net': {
      const m = maskOf(f.len);
      const net = (f.addr & m) >>> 0;
      const inNet = (a: number) => (a & m) >>> 0 === net;
      const pick = (src: number, dst: number) =>
        f.dir === 'src' ? inNet(src) : f.dir === 'dst' ? inNet(dst) : inNet(src) || inNet(dst);
      if ((f.proto === null || f.proto === 'ip') && h.ip) return pick(h.ip.src, h.ip.dst);
      if ((f.proto === null || f.proto === 'arp') && h.arp) return pick(h.arp.senderIp, h.arp.targetIp);
      return false;
    }
    case 'port': {
      const l4 = h.l4;
      if (!h.ip || !l4 || !('sport' in l4)) return false;
      if (f.proto === 'tcp' && h.ip.proto !== 6) return false;
      if (f.proto === 'udp' && h.ip.proto !== 17) return false;
      return dirMatch(f.dir, l4.sport, l4.dport, f.port ?? -1);
    }
    case 'ether': {
      const e = h.eth;
      if (!e) return false;
      return f.dir === 'src'
        ? e.src === f.mac
        : f.dir === 'dst'
          ? e.dst === f.mac
          : e.src === f.mac || e.dst === f.mac;
    }
  }
}
