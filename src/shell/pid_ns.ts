/**
 * PID namespaces as Docker uses them: every container's processes live in a PID namespace of their own (no
 * `--pid` sharing is modelled), the host's shell and `ip netns exec` in the host's. It decides what a
 * process sees of others through /proc: ss -p and netstat -p name a socket's process only when the reader's
 * namespace shows it (kernel sock.ts sockPidIn).
 */
import type { SocketNsPid } from '../kernel';
import type { Proc } from './types';

/** The PID namespace `proc` lives in: '' for the host's, the container's id for a container's. */
export function procPidNs(proc: Proc): string {
  return proc.machine === 'host' ? '' : proc.machine;
}

/** A socket's owner record for a process of `proc`'s machine with pid `pid` there (null on the host). */
export function procNsPid(proc: Proc, pid: number): SocketNsPid | null {
  return proc.machine === 'host' ? null : { ns: proc.machine, pid };
}
