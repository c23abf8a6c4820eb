/**
 * BusyBox 1.35 `ifconfig IFACE ARGS...` (networking/ifconfig.c ifconfig_main): words from OptArray, an
 * address for anything else; every ioctl that fails ends the program ("ifconfig: SIOCSIFMTU: Invalid
 * argument", exit 1); an address or "broadcast X" is followed by setting IFF_UP|IFF_RUNNING / BROADCAST.
 */
import type { Errno, KernelCtx } from '../../../kernel';
import { strerror } from '../../../kernel';
import { parseIp4Lax, parseMac } from '../../../lib';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';
import {
  deviceExists,
  setAddr,
  setBroadcast,
  setDevMac,
  setDevMtu,
  setDevTxqlen,
  setNetmask,
  setUp,
} from './ioctl';
import { inet6AddDel } from './inet6';
import { BUSYBOX_USAGE } from './usage';

class Die extends Error {
  constructor(
    readonly text: string,
    readonly code = 1,
  ) {
    super(text);
  }
}

/** strtoul(s, NULL, 0), which stops at the first bad character. */
function strtoul0(s: string): number {
  const m = /^\s*(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(s);
  if (!m) return 0;
  const t = m[1] as string;
  return /^0[xX]/.test(t)
    ? parseInt(t.slice(2), 16)
    : t.length > 1 && t.startsWith('0')
      ? parseInt(t, 8)
      : Number(t);
}

const FLAG_WORDS = new Set(['arp', 'trailers', 'promisc', 'multicast', 'allmulti', 'dynamic']);
const ARG_WORDS = new Set([
  'metric',
  'mtu',
  'txqueuelen',
  'dstaddr',
  'netmask',
  'broadcast',
  'hw',
  'pointopoint',
  'keepalive',
  'outfill',
  'mem_start',
  'io_addr',
  'irq',
  'add',
  'del',
]);

export function setInterfaceBusybox(io: CommandIO, name: string, words: string[]): number {
  const ns = io.proc.ns;
  const run = (sel: string, fn: (ctx: KernelCtx) => Errno | null): void => {
    // dev_ioctl()/devinet_ioctl(): every SIOCS* needs CAP_NET_ADMIN, checked before the device is looked up.
    const e = permitted(io.proc, 'ioctl') ? io.os.mutate(({ kctx }) => fn(kctx)) : 'EPERM';
    if (e) throw new Die(`ifconfig: SIOC${sel}: ${strerror(e)}\n`);
  };
  /** xioctl(SIOCGIFFLAGS) then SIOCSIFFLAGS. */
  const flags = (fn: ((ctx: KernelCtx) => Errno | null) | null): void => {
    if (!io.os.mutate(({ kctx }) => deviceExists(kctx, ns, name)))
      throw new Die(`ifconfig: SIOCGIFFLAGS: ${strerror('ENODEV')}\n`);
    run('SIFFLAGS', fn ?? (() => null));
  };
  /** xhost2sockaddr() for an IPv4 address. */
  const host = (text: string): number => {
    if (text === 'default') return 0;
    const ip = parseIp4Lax(text);
    // A "/len" suffix is only for IPv6; BusyBox then fails on the whole word.
    if (ip === null) throw new Die(`ifconfig: bad address '${text}'\n`);
    return ip;
  };
  try {
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      const neg = w.startsWith('-');
      const word = neg ? w.slice(1) : w;
      if (word === 'up' || word === 'down') {
        if (neg) throw new Die(`ifconfig: bad: '${w}'\n`);
        flags((ctx) => setUp(ctx, ns, name, word === 'up'));
        continue;
      }
      if (FLAG_WORDS.has(word)) {
        flags(null);
        continue;
      }
      if (ARG_WORDS.has(word)) {
        if (neg && word !== 'broadcast' && word !== 'pointopoint') throw new Die(`ifconfig: bad: '${w}'\n`);
        const arg = neg ? undefined : words[i + 1];
        if (arg === undefined) {
          if (word === 'broadcast' || word === 'pointopoint') {
            flags(null);
            continue;
          }
          throw new Die(BUSYBOX_USAGE);
        }
        i++;
        switch (word) {
          case 'mtu':
            run('SIFMTU', (ctx) => setDevMtu(ctx, ns, name, strtoul0(arg)));
            break;
          case 'txqueuelen':
            run('SIFTXQLEN', (ctx) => setDevTxqlen(ctx, ns, name, strtoul0(arg)));
            break;
          case 'metric':
            run('SIFMETRIC', (ctx) => (deviceExists(ctx, ns, name) ? 'EOPNOTSUPP' : 'ENODEV'));
            break;
          case 'netmask': {
            const m = host(arg);
            run('SIFNETMASK', (ctx) => setNetmask(ctx, ns, name, m));
            break;
          }
          case 'broadcast': {
            const b = host(arg);
            run('SIFBRDADDR', (ctx) => setBroadcast(ctx, ns, name, b));
            flags(null);
            break;
          }
          case 'hw': {
            const addr = words[i + 1];
            if (arg !== 'ether' || addr === undefined) throw new Die(BUSYBOX_USAGE);
            i++;
            const mac = parseMac(addr);
            if (!mac) throw new Die(`ifconfig: invalid hw-addr ${addr}\n`);
            run('SIFHWADDR', (ctx) => setDevMac(ctx, ns, name, mac));
            break;
          }
          case 'add':
          case 'del': {
            const r = inet6AddDel(io, name, arg, word === 'add');
            if ('usage' in r) throw new Die(BUSYBOX_USAGE);
            if ('error' in r) throw new Die(`ifconfig: ${r.error}\n`);
            break;
          }
          default:
            run(
              word === 'dstaddr' || word === 'pointopoint'
                ? 'SIFDSTADDR'
                : word === 'del'
                  ? 'DIFADDR'
                  : word === 'add'
                    ? 'SIFADDR'
                    : 'SIFMAP',
              (ctx) => (deviceExists(ctx, ns, name) ? 'EOPNOTSUPP' : 'ENODEV'),
            );
        }
        continue;
      }
      if (w === 'inet') continue;
      const ip = host(w);
      run('SIFADDR', (ctx) => setAddr(ctx, ns, name, ip));
      flags((ctx) => setUp(ctx, ns, name, true));
    }
  } catch (e) {
    if (e instanceof Die) {
      io.err(e.text);
      return e.code;
    }
    throw e;
  }
  return 0;
}
