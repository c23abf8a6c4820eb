/**
 * The command shapes Tab completion knows: docker's verbs and their flags (docker CLI 27.5, `docker run --help`
 * etc.), ip's objects and verbs (iproute2 6.1), and a few host tools. Only what completion needs: which words
 * come next and which names (containers, networks, interfaces...) a position takes.
 */

export type NameKind = 'container' | 'running' | 'network' | 'image' | 'iface' | 'netns' | 'none';

export interface Spec {
  /** Subcommands (`docker network` -> create, ls...). */
  sub?: string[];
  /** Boolean flags. */
  flags?: string[];
  /** Flags that take a value (the next word is not a positional). */
  valueFlags?: string[];
  /** Names the value of a flag takes, by flag. */
  valueNames?: Record<string, string[]>;
  /** What each positional argument is; the last repeats when `repeatLast`. */
  args: NameKind[];
  repeatLast?: boolean;
}

const RUN_FLAGS = [
  '-d',
  '--detach',
  '-i',
  '--interactive',
  '-t',
  '--tty',
  '-it',
  '--rm',
  '-P',
  '--publish-all',
  '--privileged',
  '--init',
];
const RUN_VALUE_FLAGS = [
  '--name',
  '--network',
  '--net',
  '-p',
  '--publish',
  '-e',
  '--env',
  '--ip',
  '--mac-address',
  '-h',
  '--hostname',
  '--dns',
  '--dns-search',
  '--add-host',
  '--network-alias',
  '--restart',
  '-w',
  '--workdir',
  '--entrypoint',
  '--cap-add',
  '--cap-drop',
];

export const DOCKER: Record<string, Spec> = {
  run: { flags: RUN_FLAGS, valueFlags: RUN_VALUE_FLAGS, args: ['image', 'none'], repeatLast: true },
  create: { flags: RUN_FLAGS, valueFlags: RUN_VALUE_FLAGS, args: ['image', 'none'], repeatLast: true },
  exec: {
    flags: ['-d', '-i', '-t', '-it', '--detach', '--interactive', '--tty'],
    valueFlags: ['-e', '--env', '-u', '--user', '-w', '--workdir'],
    args: ['running', 'none'],
    repeatLast: true,
  },
  ps: {
    flags: ['-a', '--all', '-q', '--quiet', '--no-trunc', '-l', '--latest', '-s'],
    valueFlags: ['-f', '--filter', '--format', '-n'],
    args: [],
  },
  start: { flags: ['-a', '-i'], args: ['container'], repeatLast: true },
  stop: { valueFlags: ['-t', '--time', '-s', '--signal'], args: ['running'], repeatLast: true },
  restart: { valueFlags: ['-t', '--time'], args: ['container'], repeatLast: true },
  kill: { valueFlags: ['-s', '--signal'], args: ['running'], repeatLast: true },
  rm: { flags: ['-f', '--force', '-v', '--volumes'], args: ['container'], repeatLast: true },
  logs: {
    flags: ['-f', '--follow', '-t', '--timestamps'],
    valueFlags: ['-n', '--tail', '--since'],
    args: ['container'],
  },
  inspect: {
    flags: ['-s', '--size'],
    valueFlags: ['-f', '--format', '--type'],
    args: ['container'],
    repeatLast: true,
  },
  port: { args: ['container', 'none'] },
  top: { args: ['running'] },
  pause: { args: ['running'], repeatLast: true },
  unpause: { args: ['container'], repeatLast: true },
  rename: { args: ['container', 'none'] },
  images: { flags: ['-a', '-q', '--no-trunc'], args: [] },
  pull: { flags: ['-q', '--quiet'], args: ['image'] },
  rmi: { flags: ['-f'], args: ['image'], repeatLast: true },
  version: { valueFlags: ['-f', '--format'], args: [] },
  info: { valueFlags: ['-f', '--format'], args: [] },
  network: { sub: ['connect', 'create', 'disconnect', 'inspect', 'ls', 'prune', 'rm'], args: [] },
  'network create': {
    flags: ['--internal', '--attachable', '--ipv6'],
    valueFlags: [
      '-d',
      '--driver',
      '--subnet',
      '--gateway',
      '--ip-range',
      '--aux-address',
      '-o',
      '--opt',
      '--label',
    ],
    args: ['none'],
  },
  'network connect': { valueFlags: ['--ip', '--alias'], args: ['network', 'container'] },
  'network disconnect': { flags: ['-f', '--force'], args: ['network', 'container'] },
  'network inspect': {
    valueFlags: ['-f', '--format'],
    flags: ['-v', '--verbose'],
    args: ['network'],
    repeatLast: true,
  },
  'network rm': { flags: ['-f', '--force'], args: ['network'], repeatLast: true },
  'network ls': {
    flags: ['-q', '--quiet', '--no-trunc'],
    valueFlags: ['-f', '--filter', '--format'],
    args: [],
  },
  'network prune': { flags: ['-f', '--force'], args: [] },
  container: {
    sub: [
      'create',
      'exec',
      'inspect',
      'kill',
      'logs',
      'ls',
      'pause',
      'port',
      'prune',
      'restart',
      'rm',
      'run',
      'start',
      'stop',
      'unpause',
    ],
    args: [],
  },
  'container ls': { flags: ['-a', '--all', '-q'], args: [] },
  'container inspect': { valueFlags: ['-f', '--format'], args: ['container'], repeatLast: true },
  'container rm': { flags: ['-f', '--force'], args: ['container'], repeatLast: true },
  'container stop': { args: ['running'], repeatLast: true },
  'container start': { args: ['container'], repeatLast: true },
  'container prune': { flags: ['-f', '--force'], args: [] },
  image: { sub: ['inspect', 'ls', 'pull', 'rm'], args: [] },
  'image ls': { args: [] },
  'image inspect': { args: ['image'] },
  'image pull': { args: ['image'] },
  'image rm': { args: ['image'] },
};

/** DOCKER_FLAGS: the global flags (before the verb). */
export const DOCKER_FLAGS = ['--help', '--version', '-v'];

export const IP_OBJECTS = [
  'address',
  'link',
  'neighbour',
  'netns',
  'route',
  'rule',
  'maddress',
  'monitor',
  'tuntap',
];

export const IP_VERBS: Record<string, string[]> = {
  address: ['add', 'del', 'flush', 'show'],
  link: ['add', 'del', 'set', 'show'],
  neighbour: ['add', 'change', 'del', 'flush', 'replace', 'show'],
  netns: ['add', 'attach', 'del', 'exec', 'identify', 'list', 'list-id', 'pids', 'set'],
  route: ['add', 'append', 'change', 'del', 'flush', 'get', 'replace', 'show'],
  rule: ['add', 'del', 'list', 'show'],
  maddress: ['show'],
  monitor: ['all', 'link', 'address', 'route', 'neigh'],
  tuntap: ['add', 'del', 'show'],
};

/** Host tools: their flags, verbs, and the names their arguments take. */
export const OTHER: Record<string, Spec> = {
  bridge: { sub: ['fdb', 'link', 'mdb', 'vlan', 'monitor'], args: ['none'] },
  brctl: { sub: ['addbr', 'addif', 'delbr', 'delif', 'show', 'showmacs', 'stp'], args: ['iface'] },
  iptables: {
    flags: [
      '-A',
      '-C',
      '-D',
      '-F',
      '-I',
      '-L',
      '-N',
      '-P',
      '-S',
      '-X',
      '-Z',
      '-n',
      '-v',
      '-t',
      '-j',
      '-p',
      '-s',
      '-d',
      '-i',
      '-o',
      '--line-numbers',
    ],
    valueFlags: ['-t', '-i', '-o'],
    valueNames: { '-t': ['filter', 'nat', 'raw', 'mangle', 'security'] },
    args: ['iface'],
  },
  'iptables-save': {
    valueFlags: ['-t'],
    valueNames: { '-t': ['filter', 'nat', 'raw', 'mangle', 'security'] },
    args: [],
  },
  ping: { flags: ['-c', '-I', '-W', '-i', '-q', '-s', '-t'], valueFlags: ['-I'], args: ['none'] },
  tcpdump: { flags: ['-i', '-n', '-e', '-c', '-v'], valueFlags: ['-i'], args: ['none'] },
  ifconfig: { flags: ['-a'], args: ['iface'] },
  route: { flags: ['-n', '-e', '-v'], args: ['none'] },
  arp: { flags: ['-a', '-n', '-e', '-i'], valueFlags: ['-i'], args: ['none'] },
  sysctl: { flags: ['-a', '-w', '-n', '-q'], args: ['none'] },
  conntrack: { flags: ['-L', '-D', '-F', '-E', '-n', '-p'], args: ['none'] },
  netstat: { flags: ['-a', '-n', '-r', '-t', '-u', '-l', '-p', '-i'], args: ['none'] },
  ss: { flags: ['-a', '-n', '-t', '-u', '-l', '-p'], args: ['none'] },
  curl: { flags: ['-s', '-v', '-I', '-m', '--max-time', '-o'], args: ['none'] },
  ethtool: { flags: ['-i', '-S', '-h', '--driver', '--statistics', '--version'], args: ['iface'] },
  ls: {
    flags: ['-l', '-a', '-A', '-1', '-d', '-i', '-h', '-F', '-L', '-R', '-t', '-r', '-S', '--color'],
    args: ['none'],
  },
  realpath: { flags: ['-e', '-m', '-s', '--relative-to'], args: ['none'] },
  exit: { args: [] },
};
