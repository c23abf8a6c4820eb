/**
 * `which`: the path of each command along PATH. Debian 12's is debianutils 5.7's shell script (-a for every
 * match; any other option is "Illegal option -X" and its usage, status 2; status 1 when a name is not
 * found, 0 otherwise; nothing to look up is status 1). BusyBox 1.35 (debianutils/which.c): -a, the usage
 * without names, status 1 when one is not found.
 */
import { commandPaths, BUILTIN_ONLY, hasShellTool } from '../../path_table';
import type { CommandIO, Proc, SimCommand } from '../../types';
import { imageShells } from '../../userlands';
import { coreutilsFlavour } from '../../userlands';
import { BUSYBOX_WHICH_USAGE } from './usage';

/** Whether the machine has a program by that name (our tools, just-bash's, its shells). */
export function machineHas(proc: Proc, name: string): boolean {
  const u = proc.userland;
  if (BUILTIN_ONLY.includes(name)) return false;
  return u.commands.includes(name) || hasShellTool(u, name) || imageShells(u).includes(name);
}

function lookup(io: CommandIO, name: string, all: boolean): string[] {
  // A name with a slash is itself printed when it is an executable file (the programs the table places).
  if (name.includes('/')) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    const known = machineHas(io.proc, base) && commandPaths(io.proc.userland, base).includes(name);
    return known ? [name] : [];
  }
  if (!machineHas(io.proc, name)) return [];
  const paths = commandPaths(io.proc.userland, name);
  return all ? paths : paths.slice(0, 1);
}

function run(io: CommandIO, names: string[], all: boolean): number {
  let status = 0;
  for (const n of names) {
    const found = lookup(io, n, all);
    if (found.length === 0) status = 1;
    for (const p of found) io.out(`${p}\n`);
  }
  return status;
}

function gnu(io: CommandIO): number {
  let all = false;
  const args = io.argv.slice(1);
  let i = 0;
  for (; i < args.length && (args[i] as string).startsWith('-'); i++) {
    const a = args[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    // getopts: each letter of a cluster, `--` as an (illegal) option letter '-'.
    for (const c of a.slice(1)) {
      if (c === 'a') all = true;
      else {
        io.err(`Illegal option -${c}\n`);
        io.out('Usage: /usr/bin/which [-a] args\n');
        return 2;
      }
    }
  }
  const names = args.slice(i);
  if (names.length === 0) return 1;
  return run(io, names, all);
}

function busybox(io: CommandIO): number {
  let all = false;
  const args = io.argv.slice(1);
  let i = 0;
  for (; i < args.length && (args[i] as string).startsWith('-') && args[i] !== '-'; i++) {
    const a = args[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--help') {
      io.err(BUSYBOX_WHICH_USAGE);
      return 0;
    }
    for (const c of a.slice(1)) {
      if (c !== 'a') {
        io.err(`which: invalid option -- '${c}'\n${BUSYBOX_WHICH_USAGE}`);
        return 1;
      }
      all = true;
    }
  }
  const names = args.slice(i);
  if (names.length === 0) {
    io.err(BUSYBOX_WHICH_USAGE);
    return 1;
  }
  return run(io, names, all);
}

export const whichCommand: SimCommand = {
  name: 'which',
  run(io: CommandIO) {
    return coreutilsFlavour(io.proc) === 'busybox' ? busybox(io) : gnu(io);
  },
};
