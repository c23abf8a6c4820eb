/**
 * A process's environment: what its shell exports, in the order the shell lays out `environ` for a child
 * (which is what `env` prints), and what a login gives the host's root shell.
 *
 * - bash (variables.c make_var_export_array): the exported variables in hash bucket order, 1024 buckets of
 *   FNV-1 (hashlib.c hash_string), a bucket's newest variable first; `_` (the command's path, set for the
 *   child) comes last.
 * - BusyBox ash (shell/ash.c listvars over vartab): 39 buckets of `first char << 4 + sum of the chars`
 *   (hashvar), each bucket in the order its variables were made.
 * A process started without a shell (`docker exec c env`) gets its environment in the order given.
 * Verified against bash 5.2 (`env -i ... bash -c env`) on the development machine.
 */
import type { Proc } from './types';

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

/** bash's hash_string (hashlib.c): FNV-1 over the name's bytes. */
export function bashHash(name: string): number {
  let h = FNV_OFFSET;
  for (const b of new TextEncoder().encode(name)) h = (Math.imul(h, FNV_PRIME) ^ b) >>> 0;
  return h;
}

/** BusyBox ash's name hash (hashvar, cmdlookup): the first char << 4 plus every char. */
export function ashHash(name: string): number {
  const bytes = new TextEncoder().encode(name);
  let h = (bytes[0] ?? 0) << 4;
  for (const b of bytes) h += b;
  return h;
}

function bashBucket(name: string): number {
  return bashHash(name) & 1023;
}

function ashBucket(name: string): number {
  return ashHash(name) % 39;
}

/** The environment a shell hands a child, from its exported variables in the order they were made. */
export function shellEnviron(shell: 'bash' | 'ash', vars: ReadonlyMap<string, string>): [string, string][] {
  const entries = [...vars].filter(([k]) => k !== '_');
  const keyed = entries.map((e, i) => ({ e, i, b: shell === 'bash' ? bashBucket(e[0]) : ashBucket(e[0]) }));
  // bash inserts at a bucket's head (newest first); ash appends (oldest first).
  keyed.sort((x, y) => x.b - y.b || (shell === 'bash' ? y.i - x.i : x.i - y.i));
  return keyed.map((k) => k.e);
}

/** Which shell lays out the environment of commands typed on this process's terminal. */
export function shellOf(proc: Proc): 'bash' | 'ash' {
  return proc.userland.shellName === 'sh' ? 'ash' : 'bash';
}

const ROOT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The host's root login shell: login(1) (shadow 4.13 setupenv.c: HOME, SHELL, PATH from ENV_SUPATH,
 * USER, LOGNAME, MAIL), pam_env's LANG from /etc/default/locale (C.UTF-8, as on the oracle machine), the
 * terminal's TERM, and bash's own SHLVL. bash also exports PWD, and OLDPWD once `cd` has set it.
 */
export function hostLoginEnvironment(term = 'xterm-256color'): Record<string, string> {
  return {
    HOME: '/root',
    SHELL: '/bin/bash',
    PATH: ROOT_PATH,
    USER: 'root',
    LOGNAME: 'root',
    MAIL: '/var/mail/root',
    LANG: 'C.UTF-8',
    TERM: term,
    SHLVL: '1',
  };
}

/**
 * A shell Docker starts in a container (`docker exec -it c sh`, `docker run -it img sh`): the daemon's
 * environment (container/container.go CreateDaemonEnvironment: PATH, HOSTNAME, TERM=xterm with a tty, the
 * image's and -e variables; runc adds HOME), then the shell's SHLVL.
 */
export function containerShellEnvironment(hostname: string): Record<string, string> {
  return { PATH: ROOT_PATH, HOSTNAME: hostname, TERM: 'xterm', HOME: '/root', SHLVL: '1' };
}
