/**
 * `env` and `printenv`: the process's environment (CommandIO.environ: what the process was started with,
 * in environ order), or, for env, a command run with a changed one. GNU coreutils 9.1 (src/env.c:
 * -i/-, -0, -u NAME, NAME=VALUE appended or replaced in place as setenv does; bad usage 125, a command
 * that cannot be found 127; src/printenv.c: bad usage 2, status 1 when a NAME is not set) and BusyBox
 * 1.35 (coreutils/env.c, coreutils/printenv.c).
 */
import type { CommandIO, SimCommand } from '../../types';
import { gnuBadOption, gnuLongOption, gnuQuote } from '../gnu_coreutils';
import { coreutilsFlavour } from '../../userlands';
import { machineHas } from './which';
import { BUSYBOX_ENV_USAGE, GNU_ENV_HELP, GNU_PRINTENV_HELP } from './usage';

/** The environment this invocation runs with, name and value in environ order. */
export function environOf(io: CommandIO): [string, string][] {
  return io.environ ? io.environ() : [...io.env];
}

function print(io: CommandIO, env: readonly [string, string][], nul: boolean): void {
  io.out(env.map(([k, v]) => `${k}=${v}${nul ? '\0' : '\n'}`).join(''));
}

interface EnvArgs {
  clear: boolean;
  nul: boolean;
  unset: string[];
  rest: string[];
}

const ENV_LONG = ['ignore-environment', 'null', 'unset', 'help', 'version'];

function parseEnv(io: CommandIO, busybox: boolean): EnvArgs | number {
  const o: EnvArgs = { clear: false, nul: false, unset: [], rest: [] };
  const args = io.argv.slice(1);
  const bad = (c: string) => {
    if (!busybox) return gnuBadOption(io, 'env', `-${c}`, 125);
    io.err(`env: invalid option -- '${c}'\n${BUSYBOX_ENV_USAGE}`);
    return 1;
  };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-') {
      o.clear = true;
      continue;
    }
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-')) break;
    if (a.startsWith('--')) {
      if (busybox && a === '--help') {
        io.err(BUSYBOX_ENV_USAGE);
        return 0;
      }
      const long = busybox ? null : gnuLongOption(io, 'env', a, ENV_LONG);
      if (long === null) return bad(a.slice(2, 3));
      if (typeof long === 'number') return 125;
      if (long === 'help') {
        io.out(GNU_ENV_HELP);
        return 0;
      }
      if (long === 'version') {
        io.out('env (GNU coreutils) 9.1\n');
        return 0;
      }
      if (long === 'ignore-environment') o.clear = true;
      else if (long === 'null') o.nul = true;
      else {
        const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
        if (v === undefined) {
          io.err(`env: option '--unset' requires an argument\nTry 'env --help' for more information.\n`);
          return 125;
        }
        o.unset.push(v);
      }
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      if (c === 'i') o.clear = true;
      else if (c === '0') o.nul = true;
      else if (c === 'u') {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) {
          if (busybox) {
            io.err(`env: option requires an argument -- 'u'\n${BUSYBOX_ENV_USAGE}`);
            return 1;
          }
          io.err(`env: option requires an argument -- 'u'\nTry 'env --help' for more information.\n`);
          return 125;
        }
        o.unset.push(v);
        break;
      } else return bad(c);
    }
  }
  o.rest = args.slice(i);
  return o;
}

async function env(io: CommandIO): Promise<number> {
  const busybox = coreutilsFlavour(io.proc) === 'busybox';
  const o = parseEnv(io, busybox);
  if (typeof o === 'number') return o;
  const vars = new Map(o.clear ? [] : environOf(io));
  for (const n of o.unset) vars.delete(n);
  let i = 0;
  for (; i < o.rest.length && (o.rest[i] as string).includes('='); i++) {
    const a = o.rest[i] as string;
    vars.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
  }
  const argv = o.rest.slice(i);
  if (argv.length === 0) {
    print(io, [...vars], o.nul);
    return 0;
  }
  const prog = argv[0] as string;
  if (!machineHas(io.proc, prog)) {
    io.err(
      busybox
        ? `env: can't execute '${prog}': No such file or directory\n`
        : `env: ${gnuQuote(io, prog)}: No such file or directory\n`,
    );
    return 127;
  }
  const r = await io.exec(argv, io.proc, { env: Object.fromEntries(vars), cwd: io.cwd });
  io.out(r.stdout);
  io.err(r.stderr);
  return r.exitCode;
}

function printenv(io: CommandIO): number {
  const busybox = coreutilsFlavour(io.proc) === 'busybox';
  let nul = false;
  const names: string[] = [];
  for (const a of io.argv.slice(1)) {
    if (a === '--help' && !busybox) {
      io.out(GNU_PRINTENV_HELP);
      return 0;
    }
    if (a === '--version' && !busybox) {
      io.out('printenv (GNU coreutils) 9.1\n');
      return 0;
    }
    if (!busybox && (a === '-0' || a === '--null')) nul = true;
    else if (a.startsWith('-') && a.length > 1 && names.length === 0) {
      if (busybox) {
        io.err(`printenv: invalid option -- '${a[1] as string}'\n`);
        return 1;
      }
      return gnuBadOption(io, 'printenv', a.startsWith('--') ? a : a.slice(0, 2), 2);
    } else names.push(a);
  }
  const vars = environOf(io);
  if (names.length === 0) {
    print(io, vars, nul);
    return 0;
  }
  const map = new Map(vars);
  let missing = 0;
  for (const n of names) {
    const v = n.includes('=') ? undefined : map.get(n);
    if (v === undefined) missing++;
    else io.out(`${v}${nul ? '\0' : '\n'}`);
  }
  return missing > 0 ? 1 : 0;
}

export const envCommand: SimCommand = { name: 'env', viaShell: true, run: env };
export const printenvCommand: SimCommand = { name: 'printenv', viaShell: true, run: printenv };
