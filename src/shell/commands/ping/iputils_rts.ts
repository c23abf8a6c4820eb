/**
 * iputils ping's runtime state (struct ping_rts in ping.h, the parts that matter here) and the pipe/ack
 * arithmetic of ping_common.c (acknowledge, advance_ntransmitted, in_flight), shared by the IPv4 and IPv6
 * runs of iputils.ts.
 */
import type { SocketMessage } from '../../../kernel';

/** The ping's runtime state (struct ping_rts, the parts that matter here). */
export class Rts {
  ntransmitted = 0;
  nreceived = 0;
  nrepeats = 0;
  nerrors = 0;
  tsum = 0;
  tsum2 = 0;
  tmin = Number.MAX_SAFE_INTEGER;
  tmax = 0;
  rtt = 0;
  acked = 0;
  pipesize = -1;
  curTime: number | null = null;
  tokens = 0;
  exiting = false;
  confirm = false;
  waittimeSet = false;
  alarmAt = Number.POSITIVE_INFINITY;
  readonly rcvd = new Set<number>();
  readonly sent = new Map<number, number>();
  /** Messages read from the kernel but not yet consumed by recvmsg() calls. */
  readonly pending: SocketMessage[] = [];

  inFlight(): number {
    const diff = ((this.ntransmitted & 0xffff) - this.acked) & 0xffff;
    return diff <= 0x7fff ? diff : this.ntransmitted - this.nreceived - this.nerrors;
  }

  acknowledge(seq: number): void {
    const diff = ((this.ntransmitted & 0xffff) - seq) & 0xffff;
    if (diff > 0x7fff) return;
    if (diff + 1 > this.pipesize) this.pipesize = diff + 1;
    const d16 = ((seq - this.acked) << 16) >> 16;
    if (d16 > 0 || (this.ntransmitted & 0xffff) - this.acked > 0x7fff) this.acked = seq & 0xffff;
  }

  advanceNtransmitted(): void {
    this.ntransmitted++;
    if ((this.ntransmitted & 0xffff) - this.acked > 0x7fff)
      this.acked = ((this.ntransmitted & 0xffff) + 1) & 0xffff;
  }
}

/** The difference in whole milliseconds the way pinger() computes it from two timespecs. */
export function msBetween(a: number, b: number): number {
  const secA = Math.floor(a / 1e6);
  const secB = Math.floor(b / 1e6);
  return (secA - secB) * 1000 + Math.trunc(((a - secA * 1e6) * 1000 - (b - secB * 1e6) * 1000) / 1e6);
}
