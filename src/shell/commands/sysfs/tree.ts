/**
 * The network part of sysfs as a process sees it: /sys/class/net/<dev> symbolic links into
 * /sys/devices/virtual/net/<dev>/ (every simulated device is virtual: none has a parent bus, as
 * `ip -d link` shows no parentbus), each holding the device's attributes (net_attrs.ts), statistics/,
 * a bridge's bridge/ and brif/, a port's brport/ and `master`, and the adjacency links upper_<dev> and
 * lower_<dev> (netdev_adjacent_sysfs_add), as drivers/base/core.c and net/core/net-sysfs.c lay them out.
 *
 * sysfs tags network devices with their namespace: a mount shows the devices of the namespace of the
 * process that mounted it. Docker mounts a fresh sysfs in each container and `ip netns exec` remounts /sys,
 * so the view is the reading process's namespace. Docker mounts it read-only (no container is privileged
 * here), so a container's writes fail with EROFS; the host's go to the kernel.
 */
import type { KernelState, NetDevice } from '../../../kernel';
import { devByName, devicesOf, strerror, xaGet } from '../../../kernel';
import type { DynamicFile, DynamicNode } from '../../fs';
import { DynamicReadError } from '../../fs';
import { dockerReadOnlyMount } from '../../readonly_mounts';
import type { OsAccess, Proc } from '../../types';
import type { Attr } from './attr';
import { BRIDGE_ATTR_NAMES, BRPORT_ATTR_NAMES, bridgeAttr, brportAttr } from './bridge_attrs';
import { netAttr, netAttrNamed, netAttrNames } from './net_attrs';
import { STAT_NAMES, statAttr } from './statistics';

const CLASS_NET = '/sys/class/net';
const VIRTUAL_NET = '/sys/devices/virtual/net';

/** The fixed directories above the device lists (only the network part of sysfs is simulated). */
const FIXED_DIRS: Record<string, readonly string[]> = {
  '/sys': ['class', 'devices'],
  '/sys/class': ['net'],
  '/sys/devices': ['virtual'],
  '/sys/devices/virtual': ['net'],
};

/** What a path below a device's directory is, given the device (null: not there for this device). */
type Shape =
  | { kind: 'dir'; list(k: KernelState, dev: NetDevice): readonly string[] | null }
  | { kind: 'link'; target(k: KernelState, dev: NetDevice): string | null; descend?: boolean }
  | { kind: 'file'; attr(dev: NetDevice): Attr | null; writable: boolean };

function nameOf(k: KernelState, id: string | null): string | null {
  return id === null ? null : (xaGet(k.devices, id)?.name ?? null);
}

function portNames(k: KernelState, dev: NetDevice): string[] | null {
  if (dev.kind !== 'bridge') return null;
  return dev.bridge.ports.flatMap((id) => nameOf(k, id) ?? []);
}

/** The device directory's entries. */
function deviceEntries(k: KernelState, dev: NetDevice): string[] {
  const out = [...netAttrNames(dev), 'statistics', 'subsystem'];
  if (dev.kind === 'bridge') {
    out.push('bridge', 'brif', ...(portNames(k, dev) ?? []).map((n) => `lower_${n}`));
  }
  const master = dev.port ? nameOf(k, dev.master) : null;
  if (master !== null) out.push('brport', 'master', `upper_${master}`);
  return out;
}

/** A file whose attribute the device decides; whether it can be written is the attribute name's. */
function fileShape(attr: (dev: NetDevice) => Attr | null, named: Attr | null): Shape {
  return { kind: 'file', attr, writable: named?.store !== undefined };
}

/** A path's shape below the device directory, from its components alone. */
function shapeOf(rest: readonly string[]): Shape | null {
  const [a, b, ...more] = rest;
  if (more.length > 0) return null;
  if (a === undefined) return { kind: 'dir', list: deviceEntries };
  if (b === undefined) {
    if (a === 'statistics') return { kind: 'dir', list: () => STAT_NAMES };
    if (a === 'bridge')
      return { kind: 'dir', list: (_k, d) => (d.kind === 'bridge' ? BRIDGE_ATTR_NAMES : null) };
    if (a === 'brif') return { kind: 'dir', list: portNames };
    if (a === 'brport')
      return { kind: 'dir', list: (_k, d) => (d.port ? [...BRPORT_ATTR_NAMES, 'bridge'] : null) };
    if (a === 'subsystem') return { kind: 'link', target: () => '../../../../class/net' };
    if (a === 'master') {
      return { kind: 'link', target: (k, d) => (d.port && d.master ? `../${nameOf(k, d.master)}` : null) };
    }
    if (a.startsWith('upper_')) {
      const up = a.slice('upper_'.length);
      return { kind: 'link', target: (k, d) => (d.port && nameOf(k, d.master) === up ? `../${up}` : null) };
    }
    if (a.startsWith('lower_')) {
      const low = a.slice('lower_'.length);
      return { kind: 'link', target: (k, d) => (portNames(k, d)?.includes(low) ? `../${low}` : null) };
    }
    return fileShape((d) => netAttr(d, a), netAttrNamed(a));
  }
  if (a === 'statistics') return fileShape(() => statAttr(b), statAttr(b));
  if (a === 'bridge') return fileShape((d) => (d.kind === 'bridge' ? bridgeAttr(b) : null), bridgeAttr(b));
  if (a === 'brif') {
    return {
      kind: 'link',
      target: (k, d) => (portNames(k, d)?.includes(b) ? `../../${b}/brport` : null),
      descend: true,
    };
  }
  if (a === 'brport') {
    if (b === 'bridge') {
      return { kind: 'link', target: (k, d) => (d.port && d.master ? `../../${nameOf(k, d.master)}` : null) };
    }
    return fileShape((d) => (d.port ? brportAttr(b) : null), brportAttr(b));
  }
  return null;
}

/** The device a path under /sys/devices/virtual/net names, and the rest of the path. */
function splitDevicePath(path: string): { name: string; rest: string[] } | null {
  if (!path.startsWith(`${VIRTUAL_NET}/`)) return null;
  const [name, ...rest] = path.slice(VIRTUAL_NET.length + 1).split('/');
  return name ? { name, rest } : null;
}

const devIn = (proc: Proc, os: OsAccess, name: string) => devByName(os.state.kernel, proc.ns, name);

/** Docker mounts sysfs read-only in containers; the host (and `ip netns exec` there) has it read-write. */
const readOnlyMount = dockerReadOnlyMount;

/** The directory or symbolic link at an absolute, normalized path, if it is one of sysfs's. */
export function sysfsNode(path: string): DynamicNode | null {
  if (!path.startsWith('/sys')) return null;
  const fixed = FIXED_DIRS[path];
  if (fixed) return { kind: 'dir', list: () => fixed };
  if (path === CLASS_NET || path === VIRTUAL_NET) {
    return { kind: 'dir', list: (proc, os) => devicesOf(os.state.kernel, proc.ns).map((d) => d.name) };
  }
  if (path.startsWith(`${CLASS_NET}/`)) {
    const name = path.slice(CLASS_NET.length + 1);
    if (name.includes('/')) return null;
    return {
      kind: 'link',
      target: (proc, os) => (devIn(proc, os, name) ? `../../devices/virtual/net/${name}` : null),
      descend: true,
    };
  }
  const at = splitDevicePath(path);
  const shape = at ? shapeOf(at.rest) : null;
  if (!at || !shape || shape.kind === 'file') return null;
  const get = (proc: Proc, os: OsAccess) => devIn(proc, os, at.name);
  if (shape.kind === 'dir') {
    return {
      kind: 'dir',
      list: (proc, os) => {
        const d = get(proc, os);
        return d ? shape.list(os.state.kernel, d) : null;
      },
    };
  }
  return {
    kind: 'link',
    target: (proc, os) => {
      const d = get(proc, os);
      return d ? shape.target(os.state.kernel, d) : null;
    },
    ...(shape.descend ? { descend: true } : {}),
  };
}

/** The attribute file at an absolute, normalized, link-free path, if it is one of sysfs's. */
export function sysfsFile(path: string): DynamicFile | null {
  const at = splitDevicePath(path);
  if (!at) return null;
  const shape = shapeOf(at.rest);
  if (shape?.kind !== 'file') return null;
  const attrOf = (proc: Proc, os: OsAccess): { dev: NetDevice; attr: Attr } | null => {
    const dev = devIn(proc, os, at.name);
    const attr = dev ? shape.attr(dev) : null;
    return dev && attr ? { dev, attr } : null;
  };
  const file: DynamicFile = {
    read(proc, os) {
      const a = attrOf(proc, os);
      if (!a) return null;
      const r = a.attr.show(os.state.kernel, a.dev, os.state.clock.nowUs);
      if (typeof r === 'string') return r;
      throw new DynamicReadError(strerror(r.errno));
    },
    readOnlyMount,
  };
  if (!shape.writable) return file;
  return {
    ...file,
    write(proc, os, content) {
      const a = attrOf(proc, os);
      const store = a?.attr.store;
      if (!a || !store) return strerror('EACCES');
      const errno = os.mutate(({ kctx }) => {
        const dev = devByName(kctx.k, proc.ns, at.name);
        return dev ? store(kctx, dev, content) : 'ENODEV';
      });
      return errno === null ? null : strerror(errno);
    },
  };
}
