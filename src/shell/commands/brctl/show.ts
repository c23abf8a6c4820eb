/**
 * bridge-utils 1.7.1's read-only commands, from what sysfs shows of a bridge (/sys/class/net/BR/bridge/*,
 * brif/, brforward): `show` (brctl_cmd.c show_bridge, br_dump_interface_list), `showmacs`
 * (br_cmd_showmacs: the forwarding table sorted by MAC) and `showstp` (brctl_disp.c br_dump_info).
 * Bridges and their ports are listed in name order (scandir with alphasort on /sys/class/net and brif/).
 */
import type { BridgeDevice, KernelCtx, NetDevice, NsId } from '../../../kernel';
import { brGcTimerUs, bridgeIdMac, devicesOf, fdbFillbuf, xaGet } from '../../../kernel';

/** alphasort() in the C locale: byte order. */
export function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** br_dump_bridge_id(): "8000.0242fd43ed84". */
export function bridgeIdString(br: BridgeDevice): string {
  const prio = br.bridge.priority.toString(16).padStart(4, '0');
  return `${prio}.${bridgeIdMac(br).split(':').join('')}`;
}

/** br_show_timer(): "%4i.%.2i" of a time in centiseconds. */
export function timerText(cs: number): string {
  const sec = Math.trunc(cs / 100);
  return `${String(sec).padStart(4)}.${String(Math.abs(cs % 100)).padStart(2, '0')}`;
}

export function bridgesOf(ctx: KernelCtx, ns: NsId): BridgeDevice[] {
  return devicesOf(ctx.k, ns)
    .filter((d): d is BridgeDevice => d.kind === 'bridge')
    .sort(byName);
}

function portsOf(ctx: KernelCtx, br: BridgeDevice): NetDevice[] {
  return br.bridge.ports
    .map((p) => xaGet(ctx.k.devices, p))
    .filter((d): d is NetDevice => d !== undefined)
    .sort(byName);
}

/** show_bridge(): one bridge's row, and its further ports on lines of seven tabs. */
export function showBridgeRow(ctx: KernelCtx, br: BridgeDevice): string {
  let out = `${br.name}\t\t${bridgeIdString(br)}\t${br.bridge.stpEnabled ? 'yes' : 'no'}\t\t`;
  const ports = portsOf(ctx, br);
  if (ports.length === 0) return `${out}\n`;
  ports.forEach((p, i) => {
    out += `${i > 0 ? '\t\t\t\t\t\t\t' : ''}${p.name}\n`;
  });
  return out;
}

export const SHOW_HEADER = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';

/** br_cmd_showmacs(): the forwarding table read from brforward, sorted by MAC (qsort on memcmp). */
export function showMacs(ctx: KernelCtx, br: BridgeDevice): string {
  const entries = fdbFillbuf(ctx, br).sort((a, b) => (a.mac < b.mac ? -1 : a.mac > b.mac ? 1 : 0));
  let out = 'port no\tmac addr\t\tis local?\tageing timer\n';
  for (const e of entries) {
    out += `${String(e.portNo).padStart(3)}\t${e.mac}\t${e.isLocal ? 'yes' : 'no'}\t\t${timerText(e.ageingCs)}\n`;
  }
  return out;
}

/** The port id STP uses: priority in the top 6 bits, port number in the low 10 (br_make_port_id). */
function portId(prio: number, portNo: number): string {
  return (((prio << 10) | (portNo & 0x3ff)) & 0xffff).toString(16).padStart(4, '0');
}

/**
 * br_dump_info(): the bridge as its own root (STP timers are not simulated, so they read 0.00), then each
 * port in name order.
 */
export function showStp(ctx: KernelCtx, br: BridgeDevice): string {
  const b = br.bridge;
  const id = bridgeIdString(br);
  const t = timerText;
  let out = `${br.name}\n`;
  out += ` bridge id\t\t${id}\n`;
  out += ` designated root\t${id}\n`;
  out += ` root port\t\t${'0'.padStart(4)}\t\t\tpath cost\t\t${'0'.padStart(4)}\n`;
  out += ` max age\t\t${t(b.maxAge)}\t\t\tbridge max age\t\t${t(b.maxAge)}\n`;
  out += ` hello time\t\t${t(b.helloTime)}\t\t\tbridge hello time\t${t(b.helloTime)}\n`;
  out += ` forward delay\t\t${t(b.forwardDelay)}\t\t\tbridge forward delay\t${t(b.forwardDelay)}\n`;
  out += ` ageing time\t\t${t(b.ageingTime)}\n`;
  out += ` hello timer\t\t${t(0)}\t\t\ttcn timer\t\t${t(0)}\n`;
  const gc = Math.floor(brGcTimerUs(ctx.clock.nowUs, br) / 10_000);
  out += ` topology change timer\t${t(0)}\t\t\tgc timer\t\t${t(gc)}\n`;
  out += ` flags\t\t\t\n\n\n`;
  for (const p of portsOf(ctx, br)) {
    const port = p.port;
    if (!port) continue;
    const pid = portId(port.priority, port.portNo);
    out += `${p.name} (${port.portNo})\n`;
    out += ` port id\t\t${pid}\t\t\tstate\t\t${port.state.padStart(15)}\n`;
    out += ` designated root\t${id}\tpath cost\t\t${String(port.cost).padStart(4)}\n`;
    out += ` designated bridge\t${id}\tmessage age timer\t${t(0)}\n`;
    out += ` designated port\t${pid}\t\t\tforward delay timer\t${t(0)}\n`;
    out += ` designated cost\t${'0'.padStart(4)}\t\t\thold timer\t\t${t(0)}\n`;
    out += ` flags\t\t\t\n`;
    if (port.hairpin) out += ` hairpin mode\t\t${'1'.padStart(4)}\n`;
    out += '\n';
  }
  return out;
}
