/**
 * The iptables rules of one bridge network and of one published port, in the order the v27 bridge driver
 * programs them (drivers/bridge/setup_ip_tables_linux.go setupIPTablesInternal, setIcc, setINC,
 * setupInternalNetworkRules; libnetwork/iptables/iptables.go ProgramChain; port_mapping_linux.go
 * setPerPortNAT/setPerPortForwarding; firewall_linux.go setupUserChain). The userland proxy is on (dockerd's
 * default), so the nat DOCKER chain skips traffic from the bridge and DNAT rules carry `! -i <bridge>`.
 */
import type { Cidr4, Ip4 } from '../../lib';
import type { KernelCtx, NfMatch, NsId } from '../../kernel';
import {
  ACCEPT,
  DROP,
  MASQUERADE,
  RETURN,
  appendRule,
  deleteRule,
  ensureJumpRule,
  insertRule,
  jump,
  newChain,
  rule,
} from './iptables';

export const DOCKER_CHAIN = 'DOCKER';
export const ISOLATION1 = 'DOCKER-ISOLATION-STAGE-1';
export const ISOLATION2 = 'DOCKER-ISOLATION-STAGE-2';
export const USER_CHAIN = 'DOCKER-USER';

export interface BridgeRuleConfig {
  bridge: string;
  subnet: Cidr4;
  internal: boolean;
  icc: boolean;
  masquerade: boolean;
}

/** setupIPChains: the driver's chains, each isolation chain ending in RETURN. */
export function setupDriverChains(ctx: KernelCtx, ns: NsId): void {
  newChain(ctx, ns, 'nat', DOCKER_CHAIN);
  newChain(ctx, ns, 'filter', DOCKER_CHAIN);
  newChain(ctx, ns, 'filter', ISOLATION1);
  newChain(ctx, ns, 'filter', ISOLATION2);
  appendRule(ctx, ns, 'filter', ISOLATION1, rule({ target: RETURN }));
  appendRule(ctx, ns, 'filter', ISOLATION2, rule({ target: RETURN }));
}

function iccRules(c: BridgeRuleConfig) {
  return {
    accept: rule({ in: c.bridge, out: c.bridge, target: ACCEPT }),
    drop: rule({ in: c.bridge, out: c.bridge, target: DROP }),
  };
}

/** setIcc(insert=true): ICC on inserts the ACCEPT, ICC off appends a DROP at the end of FORWARD. */
function setIcc(ctx: KernelCtx, ns: NsId, c: BridgeRuleConfig): void {
  const { accept, drop } = iccRules(c);
  if (c.icc) {
    deleteRule(ctx, ns, 'filter', 'FORWARD', drop);
    insertRule(ctx, ns, 'filter', 'FORWARD', accept);
  } else {
    deleteRule(ctx, ns, 'filter', 'FORWARD', accept);
    appendRule(ctx, ns, 'filter', 'FORWARD', drop);
  }
}

function natRules(c: BridgeRuleConfig) {
  return {
    masq: rule({ src: c.subnet, out: c.bridge, outInvert: true, target: MASQUERADE }),
    skipDnat: rule({ in: c.bridge, target: RETURN }),
    out: rule({ in: c.bridge, out: c.bridge, outInvert: true, target: ACCEPT }),
    toDocker: rule({ out: c.bridge, target: jump(DOCKER_CHAIN) }),
    established: rule({
      out: c.bridge,
      matches: [{ kind: 'conntrack', ctstate: ['RELATED', 'ESTABLISHED'], invert: false }],
      target: ACCEPT,
    }),
    isolation1: rule({ in: c.bridge, out: c.bridge, outInvert: true, target: jump(ISOLATION2) }),
    isolation2: rule({ out: c.bridge, target: DROP }),
    internalIn: rule({ in: c.bridge, dst: c.subnet, dstInvert: true, target: DROP }),
    internalOut: rule({ out: c.bridge, src: c.subnet, srcInvert: true, target: DROP }),
  };
}

const ADDRTYPE_LOCAL = {
  kind: 'addrtype',
  srcTypes: null,
  srcInvert: false,
  dstTypes: ['LOCAL'],
  dstInvert: false,
  limitIfaceIn: false,
  limitIfaceOut: false,
} as const satisfies NfMatch;

const PREROUTING_RULE = rule({
  matches: [ADDRTYPE_LOCAL],
  target: jump(DOCKER_CHAIN),
});
const OUTPUT_RULE = rule({
  dst: { addr: 0x7f000000, prefixLen: 8 },
  dstInvert: true,
  matches: [ADDRTYPE_LOCAL],
  target: jump(DOCKER_CHAIN),
});

/** Everything createNetwork programs for a bridge network, then setupUserChain. */
export function programBridgeNetwork(ctx: KernelCtx, ns: NsId, c: BridgeRuleConfig): void {
  const r = natRules(c);
  if (c.internal) {
    insertRule(ctx, ns, 'filter', ISOLATION1, r.internalIn);
    insertRule(ctx, ns, 'filter', ISOLATION1, r.internalOut);
    setIcc(ctx, ns, c);
    ensureJumpRule(ctx, ns, 'FORWARD', ISOLATION1);
  } else {
    if (c.masquerade) {
      insertRule(ctx, ns, 'nat', 'POSTROUTING', r.masq);
      insertRule(ctx, ns, 'nat', DOCKER_CHAIN, r.skipDnat);
    }
    setIcc(ctx, ns, c);
    insertRule(ctx, ns, 'filter', 'FORWARD', r.out);
    // ProgramChain(nat): the jumps into DOCKER for local destinations, once.
    appendRule(ctx, ns, 'nat', 'PREROUTING', PREROUTING_RULE);
    appendRule(ctx, ns, 'nat', 'OUTPUT', OUTPUT_RULE);
    // ProgramChain(filter)
    insertRule(ctx, ns, 'filter', 'FORWARD', r.toDocker);
    insertRule(ctx, ns, 'filter', 'FORWARD', r.established);
    ensureJumpRule(ctx, ns, 'FORWARD', ISOLATION1);
    // setupNetworkIsolationRules -> setINC
    insertRule(ctx, ns, 'filter', ISOLATION1, r.isolation1);
    insertRule(ctx, ns, 'filter', ISOLATION2, r.isolation2);
  }
  setupUserChain(ctx, ns);
}

/** The network's cleanup functions: its rules go, the shared jumps stay. */
export function unprogramBridgeNetwork(ctx: KernelCtx, ns: NsId, c: BridgeRuleConfig): void {
  const r = natRules(c);
  const { accept, drop } = iccRules(c);
  if (c.internal) {
    deleteRule(ctx, ns, 'filter', ISOLATION1, r.internalIn);
    deleteRule(ctx, ns, 'filter', ISOLATION1, r.internalOut);
  } else {
    deleteRule(ctx, ns, 'filter', ISOLATION1, r.isolation1);
    deleteRule(ctx, ns, 'filter', ISOLATION2, r.isolation2);
    deleteRule(ctx, ns, 'filter', 'FORWARD', r.toDocker);
    deleteRule(ctx, ns, 'filter', 'FORWARD', r.established);
    deleteRule(ctx, ns, 'nat', 'POSTROUTING', r.masq);
    deleteRule(ctx, ns, 'nat', DOCKER_CHAIN, r.skipDnat);
    deleteRule(ctx, ns, 'filter', 'FORWARD', r.out);
  }
  deleteRule(ctx, ns, 'filter', 'FORWARD', c.icc ? accept : drop);
}

/** setupUserChain / arrangeUserFilterRule: DOCKER-USER exists, returns, and is jumped to first. */
export function setupUserChain(ctx: KernelCtx, ns: NsId): void {
  newChain(ctx, ns, 'filter', USER_CHAIN);
  appendRule(ctx, ns, 'filter', USER_CHAIN, rule({ target: RETURN }));
  ensureJumpRule(ctx, ns, 'FORWARD', USER_CHAIN);
}

export interface PortRule {
  bridge: string;
  proto: 'tcp' | 'udp';
  /** 0.0.0.0 when bound to every address (then no -d). */
  hostIp: Ip4;
  hostPort: number;
  containerIp: Ip4;
  containerPort: number;
}

function portRules(p: PortRule) {
  const host = p.hostIp === 0 ? undefined : { addr: p.hostIp, prefixLen: 32 };
  const ctr = { addr: p.containerIp, prefixLen: 32 };
  return {
    dnat: rule({
      dst: host,
      in: p.bridge,
      inInvert: true,
      proto: p.proto,
      dport: p.hostPort,
      target: {
        kind: 'DNAT',
        to: {
          addrFrom: p.containerIp,
          addrTo: p.containerIp,
          portFrom: p.containerPort,
          portTo: p.containerPort,
        },
        random: false,
        persistent: false,
      },
    }),
    hairpin: rule({ src: ctr, dst: ctr, proto: p.proto, dport: p.containerPort, target: MASQUERADE }),
    accept: rule({
      dst: ctr,
      in: p.bridge,
      inInvert: true,
      out: p.bridge,
      proto: p.proto,
      dport: p.containerPort,
      target: ACCEPT,
    }),
  };
}

/** setPerPortIptables(enable): DNAT, hairpin MASQUERADE and the filter ACCEPT, appended. */
export function programPort(ctx: KernelCtx, ns: NsId, p: PortRule): void {
  const r = portRules(p);
  appendRule(ctx, ns, 'nat', DOCKER_CHAIN, r.dnat);
  appendRule(ctx, ns, 'nat', 'POSTROUTING', r.hairpin);
  appendRule(ctx, ns, 'filter', DOCKER_CHAIN, r.accept);
}

export function unprogramPort(ctx: KernelCtx, ns: NsId, p: PortRule): void {
  const r = portRules(p);
  deleteRule(ctx, ns, 'nat', DOCKER_CHAIN, r.dnat);
  deleteRule(ctx, ns, 'nat', 'POSTROUTING', r.hairpin);
  deleteRule(ctx, ns, 'filter', DOCKER_CHAIN, r.accept);
}
