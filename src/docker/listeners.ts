/**
 * Sockets the engine and its containers open in the simulated kernel: docker-proxy's listener per published
 * port (portmapper/proxy_linux.go: one process per binding, in the host namespace), the embedded DNS server
 * (resolver_unix.go: UDP and TCP sockets on 127.0.0.11 at kernel-chosen ports, reached through DNAT rules
 * the daemon programs inside the container's namespace), and a main process's own listeners (nginx on :80,
 * which exits when the port is taken, as it does in a shared namespace).
 */
import type { Ip4 } from '../lib';
import type { KernelCtx, NsId } from '../kernel';
import { sockClose, sockEphemeralPort, sockOpen, xaGet } from '../kernel';
import type { DockerContainer, DockerSandbox, DockerState, PortMapping } from './state';
import { appendRule, insertRule, jump, newChain, rule } from './drivers/iptables';

export const RESOLVER_IP: Ip4 = 0x7f00000b;

export function openProxy(ctx: KernelCtx, st: DockerState, m: PortMapping): void {
  m.proxySocket = sockOpen(ctx, st.hostNs, {
    proto: m.proto,
    program: 'docker-proxy',
    pid: st.nextPid++,
    app: { kind: 'proxy', toAddr: m.containerIp, toPort: m.containerPort },
    localAddr: m.hostIp,
    localPort: m.hostPort,
    state: m.proto === 'tcp' ? 'LISTEN' : 'UNCONN',
  });
}

export function closeProxy(ctx: KernelCtx, st: DockerState, m: PortMapping): void {
  if (m.proxySocket !== null) sockClose(ctx, st.hostNs, m.proxySocket);
  m.proxySocket = null;
}

/** sb.startResolver + setupIPTable: sockets, then the DOCKER_OUTPUT / DOCKER_POSTROUTING rules. */
export function startResolver(ctx: KernelCtx, sb: DockerSandbox): void {
  if (sb.resolver || sb.isHost) return;
  const ns = sb.ns;
  const udpPort = sockEphemeralPort(ctx, ns, 'udp');
  // dockerd holds them from the host's PID namespace (no nsPid): a container's ss and netstat name no process.
  // Its host pid is not modelled (nothing here shows the host's processes).
  const udp = sockOpen(ctx, ns, {
    proto: 'udp',
    program: 'dockerd',
    pid: 1,
    app: { kind: 'dns' },
    localAddr: RESOLVER_IP,
    localPort: udpPort,
  });
  const tcpPort = sockEphemeralPort(ctx, ns, 'tcp');
  const tcp = sockOpen(ctx, ns, {
    proto: 'tcp',
    program: 'dockerd',
    pid: 1,
    app: { kind: 'dns' },
    localAddr: RESOLVER_IP,
    localPort: tcpPort,
    state: 'LISTEN',
  });
  sb.resolver = { udpPort, tcpPort, sockets: [udp, tcp] };
  const r32 = { addr: RESOLVER_IP, prefixLen: 32 };
  newChain(ctx, ns, 'nat', 'DOCKER_OUTPUT');
  newChain(ctx, ns, 'nat', 'DOCKER_POSTROUTING');
  appendRule(ctx, ns, 'nat', 'OUTPUT', rule({ dst: r32, target: jump('DOCKER_OUTPUT') }));
  appendRule(ctx, ns, 'nat', 'POSTROUTING', rule({ dst: r32, target: jump('DOCKER_POSTROUTING') }));
  const dnat = (proto: 'udp' | 'tcp', port: number) =>
    rule({
      dst: r32,
      proto,
      dport: 53,
      target: {
        kind: 'DNAT',
        to: { addrFrom: RESOLVER_IP, addrTo: RESOLVER_IP, portFrom: port, portTo: port },
        random: false,
        persistent: false,
      },
    });
  const snat = (proto: 'udp' | 'tcp', port: number) => {
    const sport = { from: port, to: port, invert: false };
    return {
      ...rule({
        src: r32,
        target: {
          kind: 'SNAT',
          to: { addrFrom: null, addrTo: null, portFrom: 53, portTo: 53 },
          random: false,
          persistent: false,
        },
      }),
      proto: proto === 'tcp' ? 6 : 17,
      matches: [
        proto === 'tcp'
          ? { kind: 'tcp' as const, sport, dport: null, flags: null }
          : { kind: 'udp' as const, sport, dport: null },
      ],
    };
  };
  insertRule(ctx, ns, 'nat', 'DOCKER_OUTPUT', dnat('udp', udpPort));
  insertRule(ctx, ns, 'nat', 'DOCKER_POSTROUTING', snat('udp', udpPort));
  insertRule(ctx, ns, 'nat', 'DOCKER_OUTPUT', dnat('tcp', tcpPort));
  insertRule(ctx, ns, 'nat', 'DOCKER_POSTROUTING', snat('tcp', tcpPort));
}

const NGINX_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** The nginx:1.27.3 image's index.html mtime (ETag "6745ef54-267"): 2024-11-26T15:55:00Z. */
const NGINX_PAGE_MTIME_S = 1_732_636_500;

/** nginx's listeners on 0.0.0.0:80 and [::]:80; false when the port is taken there (bind: EADDRINUSE). */
export function openNginx(ctx: KernelCtx, ns: NsId, c: DockerContainer, epochMs: number): boolean {
  const n = xaGet(ctx.k.netns, ns);
  if (n?.sockets.some((s) => s.proto === 'tcp' && s.localPort === 80 && s.state === 'LISTEN')) return false;
  // `listen 80;` then, added by the image's 10-listen-on-ipv6-by-default.sh (the kernel has /proc/net/if_inet6),
  // `listen [::]:80;`, which nginx binds IPV6_V6ONLY: two listeners, IPv4 and IPv6.
  for (const v6 of [false, true]) c.sockets.push({ ns, id: openNginxSocket(ctx, ns, c, epochMs, v6) });
  return true;
}

function openNginxSocket(ctx: KernelCtx, ns: NsId, c: DockerContainer, epochMs: number, v6: boolean): number {
  return sockOpen(ctx, ns, {
    proto: 'tcp',
    program: 'nginx',
    pid: c.pid,
    // nginx is the container's main process: pid 1 in its PID namespace.
    nsPid: { ns: c.id, pid: 1 },
    app: {
      kind: 'http',
      server: 'nginx/1.27.3',
      body: NGINX_PAGE,
      contentType: 'text/html',
      wall: { epochMs, lastModifiedS: NGINX_PAGE_MTIME_S, conns: 0 },
    },
    localAddr: 0,
    localPort: 80,
    state: 'LISTEN',
    // NGX_LISTEN_BACKLOG on Linux.
    backlog: 511,
    ...(v6 ? { v6 } : {}),
  });
}

/** KernelHooks.programOutput: a container's background program wrote to stdout, which is its log. */
export function dockerProgramOutput(st: DockerState, ns: NsId, pid: number, text: string): void {
  const c = Object.values(st.containers).find((x) => x.status === 'running' && x.ns === ns && x.pid === pid);
  if (c) c.logs += text;
}

export function closeContainerSockets(ctx: KernelCtx, c: DockerContainer): void {
  for (const s of c.sockets) if (xaGet(ctx.k.netns, s.ns)) sockClose(ctx, s.ns, s.id);
  c.sockets = [];
}
