/**
 * Tab completion for the terminals: command names, docker/ip/bridge/iptables subcommands and flags, and the
 * names that live in the World (containers, networks, images, interfaces of the shell's namespace, `ip netns`
 * names). Pure: (World, process, line, cursor) -> the word to replace and its candidates. The line editor
 * (store/line_editor.ts) inserts the common prefix and lists candidates on a second Tab, as bash does.
 */
import type { Proc } from '../shell';
import { BUSYBOX_APPLETS, containerProc } from '../shell';
import { IP_OBJECTS, IP_VERBS, DOCKER, OTHER, type Spec } from './complete_spec';
import type { World } from './world';
import { xaGet } from '../kernel';

export interface Completion {
  /** Where the word being completed starts in the line. */
  start: number;
  /** Candidates for that word, sorted, unique. */
  candidates: string[];
}

const SHELL_WORDS = [
  'cd',
  'clear',
  'echo',
  'exit',
  'history',
  'ls',
  'cat',
  'grep',
  'pwd',
  'export',
  'true',
  'false',
];

/** Words of the current command (after the last `|`, `;`, `&&`, `||`), and the word under the cursor. */
function words(line: string): { prior: string[]; word: string; start: number } {
  const m = /(?:^|[|;&]\s*|\s)(\S*)$/.exec(line);
  const word = m?.[1] ?? '';
  const start = line.length - word.length;
  const head = line.slice(0, start);
  const seg = head.split(/\|\||&&|[|;]/).pop() ?? '';
  return { prior: seg.split(/\s+/).filter(Boolean), word, start };
}

function containerNames(w: World, running = false): string[] {
  return Object.values(w.docker.containers)
    .filter((c) => !running || c.status === 'running')
    .map((c) => c.name.replace(/^\//, ''));
}

function networkNames(w: World): string[] {
  return Object.values(w.docker.networks).map((n) => n.name);
}

function imageNames(w: World): string[] {
  const fromState = w.docker.images.map((i) => i.replace(/:latest$/, ''));
  return [...fromState, 'busybox', 'alpine', 'nginx', 'nicolaka/netshoot', 'ubuntu'];
}

function interfaces(w: World, ns: string): string[] {
  const n = xaGet(w.kernel.netns, ns);
  if (!n) return [];
  return Object.values(n.byIndex).map((id) => xaGet(w.kernel.devices, id)?.name ?? '');
}

function netnsNames(w: World): string[] {
  return Object.keys(w.kernel.namedNs);
}

/** Values a name-taking spec slot expands to. */
function names(kind: Spec['args'][number], w: World, proc: Proc): string[] {
  switch (kind) {
    case 'container':
      return containerNames(w);
    case 'running':
      return containerNames(w, true);
    case 'network':
      return networkNames(w);
    case 'image':
      return imageNames(w);
    case 'iface':
      return interfaces(w, proc.ns);
    case 'netns':
      return netnsNames(w);
    case 'none':
      return [];
  }
}

function commandNames(proc: Proc): string[] {
  const base = [...proc.userland.commands, ...SHELL_WORDS];
  if (proc.userland.busybox && proc.userland.shellName === 'sh') base.push(...BUSYBOX_APPLETS);
  return base;
}

function docker(prior: string[], word: string, w: World, proc: Proc): string[] {
  // prior[0] === 'docker'
  let i = 1;
  let path = '';
  let spec: Spec | undefined;
  while (i < prior.length) {
    const tok = prior[i] as string;
    const key = path ? `${path} ${tok}` : tok;
    if (DOCKER[key]) {
      path = key;
      spec = DOCKER[key];
      i++;
      continue;
    }
    break;
  }
  const rest = prior.slice(i);
  const last = rest[rest.length - 1];
  if (!spec) {
    return Object.keys(DOCKER).filter((k) => !k.includes(' '));
  }
  if (spec.sub) {
    if (rest.length === 0) return spec.sub;
    return [];
  }
  if (word.startsWith('-')) return [...(spec.flags ?? []), ...(spec.valueFlags ?? [])];
  if (last && spec.valueFlags?.includes(last)) {
    if (last === '--network' || last === '--net') {
      return [...networkNames(w), 'host', 'none', ...containerNames(w, true).map((c) => `container:${c}`)];
    }
    return [];
  }
  // Positional index: words that are not flags nor flag values.
  let pos = 0;
  for (let j = 0; j < rest.length; j++) {
    const t = rest[j] as string;
    if (t.startsWith('-')) {
      if (spec.valueFlags?.includes(t)) j++;
      continue;
    }
    pos++;
  }
  const kind = spec.args[Math.min(pos, spec.args.length - 1)] ?? 'none';
  if (spec.args.length > 0 && pos >= spec.args.length && !spec.repeatLast) return [];
  return names(kind, w, proc);
}

function ip(prior: string[], word: string, w: World, proc: Proc): string[] {
  const rest = prior.slice(1).filter((t) => !t.startsWith('-') || t === '-n');
  const objIdx = rest.findIndex((t) => !t.startsWith('-') && rest[rest.indexOf(t) - 1] !== '-n');
  if (prior[prior.length - 1] === '-n' || prior[prior.length - 1] === '-netns') return netnsNames(w);
  if (objIdx < 0)
    return word.startsWith('-') ? ['-4', '-6', '-br', '-c', '-d', '-s', '-n', '-j', '-p'] : IP_OBJECTS;
  const obj = rest[objIdx] as string;
  const after = rest.slice(objIdx + 1);
  const full = IP_OBJECTS.find((o) => o.startsWith(obj)) ?? obj;
  if (after.length === 0) return IP_VERBS[full] ?? [];
  const last = after[after.length - 1];
  if (last === 'dev' || last === 'master' || last === 'peer') return interfaces(w, proc.ns);
  if (full === 'netns') {
    if (['exec', 'del', 'delete', 'pids', 'set'].includes(after[0] as string) && after.length === 1)
      return netnsNames(w);
    if (after[0] === 'exec' && after.length === 2) return commandNames(proc);
    return [];
  }
  if (last === 'netns') return netnsNames(w);
  if (full === 'link' && ['set', 'show', 'del', 'delete'].includes(after[0] as string) && after.length === 1)
    return interfaces(w, proc.ns);
  if (full === 'link' && after[0] === 'set')
    return ['up', 'down', 'master', 'nomaster', 'netns', 'name', 'address', 'mtu'];
  if (full === 'link' && after[0] === 'add' && last === 'type') return ['veth', 'bridge'];
  if (full === 'address' || full === 'addr' || full === 'route' || full === 'neigh') return ['dev'];
  return [];
}

/** `docker exec` flags that take a value (the container is the first word that is neither). */
const EXEC_VALUE_FLAGS = ['-e', '--env', '-u', '--user', '-w', '--workdir', '--env-file', '--detach-keys'];

/**
 * A command line that runs another one somewhere else: `ip netns exec NS cmd...` (a host process in NS) and
 * `docker exec [flags] CTR cmd...` (a process in the container, with its image's commands). The inner words are
 * completed as a command line of that process, as bash's programmable completion does for these wrappers.
 */
function inner(w: World, proc: Proc, prior: string[]): { proc: Proc; prior: string[] } | null {
  if (prior[0] === 'ip' && prior[1] === 'netns' && prior[2] === 'exec' && prior.length >= 4) {
    const ns = w.kernel.namedNs[prior[3] as string];
    return ns ? { proc: { ...proc, ns }, prior: prior.slice(4) } : null;
  }
  if (prior[0] === 'docker' && prior[1] === 'exec') {
    let i = 2;
    while (i < prior.length && (prior[i] as string).startsWith('-'))
      i += EXEC_VALUE_FLAGS.includes(prior[i] as string) ? 2 : 1;
    if (i >= prior.length) return null;
    const name = prior[i] as string;
    const c = Object.values(w.docker.containers).find(
      (x) => x.name.replace(/^\//, '') === name || x.id.startsWith(name),
    );
    return c && c.status === 'running'
      ? { proc: containerProc(w.docker, c), prior: prior.slice(i + 1) }
      : null;
  }
  return null;
}

/** Candidates for the word under the cursor (the text before `cursor` is what counts, as in readline). */
export function complete(w: World, shell: Proc, line: string, cursor = line.length): Completion {
  const { prior: all, word, start } = words(line.slice(0, cursor));
  let prior = all;
  let proc = shell;
  for (let hop = inner(w, proc, prior); hop; hop = inner(w, proc, prior)) {
    proc = hop.proc;
    prior = hop.prior;
  }
  let pool: string[];
  // `ip netns exec NS cmd`, `sudo cmd`: complete the inner command as a command.
  const cmd = prior[0];
  if (!cmd) pool = commandNames(proc);
  else if (cmd === 'docker') pool = docker(prior, word, w, proc);
  else if (cmd === 'ip' || (cmd === 'busybox' && prior[1] === 'ip'))
    pool = ip(cmd === 'busybox' ? prior.slice(1) : prior, word, w, proc);
  else if (cmd === 'busybox' && prior.length === 1) pool = [...BUSYBOX_APPLETS];
  else {
    const spec = OTHER[cmd];
    const last = prior[prior.length - 1] as string;
    if (!spec) pool = [];
    else if (word.startsWith('-')) pool = spec.flags ?? [];
    else if (spec.valueFlags?.includes(last))
      pool = spec.valueNames?.[last] ?? names(spec.args[0] ?? 'none', w, proc);
    else if (spec.sub && prior.length === 1) pool = spec.sub;
    else pool = names(spec.args[0] ?? 'none', w, proc);
  }
  const candidates = [...new Set(pool.filter((c) => c !== '' && c.startsWith(word)))].sort();
  return { start, candidates };
}

/** The longest prefix all candidates share. */
export function commonPrefix(list: readonly string[]): string {
  if (list.length === 0) return '';
  let p = list[0] as string;
  for (const s of list) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}
