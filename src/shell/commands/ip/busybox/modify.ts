/**
 * BusyBox 1.35 `ip link set` (libiproute/iplink.c do_set), which works through ioctls one attribute at a
 * time (address, name, qlen, mtu, master by netlink, flags last) and dies on the first failure with
 * "ip: SIOCxxx: strerror" (exit 2); and the other changes (`ip addr add/del`, `ip route add/del`,
 * `ip link add/delete`), which send the same netlink requests as iproute2: their kernel errors read
 * "ip: RTNETLINK answers: strerror", without the extack text BusyBox does not parse.
 */
import { parseMac } from '../../../../lib';
import type { DevId, Errno, KResult, KernelCtx, NetDevice } from '../../../../kernel';
import {
  brAddIf,
  brDelIf,
  closeDevice,
  devByName,
  openDevice,
  renameDevice,
  setMac,
  setMtu,
  setTxqlen,
  strerror,
} from '../../../../kernel';
import type { CommandIO } from '../../../types';
import type { IpOpts } from '../opts';
import { Args, IpError } from '../util';
import { FlushSendError } from '../flush';
import { permitted } from '../../../capability';
import { bbDie, indexInSubstrings } from './util';

/** Run an iproute2 change and say its errors the BusyBox way. */
export function asBusybox(code: number, run: () => number): number {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof IpError)) throw e;
    if (e instanceof FlushSendError && e.errno !== null)
      throw bbDie(`can't send flush request: ${strerror(e.errno)}`, 1);
    if (e.errno !== null) throw bbDie(`RTNETLINK answers: ${strerror(e.errno)}`, 2);
    const dev = /^Cannot find device "(.*)"\n$/.exec(e.message);
    if (dev) throw bbDie(`can't find device '${dev[1]}'`, code);
    throw e;
  }
}

function ioctlDie(name: string, errno: Errno): IpError {
  return bbDie(`${name}: ${strerror(errno)}`, 2);
}

/** get_unsigned(): a number or "invalid argument 'X' to 'what'". */
function unsigned(v: string, what: string): number {
  if (!/^\d+$/.test(v)) throw bbDie(`invalid argument '${v}' to '${what}'`, 2);
  return Number(v);
}

export function bbLinkSet(io: CommandIO, opts: IpOpts, argv: readonly string[]): number {
  const keywords = [
    'up',
    'down',
    'name',
    'mtu',
    'qlen',
    'multicast',
    'arp',
    'promisc',
    'address',
    'netns',
    'master',
    'nomaster',
    'dev',
  ];
  let dev: string | null = null;
  let up: boolean | null = null;
  let newname: string | null = null;
  let mtu: number | null = null;
  let qlen: number | null = null;
  let addr: string | null = null;
  let master: string | null = null;
  const cursor = new Args(argv, () => bbDie('command line is not complete, try "help"', 2));
  while (!cursor.done) {
    const w = cursor.next() as string;
    const next = (): string => cursor.value();
    let key = indexInSubstrings(keywords, w);
    if (key < 0) key = 12;
    switch (keywords[key]) {
      case 'up':
        up = true;
        break;
      case 'down':
        up = false;
        break;
      case 'name':
        newname = next();
        break;
      case 'mtu': {
        const v = next();
        if (mtu !== null) throw bbDie(`duplicate "mtu": "${v}" is the second value`, 2);
        mtu = unsigned(v, 'mtu');
        break;
      }
      case 'qlen': {
        const v = next();
        if (qlen !== null) throw bbDie(`duplicate "qlen": "${v}" is the second value`, 2);
        qlen = unsigned(v, 'qlen');
        break;
      }
      case 'address':
        addr = next();
        break;
      case 'master': {
        const v = next();
        if (!devByName(io.os.state.kernel, opts.ns, v)) throw bbDie(`can't find device '${v}'`, 2);
        master = v;
        break;
      }
      case 'nomaster':
        master = '';
        break;
      case 'netns':
        unsigned(next(), 'netns');
        throw bbDie('RTNETLINK answers: No such process', 2);
      case 'multicast':
      case 'arp':
      case 'promisc': {
        const v = next();
        if (v !== 'on' && v !== 'off') throw bbDie(`argument of "${keywords[key]}" must be "on" or "off"`, 2);
        break;
      }
      default: {
        const v = w === 'dev' ? next() : w;
        if (dev !== null) throw bbDie(`either "dev" is duplicate, or "${v}" is garbage`, 2);
        dev = v;
      }
    }
  }
  if (dev === null) throw bbDie('"dev" requires an argument', 2);
  const find = (name: string): NetDevice | null => devByName(io.os.state.kernel, opts.ns, name);
  const apply = (name: string, f: (kctx: KernelCtx, id: DevId) => KResult<void>): void => {
    // dev_ioctl() checks CAP_NET_ADMIN for a SIOCS* request before it looks the device up.
    if (!permitted(io.proc, 'ioctl')) throw ioctlDie(name, 'EPERM');
    const d = find(dev as string);
    if (!d) throw ioctlDie(name, 'ENODEV');
    const r = io.os.mutate(({ kctx }) => f(kctx, d.id));
    if (!r.ok) throw ioctlDie(name, r.error.errno);
  };
  if (addr !== null) {
    if (!find(dev)) throw ioctlDie('SIOCGIFHWADDR', 'ENODEV');
    const mac = parseMac(addr);
    if (mac === null) throw bbDie(`can't parse address '${addr}'`, 2);
    apply('SIOCSIFHWADDR', (kctx, id) => setMac(kctx, id, mac));
  }
  if (newname !== null && newname !== dev) {
    const to = newname;
    apply('SIOCSIFNAME', (kctx, id) => renameDevice(kctx, id, to));
    dev = newname;
  }
  if (qlen !== null) {
    const q = qlen;
    apply('SIOCSIFTXQLEN', (kctx, id) => setTxqlen(kctx, id, q));
  }
  if (mtu !== null) {
    const m = mtu;
    apply('SIOCSIFMTU', (kctx, id) => setMtu(kctx, id, m));
  }
  if (master !== null) {
    const d = find(dev);
    if (!d) throw bbDie(`can't find device '${dev}'`, 2);
    const m = master;
    if (!permitted(io.proc, 'rtnetlink')) throw bbDie('RTNETLINK answers: Operation not permitted', 2);
    const r = io.os.mutate(({ kctx }) => {
      if (m === '') return brDelIf(kctx, d.id);
      const br = devByName(kctx.k, opts.ns, m) as NetDevice;
      if (br.kind !== 'bridge') return { ok: false as const, error: { errno: 'EOPNOTSUPP' as const } };
      return brAddIf(kctx, br.id, d.id);
    });
    if (!r.ok) throw bbDie(`RTNETLINK answers: ${strerror(r.error.errno)}`, 2);
  }
  if (up !== null) {
    const d = find(dev);
    if (!d) throw ioctlDie('SIOCGIFFLAGS', 'ENODEV');
    const u = up;
    // do_chflags(): SIOCSIFFLAGS only when the flag changes.
    if (d.adminUp === u) return 0;
    apply('SIOCSIFFLAGS', (kctx, id) => {
      if (u) openDevice(kctx, id);
      else closeDevice(kctx, id);
      return { ok: true, value: undefined };
    });
  }
  return 0;
}
