/**
 * `bridge`'s error conventions: the library helpers it shares with ip (lib/utils.c nodev(), parse_on_off())
 * and its exit codes: bridge's commands return -1 on failure (exit 255), parse_on_off() errors -EINVAL
 * (exit 234).
 */
import type { Errno, KernelError } from '../../../kernel';
import { strerror } from '../../../kernel';
import { IpError } from '../ip/util';

/** nodev(): "Cannot find device" and -1. */
export function nodev(name: string): IpError {
  return new IpError(`Cannot find device "${name}"\n`, 255);
}

/** parse_on_off(): "on" or "off" exactly. */
export function onOff(key: string, value: string): boolean {
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new IpError(`Error: argument of "${key}" must be one of "off", "on", not "${value}"\n`, 234);
}

/** rtnl_talk() failing: the extack message if the kernel sent one, else strerror; bridge then exits 255. */
export function rtnlAnswers(e: Errno | KernelError): IpError {
  const err = typeof e === 'string' ? { errno: e } : e;
  if (err.extack) return new IpError(`Error: ${err.extack}.\n`, 255);
  return new IpError(`RTNETLINK answers: ${strerror(err.errno)}\n`, 255);
}
