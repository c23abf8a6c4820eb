/**
 * Error numbers the simulated kernel returns, with glibc's strerror() text (what iproute2 prints after
 * "RTNETLINK answers: " and what ping prints after "connect: ").
 */
export const STRERROR = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  ENODEV: 'No such device',
  ENXIO: 'No such device or address',
  EINVAL: 'Invalid argument',
  ENOSPC: 'No space left on device',
  ERANGE: 'Numerical result out of range',
  ENOBUFS: 'No buffer space available',
  EOPNOTSUPP: 'Operation not supported',
  EAFNOSUPPORT: 'Address family not supported by protocol',
  EADDRINUSE: 'Address already in use',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ENETDOWN: 'Network is down',
  ENETUNREACH: 'Network is unreachable',
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENOTCONN: 'Transport endpoint is not connected',
  EMSGSIZE: 'Message too long',
  ELOOP: 'Too many levels of symbolic links',
  ENOTEMPTY: 'Directory not empty',
  E2BIG: 'Argument list too long',
  EACCES: 'Permission denied',
  EISCONN: 'Transport endpoint is already connected',
  EPIPE: 'Broken pipe',
  EDESTADDRREQ: 'Destination address required',
  ENOPROTOOPT: 'Protocol not available',
  EHOSTDOWN: 'Host is down',
  ENONET: 'Machine is not on the network',
  // Opening /proc/sys files: a directory for writing, a read-only mount.
  EISDIR: 'Is a directory',
  EROFS: 'Read-only file system',
} as const;

export type Errno = keyof typeof STRERROR;

export function strerror(e: Errno): string {
  return STRERROR[e];
}

/** A failed kernel operation: the errno, plus an extack message where the kernel sends one. */
export interface KernelError {
  errno: Errno;
  extack?: string;
}

export type KResult<T> = { ok: true; value: T } | { ok: false; error: KernelError };

export const kok = <T>(value: T): KResult<T> => ({ ok: true, value });
export const kerr = (errno: Errno, extack?: string): { ok: false; error: KernelError } => ({
  ok: false,
  error: extack === undefined ? { errno } : { errno, extack },
});
