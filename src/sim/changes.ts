/**
 * "What changed": two Worlds -> the objects a command added, removed or changed, as records the UI highlights
 * on the graph and turns into sentences (the record carries a message key and its parameters so the UI can say
 * it in any language). Works on Worlds rather than immer patches so undo/redo (a jump between any two Worlds)
 * is explained the same way; immer's structural sharing makes unchanged parts a reference comparison.
 */
import { formatIp4 } from '../lib';
import type { FibRoute, KernelState, NetDevice, NetNs, NfRule, NsId } from '../kernel';
import { ruleSaveText, xaGet, xaEntries, xaHas, xaValues } from '../kernel';
import type { DockerContainer, DockerState } from '../docker';
import type { World } from './world';
import { tableChanges } from './table_diff';

export type ChangeOp = 'add' | 'del' | 'set';

export type ChangeWhat =
  | 'netns'
  | 'device'
  | 'veth'
  | 'bridge'
  | 'port'
  | 'move'
  | 'rename'
  | 'up'
  | 'down'
  | 'addr'
  | 'route'
  | 'neigh'
  | 'fdb'
  | 'rule'
  | 'chain'
  | 'sysctl'
  | 'container'
  | 'status'
  | 'network'
  | 'publish';

export interface Change {
  op: ChangeOp;
  what: ChangeWhat;
  /** The main object, as text (`veth1a2b3c4 ↔ eth0`, `172.17.0.2/16`, `default via 172.17.0.1 dev eth0`). */
  subject: string;
  /** Where it happened: the device, chain or bridge the subject belongs to (may be ''). */
  on: string;
  /** Whose namespace: `host`, a container name, an `ip netns` name. */
  where: string;
  /** Graph ids to highlight: `ns:ID`, `dev:ID`, `link:ID`, `ctr:ID`. */
  ids: string[];
}

/**
 * Who lives in each namespace of a World, indexed once per World: "what changed" names the namespace of every
 * record, and looking each one up by walking the containers cost O(containers) per record at classroom scale.
 */
interface TitleIndex {
  /** The first `ip netns` name of each namespace (namedNs order). */
  named: Map<NsId, string>;
  /** Container names per namespace: owners of its sandboxes, then running `container:` joiners. */
  names: Map<NsId, string[]>;
}
/** The last index and the tables it was made of (a ping's World shares all three with the one before). */
let titleMemo: { tables: [object, object, object]; idx: TitleIndex } | null = null;

function titleIndex(w: World): TitleIndex {
  const tables: [object, object, object] = [w.kernel.namedNs, w.docker.sandboxes, w.docker.containers];
  const hit = titleMemo;
  if (hit && hit.tables.every((t, i) => t === tables[i])) return hit.idx;
  const named = new Map<NsId, string>();
  for (const [name, id] of Object.entries(w.kernel.namedNs)) if (!named.has(id)) named.set(id, name);
  const names = new Map<NsId, string[]>();
  const add = (ns: NsId, name: string) => {
    const l = names.get(ns);
    if (l) l.push(name);
    else names.set(ns, [name]);
  };
  const { sandboxes, containers } = w.docker;
  for (const sb of Object.values(sandboxes)) {
    const c = containers[sb.containerId];
    if (c) add(sb.ns, c.name.replace(/^\//, ''));
  }
  // A `container:REF` joiner: REF is the first container (in table order) whose id or name it is.
  const all = Object.values(containers);
  let first: Map<string, DockerContainer> | null = null;
  for (const c of all) {
    if (!c.networkMode.startsWith('container:') || c.status !== 'running') continue;
    if (!first) {
      first = new Map();
      for (const x of all) {
        const name = x.name.replace(/^\//, '');
        if (!first.has(x.id)) first.set(x.id, x);
        if (!first.has(name)) first.set(name, x);
      }
    }
    const t = first.get(c.networkMode.slice(10));
    const sb = t?.sandboxId ? sandboxes[t.sandboxId] : undefined;
    if (sb) add(sb.ns, c.name.replace(/^\//, ''));
  }
  const idx = { named, names };
  titleMemo = { tables, idx };
  return idx;
}

function nsTitle(w: World, ns: NsId): string {
  const k = w.kernel;
  if (ns === k.rootNs) return 'host';
  const idx = titleIndex(w);
  return idx.named.get(ns) ?? idx.names.get(ns)?.join(' + ') ?? xaGet(k.netns, ns)?.label ?? ns;
}

function routeText(k: KernelState, r: FibRoute): string {
  const dst = r.dstLen === 0 ? 'default' : `${formatIp4(r.dst)}/${r.dstLen}`;
  const parts = [r.type === 'unicast' ? dst : `${r.type} ${dst}`];
  if (r.gateway !== null) parts.push(`via ${formatIp4(r.gateway)}`);
  const dev = r.dev ? xaGet(k.devices, r.dev) : undefined;
  if (dev) parts.push(`dev ${dev.name}`);
  if (r.protocol !== 'boot') parts.push(`proto ${r.protocol}`);
  if (r.scope !== 'global' && r.type === 'unicast') parts.push(`scope ${r.scope}`);
  if (r.prefsrc !== null) parts.push(`src ${formatIp4(r.prefsrc)}`);
  if (r.priority) parts.push(`metric ${r.priority}`);
  return parts.join(' ');
}

/**
 * Rules that differ at most in their counters (every packet a rule matches copies it): the same objects
 * except `counters`, as immer shares what a line did not write. Said without printing each chain's rules.
 */
function sameRulesButCounters(a: readonly NfRule[], b: readonly NfRule[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as NfRule;
    const y = b[i] as NfRule;
    if (x === y) continue;
    for (const key in y)
      if (key !== 'counters' && x[key as keyof NfRule] !== y[key as keyof NfRule]) return false;
  }
  return true;
}

const routeKey = (r: FibRoute) =>
  `${r.type}|${r.dst}/${r.dstLen}|${r.tos}|${r.priority}|${r.gateway}|${r.dev}|${r.prefsrc}|${r.scope}|${r.protocol}`;

class Differ {
  readonly out: Change[] = [];
  constructor(
    readonly a: World,
    readonly b: World,
  ) {}

  push(c: Change): void {
    this.out.push(c);
  }

  where(ns: NsId): string {
    return nsTitle(xaGet(this.b.kernel.netns, ns) ? this.b : this.a, ns);
  }

  /** The link id a veth end is drawn as (topology.ts: the end outside the host namespace, or created first). */
  vethOwner(k: KernelState, d: NetDevice): NetDevice {
    if (d.kind !== 'veth') return d;
    const p = xaGet(k.devices, d.peer);
    if (!p) return d;
    const dRoot = d.ns === k.rootNs;
    const pRoot = p.ns === k.rootNs;
    return dRoot !== pRoot ? (dRoot ? p : d) : d.createdSeq <= p.createdSeq ? d : p;
  }

  vethLink(k: KernelState, d: NetDevice): string {
    return `link:veth:${this.vethOwner(k, d).id}`;
  }

  /** `veth1a2b3c4 ↔ eth0`: the host's end first, as people read a container's cable. */
  pairText(k: KernelState, d: NetDevice): string {
    const a = this.vethOwner(k, d);
    const b = a.kind === 'veth' ? xaGet(k.devices, a.peer) : undefined;
    return `${b?.name ?? '?'} ↔ ${a.name}`;
  }

  namespaces(): void {
    const A = this.a.kernel.netns;
    const B = this.b.kernel.netns;
    // The same ids in the same order: none came or went.
    if (A === B || tableChanges(A, B)) return;
    for (const [id, nb] of xaEntries(B)) {
      if (nb.hidden) continue;
      if (!xaHas(A, id))
        this.push({
          op: 'add',
          what: 'netns',
          subject: this.where(id),
          on: '',
          where: this.where(id),
          ids: [`ns:${id}`],
        });
    }
    for (const [id, na] of xaEntries(A)) {
      if (!xaHas(B, id) && !na.hidden)
        this.push({
          op: 'del',
          what: 'netns',
          subject: this.where(id),
          on: '',
          where: this.where(id),
          ids: [],
        });
    }
  }

  devices(): void {
    const ka = this.a.kernel;
    const kb = this.b.kernel;
    if (ka.devices === kb.devices) return;
    // The same ids in the same order (most lines: a ping changes counters of a few devices): only the devices
    // that are other objects can have changed, and none came or went.
    const changed = tableChanges(ka.devices, kb.devices);
    if (changed) {
      for (const { was, now } of changed) if (!xaGet(kb.netns, now.ns)?.hidden) this.deviceChanged(was, now);
      return;
    }
    const seenPairs = new Set<string>();
    // Identity first: a line touches a few of thousands of devices.
    for (const db of xaValues(kb.devices)) {
      const da = xaGet(ka.devices, db.id);
      if (da === db || xaGet(kb.netns, db.ns)?.hidden) continue;
      if (!da) {
        // A new namespace comes with its lo: the namespace sentence says it.
        if (db.kind === 'loopback' && !xaGet(ka.netns, db.ns)) continue;
        if (db.kind === 'veth') {
          const link = this.vethLink(kb, db);
          if (seenPairs.has(link)) continue;
          seenPairs.add(link);
          this.push({
            op: 'add',
            what: 'veth',
            subject: this.pairText(kb, db),
            on: '',
            where: this.where(this.vethOwner(kb, db).ns),
            ids: [`dev:${db.id}`, `dev:${db.peer}`, link],
          });
        } else {
          this.push({
            op: 'add',
            what: db.kind === 'bridge' ? 'bridge' : 'device',
            subject: db.name,
            on: '',
            where: this.where(db.ns),
            ids: [`dev:${db.id}`],
          });
        }
        this.addrs(null, db);
        continue;
      }
      this.deviceChanged(da, db);
    }
    for (const da of xaValues(ka.devices)) {
      if (xaHas(kb.devices, da.id)) continue;
      if (!xaGet(kb.netns, da.ns) && da.kind !== 'bridge' && da.kind !== 'veth') continue;
      if (da.kind === 'veth') {
        const link = this.vethLink(ka, da);
        if (seenPairs.has(link)) continue;
        seenPairs.add(link);
        this.push({
          op: 'del',
          what: 'veth',
          subject: this.pairText(ka, da),
          on: '',
          where: this.where(this.vethOwner(ka, da).ns),
          ids: [],
        });
      } else if (xaGet(kb.netns, da.ns)) {
        this.push({
          op: 'del',
          what: da.kind === 'bridge' ? 'bridge' : 'device',
          subject: da.name,
          on: '',
          where: this.where(da.ns),
          ids: [],
        });
      }
    }
  }

  deviceChanged(da: NetDevice, db: NetDevice): void {
    const ids = [`dev:${db.id}`];
    const where = this.where(db.ns);
    if (da.ns !== db.ns)
      this.push({
        op: 'set',
        what: 'move',
        subject: db.name,
        on: this.where(da.ns),
        where,
        ids: [...ids, `ns:${db.ns}`],
      });
    if (da.name !== db.name)
      this.push({ op: 'set', what: 'rename', subject: db.name, on: da.name, where, ids });
    if (da.adminUp !== db.adminUp)
      this.push({ op: 'set', what: db.adminUp ? 'up' : 'down', subject: db.name, on: '', where, ids });
    if (da.master !== db.master) {
      const ma = da.master ? xaGet(this.a.kernel.devices, da.master) : undefined;
      const mb = db.master ? xaGet(this.b.kernel.devices, db.master) : undefined;
      if (ma) this.push({ op: 'del', what: 'port', subject: db.name, on: ma.name, where, ids });
      if (mb)
        this.push({
          op: 'add',
          what: 'port',
          subject: db.name,
          on: mb.name,
          where,
          ids: [...ids, `dev:${mb.id}`],
        });
    }
    if (da.inet !== db.inet) this.addrs(da, db);
    if (da.kind === 'bridge' && db.kind === 'bridge' && da.bridge.fdb !== db.bridge.fdb) this.fdb(da, db);
  }

  addrs(da: NetDevice | null, db: NetDevice): void {
    const text = (d: NetDevice) => new Set(d.inet.map((x) => `${formatIp4(x.local)}/${x.prefixLen}`));
    const before = da && da.ns === db.ns ? text(da) : new Set<string>();
    const after = text(db);
    for (const t of after)
      if (!before.has(t))
        this.push({
          op: 'add',
          what: 'addr',
          subject: t,
          on: db.name,
          where: this.where(db.ns),
          ids: [`dev:${db.id}`],
        });
    for (const t of before)
      if (!after.has(t))
        this.push({
          op: 'del',
          what: 'addr',
          subject: t,
          on: db.name,
          where: this.where(db.ns),
          ids: [`dev:${db.id}`],
        });
  }

  fdb(da: NetDevice & { kind: 'bridge' }, db: NetDevice & { kind: 'bridge' }): void {
    const key = (e: { mac: string; dev: string; vlan: number | null; self: boolean }) =>
      `${e.mac}|${e.dev}|${e.vlan}|${e.self}`;
    const relevant = (e: { self: boolean; kind: string }) => !e.self && e.kind !== 'local';
    const before = new Map(da.bridge.fdb.filter(relevant).map((e) => [key(e), e]));
    const after = new Map(db.bridge.fdb.filter(relevant).map((e) => [key(e), e]));
    const devName = (w: World, id: string) => xaGet(w.kernel.devices, id)?.name ?? id;
    for (const [k, e] of after)
      if (!before.has(k))
        this.push({
          op: 'add',
          what: 'fdb',
          subject: `${e.mac} → ${devName(this.b, e.dev)}`,
          on: db.name,
          where: this.where(db.ns),
          ids: [`dev:${db.id}`, `dev:${e.dev}`],
        });
    for (const [k, e] of before)
      if (!after.has(k))
        this.push({
          op: 'del',
          what: 'fdb',
          subject: `${e.mac} → ${devName(this.a, e.dev)}`,
          on: db.name,
          where: this.where(db.ns),
          ids: [`dev:${db.id}`],
        });
  }

  /** Per-namespace tables: main-table routes, neighbours, netfilter rules, a few sysctls. */
  tables(): void {
    const A = this.a.kernel.netns;
    const B = this.b.kernel.netns;
    if (A === B) return;
    const changed = tableChanges(A, B);
    for (const [id, na, nb] of changed
      ? changed.map((c): [NsId, NetNs | undefined, NetNs] => [c.now.id, c.was, c.now])
      : xaEntries(B).map(([id, nb]): [NsId, NetNs | undefined, NetNs] => [id, xaGet(A, id), nb])) {
      if (na === nb || nb.hidden) continue;
      this.routes(na, nb);
      this.neigh(na, nb);
      this.netfilter(na, nb);
      if (na && na.sysctl !== nb.sysctl) {
        for (const [key, v] of Object.entries(nb.sysctl))
          if (na.sysctl[key] !== v)
            this.push({
              op: 'set',
              what: 'sysctl',
              subject: `${key} = ${v}`,
              on: '',
              where: this.where(id),
              ids: [`ns:${id}`],
            });
      }
    }
  }

  routes(na: NetNs | undefined, nb: NetNs): void {
    const ra = na?.fib4[254] ?? [];
    const rb = nb.fib4[254] ?? [];
    if (ra === rb) return;
    const ka = new Map(ra.map((r) => [routeKey(r), r]));
    const kb = new Map(rb.map((r) => [routeKey(r), r]));
    for (const [key, r] of kb)
      if (!ka.has(key))
        this.push({
          op: 'add',
          what: 'route',
          subject: routeText(this.b.kernel, r),
          on: '',
          where: this.where(nb.id),
          ids: [`ns:${nb.id}`, ...(r.dev ? [`dev:${r.dev}`] : [])],
        });
    for (const [key, r] of ka)
      if (!kb.has(key) && xaGet(this.b.kernel.netns, nb.id))
        this.push({
          op: 'del',
          what: 'route',
          subject: routeText(this.a.kernel, r),
          on: '',
          where: this.where(nb.id),
          ids: [`ns:${nb.id}`],
        });
  }

  neigh(na: NetNs | undefined, nb: NetNs): void {
    if (na?.neigh === nb.neigh) return;
    const key = (e: { ip: number; dev: string }) => `${e.ip}|${e.dev}`;
    const before = new Map((na?.neigh ?? []).map((e) => [key(e), e]));
    const k = this.b.kernel;
    for (const e of nb.neigh) {
      const old = before.get(key(e));
      const dev = xaGet(k.devices, e.dev)?.name ?? '';
      const subject = `${formatIp4(e.ip)}${e.lladdr ? ` lladdr ${e.lladdr}` : ''} ${e.state}`;
      if (!old)
        this.push({
          op: 'add',
          what: 'neigh',
          subject,
          on: dev,
          where: this.where(nb.id),
          ids: [`dev:${e.dev}`],
        });
      else if (
        old.lladdr !== e.lladdr ||
        (old.state !== e.state && (e.state === 'FAILED' || old.state === 'INCOMPLETE'))
      )
        this.push({
          op: 'set',
          what: 'neigh',
          subject,
          on: dev,
          where: this.where(nb.id),
          ids: [`dev:${e.dev}`],
        });
      before.delete(key(e));
    }
    for (const e of before.values())
      this.push({
        op: 'del',
        what: 'neigh',
        subject: formatIp4(e.ip),
        on: xaGet(this.a.kernel.devices, e.dev)?.name ?? '',
        where: this.where(nb.id),
        ids: [],
      });
  }

  netfilter(na: NetNs | undefined, nb: NetNs): void {
    if (na?.netfilter === nb.netfilter) return;
    for (const [tname, tb] of Object.entries(nb.netfilter.tables)) {
      const ta = na?.netfilter.tables[tname as keyof typeof nb.netfilter.tables];
      if (ta === tb || !tb) continue;
      for (const cb of tb.chains) {
        const ca = ta?.chains.find((c) => c.name === cb.name);
        if (!ca && !cb.builtin)
          this.push({
            op: 'add',
            what: 'chain',
            subject: cb.name,
            on: tname,
            where: this.where(nb.id),
            ids: [`ns:${nb.id}`],
          });
        if (ca === cb || (ca && sameRulesButCounters(ca.rules, cb.rules))) continue;
        const text = (r: NfRule) => ruleSaveText(cb.name, r);
        const before = new Set((ca?.rules ?? []).map(text));
        const after = new Set(cb.rules.map(text));
        for (const t of after)
          if (!before.has(t))
            this.push({
              op: 'add',
              what: 'rule',
              subject: t,
              on: tname,
              where: this.where(nb.id),
              ids: [`ns:${nb.id}`],
            });
        for (const t of before)
          if (!after.has(t))
            this.push({
              op: 'del',
              what: 'rule',
              subject: t,
              on: tname,
              where: this.where(nb.id),
              ids: [`ns:${nb.id}`],
            });
      }
      for (const ca of ta?.chains ?? [])
        if (!ca.builtin && !tb.chains.some((c) => c.name === ca.name))
          this.push({
            op: 'del',
            what: 'chain',
            subject: ca.name,
            on: tname,
            where: this.where(nb.id),
            ids: [],
          });
    }
  }

  docker(): void {
    const A: DockerState = this.a.docker;
    const B: DockerState = this.b.docker;
    if (A === B) return;
    for (const [id, n] of Object.entries(B.networks))
      if (!A.networks[id])
        this.push({
          op: 'add',
          what: 'network',
          subject: n.name,
          on: n.driver,
          where: 'host',
          ids: n.bridgeDev ? [`dev:${n.bridgeDev}`] : [],
        });
    for (const [id, n] of Object.entries(A.networks))
      if (!B.networks[id])
        this.push({ op: 'del', what: 'network', subject: n.name, on: n.driver, where: 'host', ids: [] });
    for (const id in B.containers) {
      const c = B.containers[id] as DockerContainer;
      const old = A.containers[id];
      if (old === c) continue;
      const name = c.name.replace(/^\//, '');
      if (!old)
        this.push({
          op: 'add',
          what: 'container',
          subject: name,
          on: c.image,
          where: c.networkMode,
          ids: [`ctr:${id}`],
        });
      else if (old.status !== c.status)
        this.push({
          op: 'set',
          what: 'status',
          subject: name,
          on: c.status,
          where: c.networkMode,
          ids: [`ctr:${id}`],
        });
    }
    for (const id in A.containers) {
      const c = A.containers[id] as DockerContainer;
      if (!B.containers[id])
        this.push({
          op: 'del',
          what: 'container',
          subject: c.name.replace(/^\//, ''),
          on: c.image,
          where: c.networkMode,
          ids: [],
        });
    }
    if (A.ports === B.ports) return;
    const portKey = (p: { proto: string; hostIp: number; port: number }) =>
      `${formatIp4(p.hostIp)}:${p.port}/${p.proto}`;
    const before = new Set(A.ports.map(portKey));
    const after = new Set(B.ports.map(portKey));
    for (const p of B.ports)
      if (!before.has(portKey(p))) {
        const c = B.containers[p.containerId];
        this.push({
          op: 'add',
          what: 'publish',
          subject: portKey(p),
          on: c?.name.replace(/^\//, '') ?? '',
          where: 'host',
          ids: [`ctr:${p.containerId}`],
        });
      }
    for (const p of A.ports)
      if (!after.has(portKey(p)))
        this.push({ op: 'del', what: 'publish', subject: portKey(p), on: '', where: 'host', ids: [] });
  }
}

/** What changed from `before` to `after`, Docker objects first, then kernel objects in dependency order. */
export function changes(before: World, after: World): Change[] {
  if (before === after) return [];
  const d = new Differ(before, after);
  d.docker();
  d.namespaces();
  d.devices();
  d.tables();
  return d.out;
}

/** Every graph id a list of changes touches (for highlighting). */
export function changedIds(list: readonly Change[]): Set<string> {
  const s = new Set<string>();
  for (const c of list) for (const id of c.ids) s.add(id);
  return s;
}
