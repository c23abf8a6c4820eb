/**
 * Bridge and port parameters as user space sets them (sysfs, the old ioctls and RTM_SETLINK), with the
 * kernel's range checks: br_stp_set_enabled / br_stp_set_bridge_priority / br_stp_set_port_priority /
 * br_stp_set_path_cost (net/bridge/br_stp_if.c), br_set_forward_delay / br_set_hello_time / br_set_max_age /
 * br_set_ageing_time / br_set_port_state (br_stp.c), and the port flags of br_setport (br_netlink.c).
 *
 * Times are in centiseconds (clock_t), as sysfs and `ip -d link` show them.
 * The STP state machine itself (listening/learning timers, BPDUs) is not simulated: turning STP on is
 * recorded, and ports keep forwarding.
 */
import type { KernelCtx } from '../context';
import { kerr, kok, type KResult } from '../errno';
import { brPortStateSelection } from '../netdev/linkwatch';
import type { BridgeDevice, BridgePort, DevId } from '../types';
import { xaGet } from '../xarray';

const BR_MIN_HELLO_TIME = 100;
const BR_MAX_HELLO_TIME = 1000;
const BR_MIN_FORWARD_DELAY = 200;
const BR_MAX_FORWARD_DELAY = 3000;
const BR_MIN_MAX_AGE = 600;
const BR_MAX_MAX_AGE = 4000;
const BR_MAX_PORT_PRIORITY = 63;
const BR_MIN_PATH_COST = 1;
const BR_MAX_PATH_COST = 65535;

export type BridgeParam =
  'ageingTime' | 'forwardDelay' | 'helloTime' | 'maxAge' | 'priority' | 'stp' | 'vlanFiltering';

function bridgeOf(ctx: KernelCtx, id: DevId): BridgeDevice | null {
  const d = xaGet(ctx.k.devices, id);
  return d && d.kind === 'bridge' ? d : null;
}

/** Set one bridge parameter; EOPNOTSUPP on a device that is not a bridge. */
export function brSetParam(ctx: KernelCtx, brId: DevId, param: BridgeParam, value: number): KResult<void> {
  const br = bridgeOf(ctx, brId);
  if (!br) return kerr('EOPNOTSUPP');
  const b = br.bridge;
  switch (param) {
    case 'ageingTime':
      b.ageingTime = value;
      return kok(undefined);
    case 'forwardDelay':
      if (b.stpEnabled && (value < BR_MIN_FORWARD_DELAY || value > BR_MAX_FORWARD_DELAY))
        return kerr('ERANGE');
      b.forwardDelay = value;
      return kok(undefined);
    case 'helloTime':
      if (value < BR_MIN_HELLO_TIME || value > BR_MAX_HELLO_TIME) return kerr('ERANGE');
      b.helloTime = value;
      return kok(undefined);
    case 'maxAge':
      if (value < BR_MIN_MAX_AGE || value > BR_MAX_MAX_AGE) return kerr('ERANGE');
      b.maxAge = value;
      return kok(undefined);
    case 'priority':
      b.priority = value & 0xffff;
      return kok(undefined);
    case 'stp':
      // br_stp_start(): the kernel's STP needs a forward delay within its range, so turning it on pulls a
      // delay set while STP was off (when any value is taken) back into [2s, 30s].
      if (value !== 0 && !b.stpEnabled)
        b.forwardDelay = Math.min(Math.max(b.forwardDelay, BR_MIN_FORWARD_DELAY), BR_MAX_FORWARD_DELAY);
      b.stpEnabled = value !== 0;
      return kok(undefined);
    case 'vlanFiltering':
      // This kernel is built without CONFIG_BRIDGE_VLAN_FILTERING: br_vlan_filter_toggle() is the stub
      // that refuses any value, 0 included (the oracle kernel answers "Operation not supported").
      return kerr('EOPNOTSUPP');
  }
}

/** The on/off port flags br_setport() accepts. */
export type PortFlag =
  | 'hairpin'
  | 'guard'
  | 'rootBlock'
  | 'fastLeave'
  | 'learning'
  | 'flood'
  | 'mcastFlood'
  | 'bcastFlood'
  | 'mcastToUnicast'
  | 'neighSuppress'
  | 'vlanTunnel'
  | 'isolated'
  | 'locked';

export type PortState = BridgePort['state'];

/** What one RTM_SETLINK (PF_BRIDGE, IFLA_PROTINFO) asks of a port; null fields are left alone. */
export interface PortChange {
  flags: Partial<Record<PortFlag, boolean>>;
  cost: number | null;
  priority: number | null;
  state: PortState | null;
  mcastRouter: number | null;
}

/** The port of a bridge, or EOPNOTSUPP (rtnl_bridge_setlink finds no bridge to ask). */
function portOf(ctx: KernelCtx, portId: DevId): KResult<BridgePort> {
  const dev = xaGet(ctx.k.devices, portId);
  if (!dev?.port || !dev.master) return kerr('EOPNOTSUPP');
  return kok(dev.port);
}

/**
 * br_setport(): flags first, then cost, priority, state and multicast_router, each checked as the kernel checks it; the
 * changes before a failing attribute stay applied, as they do on Linux.
 */
export function brSetPort(ctx: KernelCtx, portId: DevId, change: PortChange): KResult<void> {
  const r = portOf(ctx, portId);
  if (!r.ok) return r;
  const port = r.value;
  const dev = xaGet(ctx.k.devices, portId);
  for (const [flag, on] of Object.entries(change.flags) as [PortFlag, boolean][]) port[flag] = on;
  if (change.cost !== null) {
    if (change.cost < BR_MIN_PATH_COST || change.cost > BR_MAX_PATH_COST) return kerr('ERANGE');
    port.cost = change.cost;
  }
  if (change.priority !== null) {
    if (change.priority > BR_MAX_PORT_PRIORITY) return kerr('ERANGE');
    port.priority = change.priority;
  }
  if (change.state !== null && dev) {
    const br = dev.master ? bridgeOf(ctx, dev.master) : null;
    if (br?.bridge.stpEnabled) return kerr('EBUSY');
    // br_set_port_state(): a port that is down can take no state, one without carrier only "disabled".
    const operUp = dev.operstate === 'UP' || dev.operstate === 'UNKNOWN';
    if (!dev.adminUp || (!operUp && change.state !== 'disabled')) return kerr('ENETDOWN');
    // br_port_state_selection() then forwards a blocking designated port at once when STP is off.
    port.state = change.state === 'blocking' ? 'forwarding' : change.state;
    if (br) brPortStateSelection(ctx, br);
  }
  if (change.mcastRouter !== null) {
    if (change.mcastRouter < 0 || change.mcastRouter > 3) return kerr('EINVAL');
    port.mcastRouter = change.mcastRouter;
  }
  return kok(undefined);
}

/**
 * Time left on the bridge's gc work (br_fdb_cleanup), the `gc timer` of `brctl showstp` and `ip -d link`:
 * it runs every ageing_time, or sooner when a learned entry expires sooner, while the bridge is up. The
 * simulation keeps no open time, so the period is counted from the start of the simulated clock.
 */
export function brGcTimerUs(nowUs: number, br: BridgeDevice): number {
  const period = br.bridge.ageingTime * 10_000;
  if (!br.adminUp || period <= 0) return 0;
  let left = period - (nowUs % period);
  for (const e of br.bridge.fdb) {
    if (e.kind !== 'learned') continue;
    const until = e.updatedUs + period - nowUs;
    if (until > 0 && until < left) left = Math.max(until, 10_000);
  }
  return left;
}
