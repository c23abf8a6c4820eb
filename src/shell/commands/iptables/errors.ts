/**
 * How iptables 1.8.9 reports failures (libxtables xtables_error / basic_exit_err, nft-shared.c
 * nft_strerror): exit codes OTHER_PROBLEM 1, PARAMETER_PROBLEM 2 (plus the "Try `iptables -h'" line),
 * VERSION_PROBLEM 3 (plus "Perhaps iptables or your kernel needs to be upgraded."), RESOURCE_PROBLEM 4.
 */
import type { Errno } from '../../../kernel';

export const XT_PROG = 'iptables';
export const XT_VERSION = 'v1.8.9 (nf_tables)';
const TRY_HELP = `Try \`${XT_PROG} -h' or '${XT_PROG} --help' for more information.\n`;

export class XtError extends Error {
  constructor(
    /** The full stderr text. */
    readonly text: string,
    readonly code: number,
  ) {
    super(text);
  }

  /** PARAMETER_PROBLEM: "iptables v1.8.9 (nf_tables): MSG" and the try-help line, exit 2. */
  static param(msg: string): XtError {
    return new XtError(`${XT_PROG} ${XT_VERSION}: ${msg}\n${TRY_HELP}`, 2);
  }

  /** Only the try-help line (what `iptables -6` prints). */
  static tryHelp(): XtError {
    return new XtError(TRY_HELP, 2);
  }

  /** A message printed before the try-help line without the version prefix ("Bad argument `x'"). */
  static bare(msg: string): XtError {
    return new XtError(`${msg}\n${TRY_HELP}`, 2);
  }

  /** OTHER_PROBLEM with the version prefix and no help line, exit 1. */
  static other(msg: string, code = 1): XtError {
    return new XtError(`${XT_PROG} ${XT_VERSION}: ${msg}\n`, code);
  }

  /** VERSION_PROBLEM, exit 3. */
  static version(msg: string): XtError {
    return new XtError(
      `${XT_PROG} ${XT_VERSION}: ${msg}\nPerhaps iptables or your kernel needs to be upgraded.\n`,
      3,
    );
  }

  /** nft_strerror(): "iptables: MSG." exit 1. */
  static strerror(msg: string): XtError {
    return new XtError(`${XT_PROG}: ${msg}.\n`, 1);
  }

  /** A failed nf_tables batch (mnl_batch_talk error): RESOURCE_PROBLEM, exit 4. */
  static batch(op: string, errno: Errno, what: string): XtError {
    return new XtError(
      `${XT_PROG} ${XT_VERSION}:  ${op} failed (${BATCH_STRERROR[errno] ?? errno}): ${what}\n`,
      4,
    );
  }
}

const BATCH_STRERROR: Partial<Record<Errno, string>> = {
  EBUSY: 'Device or resource busy',
  EINVAL: 'Invalid argument',
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ELOOP: 'Too many levels of symbolic links',
  EOPNOTSUPP: 'Operation not supported',
};

/**
 * mnl_genid_get() refused (nfnetlink_rcv_msg: EPERM without CAP_NET_ADMIN): RESOURCE_PROBLEM with
 * nft_strerror()'s EPERM text, exit 4, for `prog` (iptables or iptables-save).
 */
export function genIdRefused(prog: string): XtError {
  return new XtError(
    `${prog} ${XT_VERSION}: Could not fetch rule set generation id: Permission denied (you must be root)\n`,
    4,
  );
}
