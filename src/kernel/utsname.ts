/**
 * The kernel's identity as uname(2) reports it (include/linux/utsname.h, init/version.c): the build's
 * UTS_RELEASE and UTS_VERSION and the machine. These are the oracle's kernel (Linux 6.18.44 on a
 * Firecracker VM); the nodename is per UTS namespace (a machine's hostname), not here.
 */
export const UTS_SYSNAME = 'Linux';
export const UTS_RELEASE = '6.18.44-fc-v782';
export const UTS_VERSION = '#1 SMP PREEMPT_DYNAMIC @0';
export const UTS_MACHINE = 'x86_64';
