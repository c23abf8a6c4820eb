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
import type { DockerState } from './state';

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

/** The running container whose sandbox is this namespace. */
function containerInNs(st: DockerState, ns: NsId) {
  return (
    Object.values(st.containers).find(
      (c) => c.status === 'running' && c.ns === ns && !c.networkMode.startsWith('container:'),
    ) ?? null
  );
}

/** Embedded resolver lookup over the networks the asking sandbox is on; null when no container has the name. */
export function resolveContainerName(
  st: DockerState,
  ns: NsId,
  qname: string,
  asker = containerInNs(st, ns),
): Ip4[] | null {
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
    for (const ep of Object.values(st.endpoints)) {
      if (!t.nets.includes(ep.networkId) || ep.ipv4 === null) continue;
      if (ep.dnsNames.some((d) => d.toLowerCase() === t.name)) out.push(ep.ipv4);
    }
    if (out.length > 0) return out;
  }
  return null;
}

/** The hook: the embedded server first (in a sandbox that has it), then the public names. */
export function dockerDnsResolve(st: DockerState, ns: NsId, qname: string, serverIp: Ip4): Ip4[] | null {
  if (serverIp === 0x7f00000b) {
    const asker = containerInNs(st, ns);
    if (!asker || !usesInternalResolver(st, asker)) return null;
    const r = resolveContainerName(st, ns, qname, asker);
    if (r) return r;
  }
  return publicLookup(qname);
}
