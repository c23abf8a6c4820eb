/**
 * A container's processes as the shell runs them: the Proc (machine = container id, its namespace, hostname,
 * the image's userland and output flavour), whether a command exists in the image (else runc's "executable
 * file not found"), and whether the main process keeps running (a daemon, a sleep, an interactive shell) or
 * finishes at once (its output becomes the container's log and its exit code the container's).
 */
import { parseSleep } from '../sleep';
import type { DockerContainer, DockerState } from '../../../docker';
import { ALL_CAPABILITIES, containerCapabilities, filesOwner } from '../../../docker';
import {
  BUSYBOX_APPLETS,
  HOST_USERLAND,
  IMAGE_USERLANDS,
  imageShells,
  userlandFlavour,
} from '../../userlands';
import type { Proc, Userland } from '../../types';

export function imageUserland(c: DockerContainer): Userland {
  return IMAGE_USERLANDS[c.userland] ?? (IMAGE_USERLANDS.ubuntu as Userland);
}

/**
 * `execPrivileged`: `docker exec --privileged` (daemon/exec_linux.go: every capability for that process; the
 * container's mounts stay as they are).
 */
export function containerProc(st: DockerState, c: DockerContainer, execPrivileged = false): Proc {
  const u = imageUserland(c);
  return {
    machine: c.id,
    ns: c.ns ?? st.hostNs,
    hostname: filesOwner(st, c).hostname,
    flavour: userlandFlavour(u),
    userland: u,
    caps: execPrivileged ? ALL_CAPABILITIES : containerCapabilities(c),
    privilegedMounts: c.privileged,
  };
}

const SHELLS = ['sh', 'ash', 'bash', 'zsh', 'dash'];

/** Utilities every image here has (coreutils or BusyBox), run by the shell's own implementations. */
const BASE_UTILS = [
  'cat',
  'echo',
  'ls',
  'env',
  'printenv',
  'true',
  'false',
  'pwd',
  'head',
  'tail',
  'grep',
  'sed',
  'awk',
  'wc',
  'sort',
  'uniq',
  'cut',
  'tr',
  'date',
  'uname',
  'id',
  'whoami',
  'touch',
  'mkdir',
  'rm',
  'cp',
  'mv',
  'find',
  'xargs',
  'tee',
  'readlink',
  'test',
  'expr',
  'seq',
  'yes',
  'basename',
  'dirname',
  'printf',
  'which',
  'ps',
  'top',
  'kill',
  'sleep',
  'hostname',
  'ln',
  'chmod',
  'stat',
  'du',
  'df',
  'free',
  'uptime',
  'more',
  'less',
  'vi',
  'tar',
  'gzip',
  'base64',
  'md5sum',
  'sha256sum',
  'od',
  'hexdump',
  'diff',
  'timeout',
  'nproc',
  'tac',
  'rev',
];

function base(cmd: string): string {
  return cmd.slice(cmd.lastIndexOf('/') + 1);
}

/** Whether argv[0] resolves in the image: our simulated tools by the image's list, shells by the image. */
export function commandExists(c: DockerContainer, argv0: string): boolean {
  const u = imageUserland(c);
  const name = base(argv0);
  if (SHELLS.includes(name)) return imageShells(u).includes(name);
  if (name === 'nginx' || name === 'docker-entrypoint.sh') return c.userland === 'nginx';
  // The busybox image links every applet, httpd included (Alpine moved httpd to busybox-extras).
  if (name === 'httpd') return c.userland === 'busybox';
  if (HOST_USERLAND.commands.includes(name) || BUSYBOX_APPLETS.includes(name))
    return u.commands.includes(name);
  return BASE_UTILS.includes(name);
}

export type MainKind = 'shell' | 'daemon' | 'finite';

/** What the main process does once started. */
export function mainKind(c: DockerContainer): MainKind {
  const argv = [c.path, ...c.args];
  const name = base(c.path);
  if (name === 'docker-entrypoint.sh' || name === 'nginx' || name === 'top') return 'daemon';
  // BusyBox httpd stays in the foreground only with -f (else it forks and the main process returns).
  if (name === 'httpd') return argv.some((a) => /^-[a-eg-z]*f/.test(a)) ? 'daemon' : 'finite';
  if (SHELLS.includes(name)) {
    if (argv.length === 1 || (argv.length === 2 && (argv[1] === '-i' || argv[1] === '-l')))
      return c.openStdin ? 'shell' : 'finite';
    const script = argv.slice(1).join(' ');
    if (/\b(sleep|while|tail -f|nc -l|httpd|top)\b/.test(script)) return 'daemon';
    return 'finite';
  }
  if (name === 'sleep') {
    // A bad or missing operand ends sleep at once with its error, as does a zero total.
    const p = parseSleep(c.args);
    return 'error' in p || p.us === 0 ? 'finite' : 'daemon';
  }
  if (name === 'tail' && argv.includes('-f')) return 'daemon';
  // ping ends by itself with a count or a deadline (-c N, -c1, -w N, in a cluster like -qc1).
  if (name === 'ping' && !argv.slice(1).some((a) => /^-[46qvnfRAD]*[cw]/.test(a))) return 'daemon';
  if (name === 'nc' && argv.some((a) => a.startsWith('-l'))) return 'daemon';
  return 'finite';
}

/** The runc message a start fails with when the command is not in the image. */
export function notFoundStartError(argv0: string): string {
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv0}": executable file not found in $PATH: unknown`;
}

/** nginx's entrypoint output on start (the first lines of `docker logs`). */
export function nginxStartLog(): string {
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    '',
  ].join('\n');
}

/** How long a `sleep N` main process lasts (seconds; s/m/h/d suffixes), or null when it never ends. */
export function sleepSeconds(c: DockerContainer): number | null {
  if (base(c.path) !== 'sleep' || c.args.length === 0) return null;
  let total = 0;
  for (const a of c.args) {
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
    if (!m) return null;
    total +=
      Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2] as string]!;
  }
  return total;
}

/**
 * The environment a container's processes start with (container.go CreateDaemonEnvironment, env.go
 * ReplaceOrAppendEnvValues): the default PATH, HOSTNAME, TERM=xterm with a terminal (the container's, or the
 * exec's -t), then Config.Env, then for `docker exec` its own -e/--env-file values; a later value of a key
 * replaces it, a bare "KEY" unsets it; runc adds HOME when none is left.
 */
export function containerEnv(
  st: DockerState,
  c: DockerContainer,
  exec: readonly string[] = [],
  tty = c.tty,
): Record<string, string> {
  const env = new Map([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', filesOwner(st, c).hostname],
  ]);
  if (tty) env.set('TERM', 'xterm');
  for (const kv of [...c.env, ...exec]) {
    const i = kv.indexOf('=');
    if (i < 0) env.delete(kv);
    else env.set(kv.slice(0, i), kv.slice(i + 1));
  }
  if (!env.has('HOME')) env.set('HOME', '/root');
  return Object.fromEntries(env);
}
