/**
 * The World a session starts from: the seed article's Docker host (hostname docker-host, eth0
 * 10.0.12.13/22, MAC 52:54:00:4f:76:46, default via 10.0.12.1), and the outside world behind its cable:
 * a LAN gateway that NATs to a small "internet" (8.8.8.8 answers ping and DNS, example.com serves HTTP).
 */
import { produce } from 'immer';
import { parseIp4, seedRng } from '../lib';
import type { KernelCtx, KernelState } from '../kernel';
import {
  connectNics,
  createNetns,
  createNic,
  fibInsert,
  inetAddAddr,
  openDevice,
  devByName,
  RT_TABLE_MAIN,
  nfAppendRule,
  setIpForward,
  sockOpen,
  xaNew,
} from '../kernel';
import { emptyDockerState, startDaemon } from '../docker';
import { SCHEMA_VERSION, type World } from './world';

export const HOST_HOSTNAME = 'docker-host';

/** The host's /etc/hosts and /etc/resolv.conf (Debian's defaults; dockerd copies or transforms them). */
export const HOST_ETC_HOSTS =
  '127.0.0.1\tlocalhost\n127.0.1.1\tdocker-host\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n';
export const HOST_RESOLV_CONF = 'nameserver 8.8.8.8\n';

const EXAMPLE_COM_PAGE = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>
</head>
<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;

function ip(text: string): number {
  const v = parseIp4(text);
  if (v === null) throw new Error(`bad address ${text}`);
  return v;
}

function emptyKernel(): KernelState {
  return {
    netns: xaNew(),
    devices: xaNew(),
    rootNs: '',
    namedNs: {},
    nextNsSeq: 0,
    nextDevSeq: 0,
    queue: [],
    nextEventSeq: 0,
    nextOrderSeq: 0,
  };
}

function addAddr(ctx: KernelCtx, ns: string, dev: string, cidr: string): void {
  const [a, p] = cidr.split('/');
  const d = devByName(ctx.k, ns, dev);
  if (!d) throw new Error(`no ${dev}`);
  const prefixLen = Number(p);
  const local = ip(a as string);
  const brd = prefixLen < 31 ? (local | (0xffffffff >>> prefixLen)) >>> 0 : null;
  const r = inetAddAddr(ctx, d.id, { local, prefixLen, broadcast: brd });
  if (!r.ok) throw new Error(`addr ${cidr}: ${r.error.errno}`);
}

function addDefault(ctx: KernelCtx, ns: string, dev: string, gw: string): void {
  const d = devByName(ctx.k, ns, dev);
  if (!d) throw new Error(`no ${dev}`);
  const r = fibInsert(
    ctx,
    ns,
    {
      table: RT_TABLE_MAIN,
      type: 'unicast',
      dst: 0,
      dstLen: 0,
      tos: 0,
      priority: 0,
      protocol: 'boot',
      scope: 'global',
      prefsrc: null,
      gateway: ip(gw),
      dev: d.id,
      onlink: false,
    },
    'add',
  );
  if (!r.ok) throw new Error(`route: ${r.error.errno}`);
}

function up(ctx: KernelCtx, ns: string, dev: string): void {
  const d = devByName(ctx.k, ns, dev);
  if (!d) throw new Error(`no ${dev}`);
  openDevice(ctx, d.id);
}

/** The host and its outside world, before dockerd starts. */
export function buildHostKernel(ctx: KernelCtx): void {
  const host = createNetns(ctx, { label: HOST_HOSTNAME });
  ctx.k.rootNs = host;
  up(ctx, host, 'lo');
  const eth0 = createNic(ctx, { ns: host, name: 'eth0', mac: '52:54:00:4f:76:46' });

  const lan = createNetns(ctx, { label: 'LAN gateway', hidden: true });
  up(ctx, lan, 'lo');
  const lanEth0 = createNic(ctx, { ns: lan, name: 'eth0', mac: '52:54:00:00:0c:01' });
  const lanEth1 = createNic(ctx, { ns: lan, name: 'eth1', mac: '52:54:00:00:64:02' });
  connectNics(ctx, eth0.id, lanEth0.id);

  const inet = createNetns(ctx, { label: 'internet', hidden: true });
  up(ctx, inet, 'lo');
  const inetEth0 = createNic(ctx, { ns: inet, name: 'eth0', mac: '52:54:00:00:64:01' });
  connectNics(ctx, lanEth1.id, inetEth0.id);

  addAddr(ctx, host, 'eth0', '10.0.12.13/22');
  up(ctx, host, 'eth0');
  addDefault(ctx, host, 'eth0', '10.0.12.1');

  addAddr(ctx, lan, 'eth0', '10.0.12.1/22');
  addAddr(ctx, lan, 'eth1', '100.64.0.2/30');
  up(ctx, lan, 'eth0');
  up(ctx, lan, 'eth1');
  addDefault(ctx, lan, 'eth1', '100.64.0.1');
  // net.ipv4.ip_forward=1 (devinet_sysctl_forward: every device's forwarding follows).
  setIpForward(ctx, lan, 1);
  // The LAN gateway hides the LAN behind its own address towards the internet.
  nfAppendRule(ctx, lan, 'nat', 'POSTROUTING', {
    src: null,
    dst: null,
    inIface: null,
    outIface: { name: 'eth1', invert: false },
    proto: null,
    protoInvert: false,
    matches: [],
    target: { kind: 'MASQUERADE', toPorts: null, random: false },
  });

  addAddr(ctx, inet, 'eth0', '100.64.0.1/30');
  addAddr(ctx, inet, 'lo', '8.8.8.8/32');
  addAddr(ctx, inet, 'lo', '93.184.215.14/32');
  up(ctx, inet, 'eth0');
  // The internet's services: a public resolver on 8.8.8.8 and example.com's web server.
  sockOpen(ctx, inet, {
    proto: 'udp',
    program: 'named',
    pid: 53,
    app: { kind: 'dns' },
    localAddr: ip('8.8.8.8'),
    localPort: 53,
  });
  sockOpen(ctx, inet, {
    proto: 'tcp',
    program: 'httpd',
    pid: 80,
    app: {
      kind: 'http',
      server: 'ECAcc (nyd/D184)',
      body: EXAMPLE_COM_PAGE,
      contentType: 'text/html; charset=UTF-8',
    },
    localAddr: ip('93.184.215.14'),
    localPort: 80,
    state: 'LISTEN',
  });
}

/** A fresh World from a seed. Hooks for the Docker engine are applied by `createDefaultWorld`. */
export function createWorld(
  seed: number,
  build: (ctx: KernelCtx, w: World) => void = () => undefined,
): World {
  const base: World = {
    schemaVersion: SCHEMA_VERSION,
    seed,
    clock: { nowUs: 0 },
    rng: seedRng(seed),
    kernel: emptyKernel(),
    docker: emptyDockerState(),
  };
  return produce(base, (draft) => {
    const ctx: KernelCtx = {
      k: draft.kernel,
      clock: draft.clock,
      rng: draft.rng,
      trace: () => undefined,
      hooks: {},
      budget: { events: 1_000_000 },
    };
    buildHostKernel(ctx);
    build(ctx, draft as World);
  });
}

/** The World every session starts from: the host above with dockerd started (docker0, bridge/host/none). */
export function createDefaultWorld(seed: number): World {
  return createWorld(seed, (ctx, w) => {
    startDaemon(ctx, w.docker, {
      hostname: HOST_HOSTNAME,
      etcHosts: HOST_ETC_HOSTS,
      resolvConf: HOST_RESOLV_CONF,
    });
  });
}
