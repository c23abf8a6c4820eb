/**
 * iplink_parse() of iproute2 6.1 ip/iplink.c: the attributes of one RTM_NEWLINK/RTM_DELLINK request in any
 * order, a bare word being the device, `type` taking the rest of the line. Errors are iproute2's own
 * (duparg, invarg with its message's newline, on_off, ll_addr_a2n), with their exit codes.
 */
import type { Mac } from '../../../lib';
import type { NsId, UserFlag } from '../../../kernel';
import type { CommandIO } from '../../types';
import { resolveNetns } from './netns';
import { llAddrA2n } from './lladdr';
import { Args, IpError, invalidArg, matches } from './util';

export interface LinkRequest {
  dev: string | null;
  /** A new name (`name X` on a set). */
  name: string | null;
  index: number | null;
  up: boolean | null;
  mac: Mac | null;
  macLen: number;
  txqlen: number | null;
  mtu: number | null;
  netns: NsId | null;
  /** IFLA_MASTER: a device name, or '' for nomaster. */
  master: string | null;
  alias: string | null;
  group: number | null;
  type: string | null;
  typeArgs: string[];
  /** ifi_change/ifi_flags for promisc, allmulticast, arp and multicast, as the kernel's flag names. */
  flags: { flag: UserFlag; on: boolean }[];
}

export function emptyRequest(): LinkRequest {
  return {
    dev: null,
    name: null,
    index: null,
    up: null,
    mac: null,
    macLen: 0,
    txqlen: null,
    mtu: null,
    netns: null,
    master: null,
    alias: null,
    group: null,
    type: null,
    typeArgs: [],
    flags: [],
  };
}

/** check_ifname(): 1..15 bytes without '/' or white space. */
export function checkIfname(name: string): boolean {
  return name.length > 0 && name.length < 16 && !/[/\s]/.test(name);
}

/** ll_addr_a2n() into a buffer of 32 bytes. */
function llAddr(v: string): { mac: Mac; len: number } {
  return llAddrA2n(v, 32);
}

/** get_integer(): a C int in decimal, hex (0x) or octal (leading 0). */
function getInteger(v: string): number | null {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(v);
  if (!m) return null;
  const t = m[2] as string;
  let n = /^0[xX]/.test(t)
    ? parseInt(t.slice(2), 16)
    : t.length > 1 && t.startsWith('0')
      ? parseInt(t, 8)
      : Number(t);
  if (m[1] === '-') n = -n;
  return n >= -0x80000000 && n <= 0x7fffffff ? n : null;
}

const ON_OFF_FLAGS = [
  'multicast',
  'allmulticast',
  'promisc',
  'trailers',
  'arp',
  'dynamic',
  'carrier',
  'protodown',
];

/** A second value for an attribute given once already. */
function dup(key: string, v: string): never {
  throw new IpError(`Error: duplicate "${key}": "${v}" is the second value.\n`, 255);
}

/**
 * Parse `argv` into `req`; returns how many words were consumed before `type` (the rest is the type's).
 * `create` is NLM_F_CREATE (add), which changes which checks apply.
 */
export function iplinkParse(io: CommandIO, argv: readonly string[], req: LinkRequest): void {
  let name: string | null = null;
  let dev: string | null = null;
  const cursor = new Args(argv);
  while (!cursor.done) {
    const w = cursor.next() as string;
    if (w === 'up') req.up = true;
    else if (w === 'down') req.up = false;
    else if (w === 'name') {
      const v = cursor.value();
      if (name !== null) dup('name', v);
      if (!checkIfname(v)) throw invalidArg('"name" not a valid ifname', v);
      name = v;
      if (dev === null) dev = name;
    } else if (w === 'index') {
      const v = cursor.value();
      if (req.index !== null) dup('index', v);
      const n = Number.parseInt(v, 10);
      if (!(n > 0)) throw invalidArg('Invalid "index" value', v);
      req.index = n;
    } else if (matches(w, 'link')) cursor.value();
    else if (matches(w, 'address')) {
      const a = llAddr(cursor.value());
      req.mac = a.mac;
      req.macLen = a.len;
    } else if (matches(w, 'broadcast') || w === 'brd') llAddr(cursor.value());
    else if (matches(w, 'txqueuelen') || w === 'qlen' || matches(w, 'txqlen')) {
      const v = cursor.value();
      if (req.txqlen !== null) dup('txqueuelen', v);
      const n = getInteger(v);
      if (n === null) throw invalidArg('Invalid "txqueuelen" value\n', v);
      req.txqlen = n >>> 0;
    } else if (w === 'mtu') {
      const v = cursor.value();
      if (req.mtu !== null) dup('mtu', v);
      const n = getInteger(v);
      if (n === null) throw invalidArg('Invalid "mtu" value\n', v);
      req.mtu = n;
    } else if (w === 'netns') {
      const v = cursor.value();
      if (req.netns !== null) dup('netns', v);
      const ns = resolveNetns(io, v);
      if (ns === null) throw invalidArg('Invalid "netns" value\n', v);
      req.netns = ns;
    } else if (ON_OFF_FLAGS.includes(w)) {
      const v = cursor.value();
      if (v !== 'on' && v !== 'off')
        throw new IpError(`Error: argument of "${w}" must be "on" or "off", not "${v}"\n`, 1);
      // `arp off` sets IFF_NOARP; `multicast off` clears IFF_MULTICAST.
      const on = v === 'on';
      if (w === 'promisc') req.flags.push({ flag: 'promisc', on });
      else if (w === 'allmulticast') req.flags.push({ flag: 'allmulti', on });
      else if (w === 'arp') req.flags.push({ flag: 'noarp', on: !on });
      else if (w === 'multicast') req.flags.push({ flag: 'nomulticast', on: !on });
    } else if (matches(w, 'master')) {
      const v = cursor.value();
      req.master = v;
    } else if (matches(w, 'nomaster')) req.master = '';
    else if (matches(w, 'type')) {
      req.type = cursor.value();
      req.typeArgs = cursor.rest();
      break;
    } else if (matches(w, 'alias')) {
      const v = cursor.value();
      if (v.length >= 256) throw invalidArg('alias too long\n', v);
      req.alias = v;
    } else if (w === 'group') {
      const v = cursor.value();
      if (req.group !== null) dup('group', v);
      const n = v === 'default' ? 0 : getInteger(v);
      if (n === null || n < 0) throw invalidArg('Invalid "group" value\n', v);
      req.group = n;
    } else if (
      w === 'mode' ||
      w === 'state' ||
      matches(w, 'addrgenmode') ||
      matches(w, 'numtxqueues') ||
      matches(w, 'numrxqueues')
    ) {
      cursor.value();
    } else if (
      w === 'gso_max_size' ||
      w === 'gso_max_segs' ||
      w === 'gro_max_size' ||
      w === 'parentdev' ||
      w === 'protodown_reason'
    ) {
      cursor.value();
      if (w === 'protodown_reason') cursor.value();
    } else {
      let v = w;
      if (w === 'dev') v = cursor.value();
      if (dev !== name) throw new IpError(`Error: either "dev" is duplicate, or "${v}" is a garbage.\n`, 255);
      // check_altifname(): up to 127 bytes; the kernel's policy checks the 15-byte limit.
      if (v.length === 0 || v.length >= 128 || /[/\s]/.test(v))
        throw invalidArg('"dev" not a valid ifname', v);
      dev = v;
    }
  }
  // "ip link add dev X" and "ip link add name X" are the same; both only if they agree.
  if (name === null) name = dev;
  else if (dev === null) dev = name;
  req.dev = dev;
  req.name = name;
}
