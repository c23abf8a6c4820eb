/**
 * tcpdump 4.99.3 (Debian 12, and nicolaka/netshoot): a packet socket on one device of the process's
 * namespace (or on all of them: "any"), printing each frame that crosses it and matches the filter. It sees
 * what the kernel's device taps see (dev_queue_xmit_nit on transmit, the ptype_all delivery before the
 * bridge's rx_handler on receive), which are exactly the net_dev_xmit and netif_receive_skb tracepoints.
 * On loopback libpcap drops the outgoing copy (pcap-linux.c), which still counts as received by the filter.
 *
 * Like the real one it runs until Ctrl-C (or -c packets), while simulated time goes by: what it shows is
 * what the kernel does meanwhile (timers, retransmissions, answers still on their way). Then a newline if
 * interrupted, and the statistics on stderr.
 */
import { devByName, devicesOf, runUntilOr, type NetDevice, type TraceEvent, xaGet } from '../../../kernel';
import type { CommandIO, SimCommand } from '../../types';
import { permitted } from '../../capability';
import { getaddrinfo } from '../inet/resolv';
import { servicePort } from '../inet/services';
import { nowUs } from '../inet/socket';
import { FilterError, matches, parseFilter, unresolved, type Filter } from './filter';
import { formatCaptured, type Captured, type LinkType, type PktDir, type PrintState } from './format';
import { parseTcpdump } from './opts';

/** Simulated time per wait: output keeps up with the packets, Ctrl-C is seen promptly. */
const SLICE_US = 250_000;

const plural = (n: number) => (n === 1 ? '' : 's');

type Target = { kind: 'dev'; dev: NetDevice } | { kind: 'any'; v2: boolean };

/** pcap_lookupdev(): the first device that is up and running and not loopback, else "any". */
function defaultTarget(io: CommandIO): Target {
  const dev = devicesOf(io.os.state.kernel, io.proc.ns).find(
    (d) => d.kind !== 'loopback' && d.adminUp && d.carrier,
  );
  return dev ? { kind: 'dev', dev } : { kind: 'any', v2: false };
}

/** pcap_compile()'s name lookups: hosts through getaddrinfo (hosts file, DNS), ports through services. */
async function resolveNames(io: CommandIO, f: Filter | null): Promise<string | null> {
  for (const n of unresolved(f)) {
    if (n.kind === 'host') {
      const r = await getaddrinfo(io, n.name, 'tcpdump');
      if (r === 'aborted' || !r.ok) return `tcpdump: unknown host '${n.name}'\n`;
      n.addr = r.addr;
      continue;
    }
    // Numbers were read by the parser; a name comes from /etc/services, for the protocol asked for.
    const tcp = servicePort(n.name, 'tcp');
    const udp = servicePort(n.name, 'udp');
    if (n.proto === 'udp' && udp === null && tcp !== null) return `tcpdump: port '${n.name}' is tcp\n`;
    if (n.proto === 'tcp' && tcp === null && udp !== null) return `tcpdump: port '${n.name}' is udp\n`;
    const p = n.proto === 'udp' ? udp : (tcp ?? udp);
    if (p === null) return `tcpdump: unknown port '${n.name}'\n`;
    n.port = p;
  }
  return null;
}

function dirOf(e: TraceEvent & { kind: 'net_dev_xmit' | 'netif_receive_skb' }, dev: NetDevice): PktDir {
  if (e.kind === 'net_dev_xmit') return 'Out';
  const dst = e.skb.eth?.dst;
  if (!dst || dev.kind === 'loopback') return 'In';
  if (dst === 'ff:ff:ff:ff:ff:ff') return 'B';
  if ((parseInt(dst.slice(0, 2), 16) & 1) === 1) return 'M';
  return dst === dev.mac ? 'In' : 'P';
}

export const tcpdumpCommand: SimCommand = {
  name: 'tcpdump',
  async run(io: CommandIO) {
    const parsed = parseTcpdump(io.argv);
    if (parsed.kind === 'print') {
      io.out(parsed.stdout);
      return 0;
    }
    if (parsed.kind === 'error') {
      io.err(parsed.stderr);
      return 1;
    }
    const o = parsed.opts;
    if (o.tflag > 5) {
      io.err('tcpdump: only -t, -tt, -ttt, -tttt and -ttttt are supported\n');
      return 1;
    }
    const k = io.os.state.kernel;
    const ns = io.proc.ns;
    // pcap_activate() opens its PF_PACKET socket before it looks at the device: CAP_NET_RAW (packet_create).
    if (!permitted(io.proc, 'rawSocket')) {
      const t = o.iface ?? defaultTarget(io);
      const name = typeof t === 'string' ? t : t.kind === 'dev' ? t.dev.name : 'any';
      io.err(
        `tcpdump: ${name}: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)\n`,
      );
      return 1;
    }
    let target: Target;
    if (o.iface === null) target = defaultTarget(io);
    else if (o.iface === 'any') target = { kind: 'any', v2: true };
    else {
      const dev = devByName(k, ns, o.iface);
      if (!dev) {
        io.err(`tcpdump: ${o.iface}: No such device exists\n(No such device exists)\n`);
        return 1;
      }
      if (!dev.adminUp) {
        io.err(`tcpdump: ${o.iface}: That device is not up\n`);
        return 1;
      }
      target = { kind: 'dev', dev };
    }
    let filter: Filter | null;
    try {
      filter = parseFilter(o.filter);
    } catch (e) {
      if (!(e instanceof FilterError)) throw e;
      io.err(e.plain ? `tcpdump: ${e.message}\n` : `tcpdump: can't parse filter expression: ${e.message}\n`);
      return 1;
    }
    const bad = await resolveNames(io, filter);
    if (bad) {
      io.err(bad);
      return 1;
    }

    const linkType: LinkType = target.kind === 'dev' ? 'EN10MB' : target.v2 ? 'SLL2' : 'SLL';
    const linkText = {
      EN10MB: 'EN10MB (Ethernet)',
      SLL: 'LINUX_SLL (Linux cooked v1)',
      SLL2: 'LINUX_SLL2 (Linux cooked v2)',
    }[linkType];
    if (linkType === 'SLL2') io.err('tcpdump: data link type LINUX_SLL2\n');
    io.err('tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n');
    io.err(
      `listening on ${target.kind === 'dev' ? target.dev.name : 'any'}, link-type ${linkText}, snapshot length 262144 bytes\n`,
    );

    const devId = target.kind === 'dev' ? target.dev.id : null;
    const state: PrintState = {
      epochMs: io.os.state.docker?.epochMs ?? 0,
      tflag: o.tflag,
      numeric: o.numeric,
      link: o.link,
      number: o.number,
      linkType,
      printed: 0,
      firstUs: null,
      prevUs: null,
    };
    let captured = 0;
    let received = 0;
    let pending = '';
    const full = () => o.count !== null && captured >= o.count;
    const tap = (e: TraceEvent) => {
      if (e.kind !== 'net_dev_xmit' && e.kind !== 'netif_receive_skb') return;
      if (devId !== null ? e.dev !== devId : e.ns !== ns) return;
      if (!matches(filter, e.skb)) return;
      const dev = xaGet(io.os.state.kernel.devices, e.dev);
      received++;
      if (full() || !dev) return;
      // libpcap on Linux drops the outgoing copy of a loopback frame: its incoming twin follows.
      if (dev.kind === 'loopback' && e.kind === 'net_dev_xmit') return;
      const c: Captured = {
        atUs: e.atUs,
        dev: dev.name,
        ifindex: dev.ifindex,
        dir: dirOf(e, dev),
        skb: e.skb,
      };
      captured++;
      pending += formatCaptured(state, c);
    };

    let interrupted = false;
    for (;;) {
      if (io.signal.aborted) {
        interrupted = true;
        break;
      }
      if (full()) break;
      const start = nowUs(io);
      io.os.mutate(({ kctx }) => {
        const ctx = {
          ...kctx,
          trace: (e: TraceEvent) => {
            kctx.trace(e);
            tap(e);
          },
        };
        runUntilOr(ctx, start + SLICE_US, full);
      });
      if (pending) {
        io.out(pending);
        pending = '';
      }
      await io.pace(Math.max(0, nowUs(io) - start));
    }
    // An interrupted pcap_loop may have left a line half printed: tcpdump ends it.
    if (interrupted) io.out('\n');
    io.err(
      `${captured} packet${plural(captured)} captured\n${received} packet${plural(received)} received by filter\n0 packets dropped by kernel\n`,
    );
    return 0;
  },
};
