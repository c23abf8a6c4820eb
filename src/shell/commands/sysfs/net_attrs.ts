/**
 * The attribute files of /sys/class/net/<dev>/ (net/core/net-sysfs.c net_class_attrs), read from the
 * kernel state: the same fields rtnl_fill_ifinfo reports (../ip/rtnl/link.ts), formatted as the show
 * methods format them (the kernel's "%#x" always has its 0x: dev_id reads "0x0").
 *
 * Listed and read as Linux 6.18 does; the files whose content the simulated kernel does not keep are not
 * listed (addr_assign_type, name_assign_type, carrier_changes/_up_count/_down_count, power/, queues/,
 * gro_flush_timeout, napi_defer_hard_irqs, threaded), and neither are speed and duplex of a NIC (the
 * host's eth0 has no modelled driver to ask through ethtool).
 */
import type { KernelState, NetDevice } from '../../../kernel';
import { closeDevice, devOf, openDevice, setMtu, setTxqlen, xaGet } from '../../../kernel';
import { IFF, OPER_STATES, devFlags, fillLink, mtuLimits } from '../ip/rtnl/link';
import { type Attr, constAttr, storeUlong } from './attr';

const ARPHRD_ETHER = 1;
const ARPHRD_LOOPBACK = 772;
/** ethtool's SPEED_UNKNOWN, printed with %d. */
const SPEED_UNKNOWN = -1;
/** veth_get_link_ksettings(): a veth says 10000 Mb/s, full duplex. */
const VETH_SPEED = 10000;
/** IFALIASZ: an alias is at most 255 bytes. */
const IFALIASZ = 256;

/** netif_running(): IFF_UP as __dev_open left it. */
const running = (d: NetDevice) => d.adminUp;

/** netif_oper_up(): operstate up or unknown. */
const operUp = (d: NetDevice) => d.operstate === 'UP' || d.operstate === 'UNKNOWN';

/**
 * dev->flags (not dev_get_flags(): no RUNNING or LOWER_UP), with the PROMISC and ALLMULTI that
 * dev_set_promiscuity()/dev_set_allmulti() put there for a bridge port.
 */
export function sysfsFlags(k: KernelState, dev: NetDevice): number {
  const m = fillLink(k, dev.ns, dev);
  let f = devFlags(dev) & ~(IFF.RUNNING | IFF.LOWER_UP);
  if (m.promiscuity > 0) f |= IFF.PROMISC;
  if (m.allmulti > 0) f |= IFF.ALLMULTI;
  return f;
}

/** dev_get_iflink(): a veth's peer ifindex (0 once the peer is gone), the device's own otherwise. */
export function sysfsIflink(k: KernelState, dev: NetDevice): number {
  if (dev.kind !== 'veth') return dev.ifindex;
  return xaGet(k.devices, dev.peer)?.ifindex ?? 0;
}

/**
 * __ethtool_get_link_ksettings() for speed_show/duplex_show: loopback has no get_link_ksettings (EINVAL);
 * a bridge reports the fastest running, oper-up port (br_get_link_ksettings) and an unknown duplex.
 */
export function linkSettings(k: KernelState, dev: NetDevice): { speed: number; duplex: string } | null {
  if (dev.kind === 'veth') return { speed: VETH_SPEED, duplex: 'full' };
  if (dev.kind !== 'bridge') return null;
  let speed = SPEED_UNKNOWN;
  for (const id of dev.bridge.ports) {
    const p = xaGet(k.devices, id);
    if (!p || !running(p) || !operUp(p)) continue;
    const s = linkSettings(k, p)?.speed ?? SPEED_UNKNOWN;
    if (s !== SPEED_UNKNOWN && (speed === SPEED_UNKNOWN || speed < s)) speed = s;
  }
  return { speed, duplex: 'unknown' };
}

const EINVAL = { errno: 'EINVAL' as const };

/** A value only a running device has (netif_running() or EINVAL). */
function whenRunning(value: (k: KernelState, d: NetDevice) => number | string): Attr {
  return { show: (k, d) => (running(d) ? `${value(k, d)}\n` : EINVAL) };
}

/** IFF bits dev_change_flags() lets user space change besides IFF_UP (none of them is simulated). */
const CHANGEABLE =
  IFF.DEBUG | IFF.NOTRAILERS | IFF.NOARP | IFF.DYNAMIC | IFF.MULTICAST | IFF.PORTSEL | IFF.AUTOMEDIA;

const NET_ATTRS: Record<string, Attr> = {
  addr_len: constAttr(6),
  address: { show: (_k, d) => `${d.mac}\n` },
  broadcast: { show: (_k, d) => `${d.broadcast}\n` },
  carrier: {
    show: whenRunning((_k, d) => (d.carrier ? 1 : 0)).show,
    // carrier_store -> dev_change_carrier(): only drivers with ndo_change_carrier (dummy, ...) can.
    store: storeUlong(() => 'EOPNOTSUPP'),
  },
  dev_id: constAttr('0x0'),
  dev_port: constAttr(0),
  // dormant_show()/testing_show(): only a running device answers (never dormant or testing here).
  dormant: whenRunning(() => 0),
  duplex: {
    show: (k, d) => {
      const s = running(d) ? linkSettings(k, d) : null;
      return s ? `${s.duplex}\n` : EINVAL;
    },
  },
  flags: {
    show: (k, d) => `0x${sysfsFlags(k, d).toString(16)}\n`,
    // change_flags -> dev_change_flags(): IFF_UP opens or closes the device; the other changeable bits
    // (NOARP, user PROMISC/ALLMULTI, ...) are state the simulated kernel does not keep: refused, not faked.
    store: storeUlong((ctx, d, v) => {
      const cur = sysfsFlags(ctx.k, d);
      const user = IFF.PROMISC | IFF.ALLMULTI;
      if ((v & CHANGEABLE) !== (cur & CHANGEABLE) || (v & user) !== 0) return 'EOPNOTSUPP';
      if (v & IFF.UP) openDevice(ctx, d.id);
      else closeDevice(ctx, d.id);
      return null;
    }),
  },
  ifalias: {
    show: (_k, d) => (d.alias === null ? '' : `${d.alias}\n`),
    // ifalias_store(): one trailing newline dropped; an empty alias removes it.
    store: (ctx, d, text) => {
      const v = text.endsWith('\n') ? text.slice(0, -1) : text;
      if (new TextEncoder().encode(v).length >= IFALIASZ) return 'EINVAL';
      devOf(ctx.k, d.id).alias = v === '' ? null : v;
      return null;
    },
  },
  ifindex: { show: (_k, d) => `${d.ifindex}\n` },
  iflink: { show: (k, d) => `${sysfsIflink(k, d)}\n` },
  link_mode: constAttr(0),
  mtu: {
    show: (_k, d) => `${d.mtu}\n`,
    // dev_set_mtu() checks the device's limits (dev_validate_mtu), as `ip link set mtu` does.
    store: storeUlong((ctx, d, v) => {
      const { min, max } = mtuLimits(d);
      if (v < min || (max > 0 && v > max)) return 'EINVAL';
      const r = setMtu(ctx, d.id, v);
      return r.ok ? null : r.error.errno;
    }),
  },
  netdev_group: {
    show: (_k, d) => `${d.group}\n`,
    store: storeUlong((ctx, d, v) => {
      devOf(ctx.k, d.id).group = v | 0;
      return null;
    }),
  },
  operstate: {
    // operstate_show(): a device that is not running reads "down" whatever linkwatch last set.
    show: (_k, d) =>
      `${OPER_STATES[OPER_STATES.indexOf(running(d) ? d.operstate : 'DOWN')]?.toLowerCase()}\n`,
  },
  proto_down: { show: () => '0\n', store: storeUlong(() => 'EOPNOTSUPP') },
  speed: {
    show: (k, d) => {
      const s = running(d) ? linkSettings(k, d) : null;
      return s ? `${s.speed}\n` : EINVAL;
    },
  },
  testing: whenRunning(() => 0),
  tx_queue_len: {
    show: (_k, d) => `${d.txqlen}\n`,
    // change_tx_queue_len(): the value must fit an unsigned int.
    store: storeUlong((ctx, d, v) => {
      if (v > 0xffffffff) return 'ERANGE';
      const r = setTxqlen(ctx, d.id, v);
      return r.ok ? null : r.error.errno;
    }),
  },
  type: { show: (_k, d) => `${d.kind === 'loopback' ? ARPHRD_LOOPBACK : ARPHRD_ETHER}\n` },
  uevent: {
    // dev_uevent(): the device type's DEVTYPE first (a bridge's "bridge"), then netdev_uevent()'s keys.
    show: (_k, d) =>
      `${d.kind === 'bridge' ? 'DEVTYPE=bridge\n' : ''}INTERFACE=${d.name}\nIFINDEX=${d.ifindex}\n`,
    // uevent_store(): a known action name synthesizes an event for udev (none listens here).
    store: (_ctx, _d, text) =>
      /^(add|remove|change|move|online|offline|bind|unbind)\n?$/.test(text.split(' ')[0] ?? '')
        ? null
        : 'EINVAL',
  },
};

/** The attribute called `name`, whatever the device. */
export function netAttrNamed(name: string): Attr | null {
  return Object.hasOwn(NET_ATTRS, name) ? (NET_ATTRS[name] ?? null) : null;
}

/** The attribute named `name` of `dev`, if the device has that file. */
export function netAttr(dev: NetDevice, name: string): Attr | null {
  if ((name === 'speed' || name === 'duplex') && dev.kind === 'ether') return null;
  return netAttrNamed(name);
}

/** The attribute files of `dev`. */
export function netAttrNames(dev: NetDevice): string[] {
  return Object.keys(NET_ATTRS).filter((n) => netAttr(dev, n) !== null);
}
