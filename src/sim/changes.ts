/**
 * "What changed": two Worlds -> the objects a command added, removed or changed, as records the UI highlights
 * on the graph and turns into sentences (the record carries a message key and its parameters so the UI can say
 * it in any language). Works on Worlds rather than immer patches so undo/redo (a jump between any two Worlds)
 * is explained the same way; immer's structural sharing makes unchanged parts a reference comparison.
 */
import { formatIp4 } from '../lib';
import type { KernelState, NetDevice, NsId } from '../kernel';
import { xaGet, xaEntries, xaHas, xaValues } from '../kernel';
import type { World } from './world';
import type { Change, DiffSink } from './change_types';
import { nsTitle } from './change_titles';
import { dockerChanged } from './changes_docker';
import { tablesChanged } from './changes_tables';
import { tableChanges } from './table_diff';

export type { Change, ChangeOp, ChangeWhat } from './change_types';

class Differ implements DiffSink {
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
}

/** What changed from `before` to `after`, Docker objects first, then kernel objects in dependency order. */
export function changes(before: World, after: World): Change[] {
  if (before === after) return [];
  const d = new Differ(before, after);
  dockerChanged(d);
  d.namespaces();
  d.devices();
  tablesChanged(d);
  return d.out;
}

/** Every graph id a list of changes touches (for highlighting). */
export function changedIds(list: readonly Change[]): Set<string> {
  const s = new Set<string>();
  for (const c of list) for (const id of c.ids) s.add(id);
  return s;
}
