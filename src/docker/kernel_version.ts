/**
 * The kernel version the daemon reports (`docker info`'s Kernel Version, `docker version`'s KernelVersion):
 * kernel.GetKernelVersion().String() (moby v27.5.1 pkg/parsers/kernel/kernel.go, kernel_unix.go): uname(2)'s
 * release parsed by ParseRelease and printed as "%d.%d.%d%s", so a flavour after the numbers stays
 * ("6.18.44-fc-v782"); "" when the release does not parse (the daemon logs a warning and reports nothing).
 */
import { UTS_RELEASE } from '../kernel';

/** Go's fmt.Sscanf %d: an optional sign and decimal digits, at the start of `s`. */
function scanInt(s: string): { n: number; rest: string } | null {
  const m = /^[+-]?\d+/.exec(s);
  return m ? { n: Number(m[0]), rest: s.slice(m[0].length) } : null;
}

/** Go's fmt.Sscanf %s: the run of non-space characters after any leading spaces. */
function scanWord(s: string): string {
  return /^\s*(\S*)/.exec(s)?.[1] ?? '';
}

export function daemonKernelVersion(release: string = UTS_RELEASE): string {
  // Sscanf(release, "%d.%d%s", &kernel, &major, &partial): at least kernel and major must parse.
  const kernel = scanInt(release);
  if (!kernel || !kernel.rest.startsWith('.')) return '';
  const major = scanInt(kernel.rest.slice(1));
  if (!major) return '';
  const partial = scanWord(major.rest);
  // Sscanf(partial, ".%d%s", &minor, &flavor); without a minor the whole partial is the flavour.
  let minor = 0;
  let flavor = partial;
  const m = partial.startsWith('.') ? scanInt(partial.slice(1)) : null;
  if (m) {
    minor = m.n;
    flavor = scanWord(m.rest);
  }
  return `${kernel.n}.${major.n}.${minor}${flavor}`;
}
