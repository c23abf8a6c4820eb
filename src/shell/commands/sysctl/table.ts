/**
 * The /proc/sys/net files one namespace shows (the ctl_tables registered per struct net), with what a
 * read returns and what a write does. The write side models the kernel's proc handlers:
 *   - net.ipv4.ip_forward and net.ipv4.conf.all.forwarding are one variable (IPV4_DEVCONF_ALL FORWARDING);
 *     changing it runs inet_forward_change(): conf.default and every device follow, and
 *     conf.all.accept_redirects becomes !forwarding (net/ipv4/devinet.c devinet_sysctl_forward).
 *   - net.ipv6.conf.*.disable_ipv6: addrconf_disable_ipv6() (net/ipv6/addrconf.c); "all" also sets
 *     "default" and every device; a device whose value flips loses or regains its addresses.
 *   - net.ipv6.conf.all.forwarding: addrconf_fixup_forwarding(): "default" and every device follow.
 *   - bridge-nf-* switches store !!value (net/bridge/br_netfilter_hooks.c brnf_sysctl_call_tables).
 * Everything else is a plain proc_dointvec(_minmax) int. Values are stored raw, as the kernel does.
 */
import type { DevId, Errno, KernelCtx, KernelState, NetDevice, NsId } from '../../../kernel';
import { devicesOf, setDisableIpv6, setIpForward, xaGet } from '../../../kernel';
import { parseProcInt, parseProcInts } from './proc_int';

export interface SysctlEntry {
  /** Path components under /proc/sys, e.g. ['net', 'ipv4', 'conf', 'eth0', 'forwarding']. */
  path: readonly string[];
  /** The file's content without its trailing newline. */
  read(k: KernelState): string;
  /** Apply a write (the text as written); null on success, else the errno write(2) fails with. */
  write(ctx: KernelCtx, text: string): Errno | null;
}

type Kind = 'int' | 'bool' | 'ttl' | 'port_range';

interface NsKey {
  key: string;
  def: number | string;
  kind: Kind;
  /** Registered in init_net only (net/ipv4/arp.c registers neigh/default once). */
  rootOnly?: boolean;
}

/** Namespace-wide files, with the defaults of a fresh namespace on Linux 6.18. */
const NS_KEYS: readonly NsKey[] = [
  { key: 'net.bridge.bridge-nf-call-arptables', def: 1, kind: 'bool' },
  { key: 'net.bridge.bridge-nf-call-ip6tables', def: 1, kind: 'bool' },
  { key: 'net.bridge.bridge-nf-call-iptables', def: 1, kind: 'bool' },
  { key: 'net.bridge.bridge-nf-filter-pppoe-tagged', def: 0, kind: 'bool' },
  { key: 'net.bridge.bridge-nf-filter-vlan-tagged', def: 0, kind: 'bool' },
  { key: 'net.bridge.bridge-nf-pass-vlan-input-dev', def: 0, kind: 'bool' },
  { key: 'net.core.somaxconn', def: 4096, kind: 'int' },
  { key: 'net.ipv4.icmp_echo_ignore_all', def: 0, kind: 'int' },
  { key: 'net.ipv4.icmp_echo_ignore_broadcasts', def: 1, kind: 'int' },
  { key: 'net.ipv4.ip_default_ttl', def: 64, kind: 'ttl' },
  { key: 'net.ipv4.ip_local_port_range', def: '32768\t60999', kind: 'port_range' },
  { key: 'net.ipv4.ip_nonlocal_bind', def: 0, kind: 'int' },
  { key: 'net.ipv4.neigh.default.base_reachable_time_ms', def: 30000, kind: 'int', rootOnly: true },
  { key: 'net.ipv4.tcp_fin_timeout', def: 60, kind: 'int' },
  { key: 'net.ipv4.tcp_syncookies', def: 1, kind: 'int' },
  { key: 'net.unix.max_dgram_qlen', def: 10, kind: 'int' },
];

interface ConfKey {
  family: 'ipv4' | 'ipv6';
  name: string;
  /** Field of NetDevice.conf holding the per-device value. */
  field: string;
  all: number;
  dflt: number;
}

/** Per-device files (net.ipv4.conf.X.*, net.ipv6.conf.X.*) for X = all, default and every device. */
const CONF_KEYS: readonly ConfKey[] = [
  { family: 'ipv4', name: 'accept_local', field: 'accept_local', all: 0, dflt: 0 },
  { family: 'ipv4', name: 'accept_redirects', field: 'accept_redirects', all: 1, dflt: 1 },
  { family: 'ipv4', name: 'arp_announce', field: 'arp_announce', all: 0, dflt: 0 },
  { family: 'ipv4', name: 'arp_filter', field: 'arp_filter', all: 0, dflt: 0 },
  { family: 'ipv4', name: 'arp_ignore', field: 'arp_ignore', all: 0, dflt: 0 },
  { family: 'ipv4', name: 'forwarding', field: 'forwarding', all: 0, dflt: 0 },
  { family: 'ipv4', name: 'log_martians', field: 'log_martians', all: 0, dflt: 0 },
  { family: 'ipv4', name: 'promote_secondaries', field: 'promote_secondaries', all: 0, dflt: 0 },
  { family: 'ipv4', name: 'proxy_arp', field: 'proxy_arp', all: 0, dflt: 0 },
  { family: 'ipv4', name: 'route_localnet', field: 'route_localnet', all: 0, dflt: 0 },
  { family: 'ipv4', name: 'rp_filter', field: 'rp_filter', all: 0, dflt: 0 },
  { family: 'ipv4', name: 'send_redirects', field: 'send_redirects', all: 1, dflt: 1 },
  { family: 'ipv6', name: 'disable_ipv6', field: 'disable_ipv6', all: 0, dflt: 0 },
  { family: 'ipv6', name: 'forwarding', field: 'ipv6_forwarding', all: 0, dflt: 0 },
];

function nsNum(k: KernelState, ns: NsId, key: string, def: number | string): number | string {
  return xaGet(k.netns, ns)?.sysctl[key] ?? def;
}

function setNs(ctx: KernelCtx, ns: NsId, key: string, v: number | string): void {
  const n = xaGet(ctx.k.netns, ns);
  if (n) n.sysctl[key] = v;
}

/** dev_disable_change() for one device, keeping the raw value written. */
function devDisableIpv6(ctx: KernelCtx, dev: DevId, v: number): void {
  const d = xaGet(ctx.k.devices, dev);
  if (!d) return;
  if (!d.conf.disable_ipv6 !== !v) setDisableIpv6(ctx, dev, v);
  d.conf.disable_ipv6 = v;
}

function writeNsKey(ctx: KernelCtx, ns: NsId, spec: NsKey, text: string): Errno | null {
  if (spec.kind === 'port_range') {
    const cur = String(nsNum(ctx.k, ns, spec.key, spec.def))
      .split('\t')
      .map(Number);
    const got = parseProcInts(text, 2);
    if (!got) return 'EINVAL';
    const lo = got[0] as number;
    const hi = got[1] ?? (cur[1] as number);
    // ipv4_local_port_range(): both within 1..65535 and ordered.
    if (lo < 1 || hi > 65535 || hi < lo) return 'EINVAL';
    setNs(ctx, ns, spec.key, `${lo}\t${hi}`);
    return null;
  }
  const v = parseProcInt(text);
  if (v === null) return 'EINVAL';
  if (spec.kind === 'ttl' && (v < 1 || v > 255)) return 'EINVAL';
  setNs(ctx, ns, spec.key, spec.kind === 'bool' ? (v ? 1 : 0) : v);
  return null;
}

type Scope = { kind: 'all' } | { kind: 'default' } | { kind: 'dev'; dev: NetDevice };

function confRead(k: KernelState, ns: NsId, spec: ConfKey, scope: Scope): string {
  const base = `net.${spec.family}.conf`;
  if (spec.family === 'ipv4' && spec.name === 'forwarding' && scope.kind === 'all')
    return String(nsNum(k, ns, 'net.ipv4.ip_forward', 0));
  if (scope.kind === 'all') return String(nsNum(k, ns, `${base}.all.${spec.name}`, spec.all));
  if (scope.kind === 'default') return String(nsNum(k, ns, `${base}.default.${spec.name}`, spec.dflt));
  return String(xaGet(k.devices, scope.dev.id)?.conf[spec.field] ?? spec.dflt);
}

function confWrite(ctx: KernelCtx, ns: NsId, spec: ConfKey, scope: Scope, text: string): Errno | null {
  const v = parseProcInt(text);
  if (v === null) return 'EINVAL';
  const base = `net.${spec.family}.conf`;
  if (spec.family === 'ipv4' && spec.name === 'forwarding' && scope.kind === 'all') {
    setIpForward(ctx, ns, v);
    return null;
  }
  if (scope.kind === 'dev') {
    const d = xaGet(ctx.k.devices, scope.dev.id);
    if (!d) return 'ENOENT';
    if (spec.name === 'disable_ipv6') devDisableIpv6(ctx, d.id, v);
    else d.conf[spec.field] = v;
    return null;
  }
  const key = `${base}.${scope.kind}.${spec.name}`;
  const old = Number(nsNum(ctx.k, ns, key, scope.kind === 'all' ? spec.all : spec.dflt));
  setNs(ctx, ns, key, v);
  if (scope.kind === 'all' && spec.family === 'ipv6') {
    if (spec.name === 'disable_ipv6') {
      setNs(ctx, ns, `${base}.default.${spec.name}`, v);
      for (const d of devicesOf(ctx.k, ns)) devDisableIpv6(ctx, d.id, v);
    } else if (spec.name === 'forwarding' && old !== v) {
      setNs(ctx, ns, `${base}.default.${spec.name}`, v);
      for (const d of devicesOf(ctx.k, ns)) d.conf[spec.field] = v;
    }
  }
  return null;
}

/** strcmp order of path components, as a sorted directory walk lists them. */
function comparePaths(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Whether `path` is `under` or below it. */
function isUnder(path: readonly string[], under: readonly string[]): boolean {
  if (path.length < under.length) return false;
  for (let i = 0; i < under.length; i++) if (path[i] !== under[i]) return false;
  return true;
}

/**
 * Every /proc/sys/net file namespace `ns` shows at or below the path `under` (all of them by default), in
 * directory-walk order. A lookup of one file builds only that file's entry, not the ~15 per device of them.
 */
export function sysctlEntries(k: KernelState, ns: NsId, under: readonly string[] = []): SysctlEntry[] {
  const out: SysctlEntry[] = [];
  const known = new Set<string>();
  const isRoot = k.rootNs === ns;
  for (const spec of NS_KEYS) {
    if (spec.rootOnly && !isRoot) continue;
    known.add(spec.key);
    const path = spec.key.split('.');
    if (!isUnder(path, under)) continue;
    out.push({
      path,
      read: (kk) => String(nsNum(kk, ns, spec.key, spec.def)),
      write: (ctx, text) => writeNsKey(ctx, ns, spec, text),
    });
  }
  known.add('net.ipv4.ip_forward');
  const ipForward = ['net', 'ipv4', 'ip_forward'];
  if (isUnder(ipForward, under))
    out.push({
      path: ipForward,
      read: (kk) => String(nsNum(kk, ns, 'net.ipv4.ip_forward', 0)),
      write: (ctx, text) =>
        confWrite(ctx, ns, CONF_KEYS.find((c) => c.field === 'forwarding') as ConfKey, { kind: 'all' }, text),
    });
  const devs = devicesOf(k, ns);
  for (const spec of CONF_KEYS) {
    const scopes: [string, Scope][] = [
      ['all', { kind: 'all' }],
      ['default', { kind: 'default' }],
      ...devs.map((d): [string, Scope] => [d.name, { kind: 'dev', dev: d }]),
    ];
    for (const [name, scope] of scopes) {
      const path = ['net', spec.family, 'conf', name, spec.name];
      if (scope.kind !== 'dev') known.add(path.join('.'));
      if (!isUnder(path, under)) continue;
      out.push({
        path,
        read: (kk) => confRead(kk, ns, spec, scope),
        write: (ctx, text) => confWrite(ctx, ns, spec, scope, text),
      });
    }
  }
  // Anything else the kernel keeps for this namespace is a plain int (or text) file.
  for (const [key, v] of Object.entries(xaGet(k.netns, ns)?.sysctl ?? {})) {
    if (known.has(key)) continue;
    if (key.startsWith('net.ipv4.neigh.default.') && !isRoot) continue;
    const path = key.split('.');
    if (!isUnder(path, under)) continue;
    out.push({
      path,
      read: (kk) => String(nsNum(kk, ns, key, v)),
      write: (ctx, text) => {
        if (typeof v === 'string') {
          setNs(ctx, ns, key, text.replace(/\n$/, ''));
          return null;
        }
        const n = parseProcInt(text);
        if (n === null) return 'EINVAL';
        setNs(ctx, ns, key, n);
        return null;
      },
    });
  }
  return out.sort((a, b) => comparePaths(a.path, b.path));
}

/** What a path under /proc/sys names in namespace `ns`: a file, a directory (its files), or nothing. */
export type SysctlNode =
  { kind: 'file'; entry: SysctlEntry } | { kind: 'dir'; entries: SysctlEntry[] } | null;

export function sysctlLookup(k: KernelState, ns: NsId, components: readonly string[]): SysctlNode {
  const under = sysctlEntries(k, ns, components);
  if (components.length === 0) return { kind: 'dir', entries: under };
  if (under.length === 0) return null;
  const exact = under.find((e) => e.path.length === components.length);
  if (exact) return { kind: 'file', entry: exact };
  return { kind: 'dir', entries: under };
}
