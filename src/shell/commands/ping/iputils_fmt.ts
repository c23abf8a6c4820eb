/**
 * iputils 20221126 ping's output texts (ping/ping.c pr_icmph, ping_common.c gather_statistics and finish):
 * the round-trip time's precision by magnitude, the ICMP error names of "From X icmp_seq=N ...", and the
 * statistics block with its rtt/mdev arithmetic (doubles truncated to long, llsqrt) and `pipe N`.
 */

/** " time=..." with 3, 2, 1 or 0 decimals as the time grows (microseconds in). */
export function fmtTripTime(us: number): string {
  if (us >= 100000 - 50) return `${Math.trunc((us + 500) / 1000)} ms`;
  if (us >= 10000 - 5) return `${Math.trunc((us + 50) / 1000)}.${Math.trunc(((us + 50) % 1000) / 100)} ms`;
  if (us >= 1000)
    return `${Math.trunc((us + 5) / 1000)}.${String(Math.trunc(((us + 5) % 1000) / 10)).padStart(2, '0')} ms`;
  return `${Math.trunc(us / 1000)}.${String(us % 1000).padStart(3, '0')} ms`;
}

/** pr_icmph(): the description of an ICMP message as iputils names it. */
export function icmpText(type: number, code: number, info = 0): string {
  switch (type) {
    case 0:
      return 'Echo Reply';
    case 3:
      return (
        [
          'Destination Net Unreachable',
          'Destination Host Unreachable',
          'Destination Protocol Unreachable',
          'Destination Port Unreachable',
          `Frag needed and DF set (mtu = ${info})`,
          'Source Route Failed',
          'Destination Net Unknown',
          'Destination Host Unknown',
          'Source Host Isolated',
          'Destination Net Prohibited',
          'Destination Host Prohibited',
          'Destination Net Unreachable for Type of Service',
          'Destination Host Unreachable for Type of Service',
          'Packet filtered',
          'Precedence Violation',
          'Precedence Cutoff',
        ][code] ?? `Dest Unreachable, Bad Code: ${code}`
      );
    case 4:
      return 'Source Quench';
    case 5:
      return (
        [
          'Redirect Network',
          'Redirect Host',
          'Redirect Type of Service and Network',
          'Redirect Type of Service and Host',
        ][code] ?? `Redirect, Bad Code: ${code}`
      );
    case 8:
      return 'Echo Request';
    case 11:
      return code === 0
        ? 'Time to live exceeded'
        : code === 1
          ? 'Frag reassembly time exceeded'
          : `Time exceeded, Bad Code: ${code}`;
    case 12:
      return `Parameter problem: pointer = ${info}`;
    case 13:
      return 'Timestamp';
    case 14:
      return 'Timestamp Reply';
    case 15:
      return 'Information Request';
    case 16:
      return 'Information Reply';
    case 17:
      return 'Address Mask Request';
    case 18:
      return 'Address Mask Reply';
    default:
      return `Bad ICMP type: ${type}`;
  }
}

/** printf("%g") of a float, as the packet-loss percentage is printed. */
export function fmtG(v: number): string {
  const f = Math.fround(v);
  if (f === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 6) {
    const [m, e] = f.toExponential(5).split('e') as [string, string];
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = f.toPrecision(6);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** llsqrt(): integer Newton iteration. */
function llsqrt(a: number): number {
  let prev = Number.MAX_SAFE_INTEGER;
  let x = a;
  if (x > 0) {
    while (x < prev) {
      prev = x;
      x = Math.trunc((x + Math.trunc(a / x)) / 2);
    }
  }
  return x;
}

const ms3 = (us: number): string =>
  `${Math.trunc(us / 1000)}.${String(Math.trunc(us % 1000)).padStart(3, '0')}`;

export interface PingStats {
  hostname: string;
  ntransmitted: number;
  nreceived: number;
  nrepeats: number;
  nerrors: number;
  /** cur_time - start_time, microseconds. */
  elapsedUs: number;
  timing: boolean;
  tsum: number;
  tsum2: number;
  tmin: number;
  tmax: number;
  pipesize: number;
  /** ipg/ewma line conditions: interval 0, -f or -A. */
  ipg: { show: boolean; rtt: number };
}

/** finish(): the statistics block, from the blank line on. */
export function fmtFinish(s: PingStats): string {
  let out = `\n--- ${s.hostname} ping statistics ---\n`;
  out += `${s.ntransmitted} packets transmitted, ${s.nreceived} received`;
  if (s.nrepeats) out += `, +${s.nrepeats} duplicates`;
  if (s.nerrors) out += `, +${s.nerrors} errors`;
  if (s.ntransmitted) {
    out += `, ${fmtG(((s.ntransmitted - s.nreceived) * 100) / s.ntransmitted)}% packet loss`;
    const sec = Math.floor(s.elapsedUs / 1_000_000);
    const nsec = (s.elapsedUs - sec * 1_000_000) * 1000;
    out += `, time ${1000 * sec + Math.trunc((nsec + 500000) / 1000000)}ms`;
  }
  out += '\n';
  let comma = '';
  if (s.nreceived && s.timing) {
    const total = s.nreceived + s.nrepeats;
    const tmavg = Math.trunc(s.tsum / total);
    const tmvar =
      s.tsum < 2147483647
        ? Math.trunc((s.tsum2 - (s.tsum * s.tsum) / total) / total)
        : Math.trunc(s.tsum2 / total) - tmavg * tmavg;
    const tmdev = llsqrt(tmvar);
    out += `rtt min/avg/max/mdev = ${ms3(s.tmin)}/${ms3(tmavg)}/${ms3(s.tmax)}/${ms3(tmdev)} ms`;
    comma = ', ';
  }
  if (s.pipesize > 1) {
    out += `${comma}pipe ${s.pipesize}`;
    comma = ', ';
  }
  if (s.nreceived && s.ipg.show && s.ntransmitted > 1) {
    const ipg = Math.trunc(s.elapsedUs / (s.ntransmitted - 1));
    out += `${comma}ipg/ewma ${ms3(ipg)}/${Math.trunc(s.ipg.rtt / 8000)}.${String(Math.trunc(s.ipg.rtt / 8) % 1000).padStart(3, '0')} ms`;
  }
  return `${out}\n`;
}
