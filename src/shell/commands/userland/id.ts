/**
 * `id`: the user and groups of the process, or of a USER (getpwnam, then getgrouplist). GNU coreutils 9.1
 * (src/id.c: the option checks in its order, several USERs, -z) and BusyBox 1.35 (coreutils/id.c: -u, -g
 * and -G exclude each other, -n and -r need one of them, at most one USER; anything else shows the usage).
 */
import type { CommandIO, SimCommand } from '../../types';
import { effectiveUser, lookupUser, type Group, type User } from './identity';
import { gnuBadOption, gnuLongOption, gnuQuote } from '../gnu_coreutils';
import { coreutilsFlavour } from '../../userlands';
import { BUSYBOX_ID_USAGE, GNU_ID_HELP } from './usage';

interface IdOpts {
  user: boolean;
  group: boolean;
  groups: boolean;
  name: boolean;
  real: boolean;
  zero: boolean;
  context: boolean;
}

function noOpts(): IdOpts {
  return { user: false, group: false, groups: false, name: false, real: false, zero: false, context: false };
}

const GNU_LONG: Readonly<Record<string, keyof IdOpts | 'help' | 'version'>> = {
  context: 'context',
  group: 'group',
  groups: 'groups',
  name: 'name',
  real: 'real',
  user: 'user',
  zero: 'zero',
  help: 'help',
  version: 'version',
};

const GNU_SHORT: Readonly<Record<string, keyof IdOpts | 'a'>> = {
  a: 'a',
  Z: 'context',
  g: 'group',
  G: 'groups',
  n: 'name',
  r: 'real',
  u: 'user',
  z: 'zero',
};

function gid(g: Group, name: boolean): string {
  return name ? g.name : String(g.gid);
}

/** `uid=0(root) gid=0(root) groups=0(root),10(wheel)`: both tools print the full form alike. */
function fullInfo(u: User): string {
  const groups = u.groups.map((g) => `${g.gid}(${g.name})`).join(',');
  return `uid=${u.uid}(${u.name}) gid=${u.group.gid}(${u.group.name}) groups=${groups}`;
}

/** What -u, -g or -G print (the real and effective ids are the same here). */
function only(u: User, o: IdOpts, sep: string): string {
  if (o.user) return o.name ? u.name : String(u.uid);
  if (o.group) return gid(u.group, o.name);
  return u.groups.map((g) => gid(g, o.name)).join(sep);
}

/** Option parsing as getopt_long does it (long options by unique prefix; `--` ends them). */
function parseGnu(io: CommandIO, args: string[]): { o: IdOpts; users: string[] } | number {
  const o = noOpts();
  const users: string[] = [];
  let opts = true;
  for (const a of args) {
    if (opts && a === '--') opts = false;
    else if (opts && a.startsWith('--')) {
      const long = gnuLongOption(io, 'id', a, Object.keys(GNU_LONG));
      if (typeof long === 'number') return long;
      const key = GNU_LONG[long] as keyof IdOpts | 'help' | 'version';
      if (key === 'help') {
        io.out(GNU_ID_HELP);
        return 0;
      }
      if (key === 'version') {
        io.out('id (GNU coreutils) 9.1\n');
        return 0;
      }
      o[key] = true;
    } else if (opts && a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        const key = GNU_SHORT[c];
        if (key === undefined) return gnuBadOption(io, 'id', `-${c}`);
        if (key !== 'a') o[key] = true;
      }
    } else users.push(a);
  }
  return { o, users };
}

function gnu(io: CommandIO): number {
  const parsed = parseGnu(io, io.argv.slice(1));
  if (typeof parsed === 'number') return parsed;
  const { o, users } = parsed;
  // id.c: the checks run in this order, each fatal.
  if (o.context) {
    io.err('id: --context (-Z) works only on an SELinux-enabled kernel\n');
    return 1;
  }
  if (Number(o.user) + Number(o.group) + Number(o.groups) > 1) {
    io.err('id: cannot print "only" of more than one choice\n');
    return 1;
  }
  const fullFormat = !o.user && !o.group && !o.groups;
  if (fullFormat && (o.real || o.name)) {
    io.err('id: cannot print only names or real IDs in default format\n');
    return 1;
  }
  if (fullFormat && o.zero) {
    io.err('id: option --zero not permitted in default format\n');
    return 1;
  }
  const line = (u: User) =>
    fullFormat ? `${fullInfo(u)}\n` : o.zero ? `${only(u, o, '\0')}\0` : `${only(u, o, ' ')}\n`;
  if (users.length === 0) {
    io.out(line(effectiveUser(io.proc)));
    return 0;
  }
  let status = 0;
  for (const name of users) {
    const u = lookupUser(io.proc, name);
    if (u === null) {
      io.err(`id: ${gnuQuote(io, name)}: no such user\n`);
      status = 1;
    } else io.out(line(u));
  }
  return status;
}

function busybox(io: CommandIO): number {
  const o = noOpts();
  const users: string[] = [];
  let opts = true;
  for (const a of io.argv.slice(1)) {
    if (opts && a === '--') opts = false;
    else if (opts && a === '--help') {
      io.err(BUSYBOX_ID_USAGE);
      return 0;
    } else if (opts && a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        const key = ({ u: 'user', g: 'group', G: 'groups', n: 'name', r: 'real' } as const)[c as 'u'];
        if (key === undefined) {
          io.err(`id: invalid option -- '${c}'\n${BUSYBOX_ID_USAGE}`);
          return 1;
        }
        o[key] = true;
      }
    } else users.push(a);
  }
  const picked = Number(o.user) + Number(o.group) + Number(o.groups);
  // getopt32's "?1:u--g:g--u:G--u:u--G:g--G:G--g:r?ugG:n?ugG".
  if (users.length > 1 || picked > 1 || (picked === 0 && (o.name || o.real))) {
    io.err(BUSYBOX_ID_USAGE);
    return 1;
  }
  let u = effectiveUser(io.proc);
  if (users.length === 1) {
    const found = lookupUser(io.proc, users[0] as string);
    if (found === null) {
      io.err(`id: unknown user ${users[0] as string}\n`);
      return 1;
    }
    u = found;
  }
  io.out(picked === 0 ? `${fullInfo(u)}\n` : `${only(u, o, ' ')}\n`);
  return 0;
}

export const idCommand: SimCommand = {
  name: 'id',
  run(io: CommandIO) {
    return coreutilsFlavour(io.proc) === 'busybox' ? busybox(io) : gnu(io);
  },
};
