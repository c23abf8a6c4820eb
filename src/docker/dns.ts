/**
 * Name resolution (KernelCtx.hooks.dnsResolve): Docker's embedded DNS server at 127.0.0.11 in a sandbox with
 * an endpoint on a user-defined network answers for the containers on the networks it shares (their names,
 * aliases, short ids, and "<name>.<network>"; libnetwork sandbox ResolveName), and forwards everything else
 * to the host's nameservers; the outside world's public resolver knows a few public names.
 */
import { own } from '../lib';
import type { Ip4 } from '../lib';
import type { NsId } from '../kernel';
import { usesInternalResolver } from './etc_files';
import type { DockerContainer, DockerState } from './state';

/** What the simulated internet's DNS (8.8.8.8) knows. */
export const PUBLIC_DNS: Readonly<Record<string, Ip4>> = {
  'example.com': 0x5db8d70e, // 93.184.215.14
  'www.example.com': 0x5db8d70e,
  'dns.google': 0x08080808,
};

function publicLookup(qname: string): Ip4[] | null {
  const a = own(PUBLIC_DNS, qname.toLowerCase().replace(/\.$/, ''));
  return a === undefined ? null : [a];
}

/** An endpoint's address on its network, under one of its names. */
interface NamedAddr {
  networkId: string;
  ipv4: Ip4;
}

/**
 * What a query looks up, indexed once per set of Docker tables: each namespace's container, and each lower-case
 * DNS name's endpoints in table order. A query scanned a thousand containers and endpoints (Object.values of a
 * table keyed by hex ids sorts its keys every time); a ping by name asks once or twice.
 */
interface NameIndex {
  byNs: Map<NsId, DockerContainer>;
  byName: Map<string, NamedAddr[]>;
}
const indexMemo = new WeakMap<DockerState['endpoints'], { containers: object; idx: NameIndex }>();

/** The index of Docker's tables; kept while they are `settled` (a committed World's, never written again). */
function nameIndex(st: DockerState, settled: boolean): NameIndex {
  if (!settled) return buildIndex(st);
  const hit = indexMemo.get(st.endpoints);
  if (hit?.containers === st.containers) return hit.idx;
  const idx = buildIndex(st);
  indexMemo.set(st.endpoints, { containers: st.containers, idx });
  return idx;
}

function buildIndex(st: DockerState): NameIndex {
  // byNs: the running container whose sandbox is the namespace (the first, in table order).
  const byNs = new Map<NsId, DockerContainer>();
  for (const c of Object.values(st.containers))
    if (c.status === 'running' && c.ns !== null && !c.networkMode.startsWith('container:') && !byNs.has(c.ns))
      byNs.set(c.ns, c);
  const byName = new Map<string, NamedAddr[]>();
  for (const ep of Object.values(st.endpoints)) {
    if (ep.ipv4 === null) continue;
    for (const name of new Set(ep.dnsNames.map((d) => d.toLowerCase()))) {
      const l = byName.get(name);
      const a = { networkId: ep.networkId, ipv4: ep.ipv4 };
      if (l) l.push(a);
      else byName.set(name, [a]);
    }
  }
  return { byNs, byName };
}

/** Embedded resolver lookup over the networks the asking sandbox is on; null when no container has the name. */
export function resolveContainerName(
  st: DockerState,
  ns: NsId,
  qname: string,
  idx: NameIndex = nameIndex(st, false),
): Ip4[] | null {
  const asker = idx.byNs.get(ns);
  if (!asker || !asker.sandboxId) return null;
  const sb = st.sandboxes[asker.sandboxId];
  if (!sb) return null;
  const q = qname.toLowerCase().replace(/\.$/, '');
  const myNets = sb.endpoints.map((id) => st.endpoints[id]?.networkId).filter((x): x is string => !!x);
  const tries: { name: string; nets: string[] }[] = [{ name: q, nets: myNets }];
  for (const nid of myNets) {
    const n = st.networks[nid];
    if (n && q.endsWith(`.${n.name.toLowerCase()}`))
      tries.push({ name: q.slice(0, -(n.name.length + 1)), nets: [nid] });
  }
  for (const t of tries) {
    const out: Ip4[] = [];
    for (const a of idx.byName.get(t.name) ?? []) if (t.nets.includes(a.networkId)) out.push(a.ipv4);
    if (out.length > 0) return out;
  }
  return null;
}

/**
 * The hook: the embedded server first (in a sandbox that has it), then the public names. `settled`: the tables
 * are a committed World's, never written again, so their index may be kept (a line that changed Docker's state
 * gets one made for the query).
 */
export function dockerDnsResolve(
  st: DockerState,
  ns: NsId,
  qname: string,
  serverIp: Ip4,
  settled = false,
): Ip4[] | null {
  if (serverIp === 0x7f00000b) {
    const idx = nameIndex(st, settled);
    const asker = idx.byNs.get(ns);
    if (!asker || !usesInternalResolver(st, asker)) return null;
    const r = resolveContainerName(st, ns, qname, idx);
    if (r) return r;
  }
  return publicLookup(qname);
}
