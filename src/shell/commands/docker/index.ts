/**
 * `docker`, the CLI 27.5.1 (cmd/docker/docker.go): global options, then a command or a management command
 * (network, container, image) and its verb. With no command it prints its help to stderr; an unknown one is
 * "docker: 'x' is not a docker command." (exit 1).
 */
import type { CommandIO, SimCommand } from '../../types';
import { own } from '../../../lib';
import { commandAt, helpText, runVerb, type Verb } from './cli';
import { createVerbSpec } from './create';
import { execVerbSpec } from './exec';
import { FlagError, parseFlags } from './flags';
import { HELP } from './help_texts';
import { inspectVerbSpec, typedInspect } from './inspect';
import { logsVerbSpec, portVerbSpec } from './logs_port';
import { networkCreateVerb } from './network/create';
import { networkLsVerb } from './network/ls';
import {
  networkConnectVerb,
  networkDisconnectVerb,
  networkInspectVerb,
  networkPruneVerb,
  networkRmVerb,
} from './network/misc';
import { pauseVerbSpec, unpauseVerbSpec } from './pause';
import { psVerbSpec } from './ps';
import { containerPruneVerbSpec, topVerbSpec } from './top_prune';
import { killVerbSpec, renameVerbSpec } from './rename_kill';
import { pullVerbSpec } from './pull_verb';
import { rmVerbSpec } from './rm';
import { runVerbSpec } from './run';
import { restartVerbSpec, startVerbSpec, stopVerbSpec } from './start_stop';
import { imageLsVerbSpec, imagesVerbSpec } from './images';
import { infoVerbSpec } from './system';
import { versionVerbSpec } from './version';
import { ROOT_FLAGS } from './verb_flags';

const TOP: Record<string, Verb> = {
  run: runVerbSpec,
  create: createVerbSpec,
  start: startVerbSpec,
  stop: stopVerbSpec,
  restart: restartVerbSpec,
  rm: rmVerbSpec,
  ps: psVerbSpec,
  exec: execVerbSpec,
  inspect: inspectVerbSpec,
  logs: logsVerbSpec,
  port: portVerbSpec,
  images: imagesVerbSpec,
  pull: pullVerbSpec,
  rename: renameVerbSpec,
  kill: killVerbSpec,
  pause: pauseVerbSpec,
  unpause: unpauseVerbSpec,
  top: topVerbSpec,
  version: versionVerbSpec,
  info: infoVerbSpec,
};

/**
 * A management command's verbs: [name, verb, ...aliases]. The verb answers under `docker GROUP NAME` whatever
 * alias was typed (cobra's CommandPath uses the command's name): `docker container list` is "docker container
 * ls" in its errors and help, not "docker ps".
 */
function verbs(group: string, table: [string, Verb, ...string[]][]): Record<string, Verb> {
  const out: Record<string, Verb> = {};
  for (const [name, v, ...aliases] of table) {
    const path = `docker ${group} ${name}`;
    const at = v.path === path ? v : commandAt(v, path);
    for (const n of [name, ...aliases]) out[n] = at;
  }
  return out;
}

/** Management commands and their verbs (with cobra aliases). */
const GROUPS: Record<string, Record<string, Verb>> = {
  network: verbs('network', [
    ['create', networkCreateVerb],
    ['ls', networkLsVerb, 'list'],
    ['inspect', networkInspectVerb],
    ['rm', networkRmVerb, 'remove'],
    ['connect', networkConnectVerb],
    ['disconnect', networkDisconnectVerb],
    ['prune', networkPruneVerb],
  ]),
  container: verbs('container', [
    ['run', runVerbSpec],
    ['create', createVerbSpec],
    ['start', startVerbSpec],
    ['stop', stopVerbSpec],
    ['restart', restartVerbSpec],
    ['rm', rmVerbSpec, 'remove'],
    ['ls', psVerbSpec, 'list', 'ps'],
    ['exec', execVerbSpec],
    ['inspect', typedInspect('container')],
    ['logs', logsVerbSpec],
    ['port', portVerbSpec],
    ['rename', renameVerbSpec],
    ['kill', killVerbSpec],
    ['pause', pauseVerbSpec],
    ['unpause', unpauseVerbSpec],
    ['top', topVerbSpec],
    ['prune', containerPruneVerbSpec],
  ]),
  image: verbs('image', [
    ['ls', imageLsVerbSpec, 'list'],
    ['pull', pullVerbSpec],
    ['inspect', typedInspect('image')],
  ]),
};

function group(io: CommandIO, name: string, argv: string[]): Promise<number> | number {
  const verbs = own(GROUPS, name) as Record<string, Verb>;
  const help = HELP[`docker ${name}`] ?? '';
  const first = argv[0];
  if (first === undefined) {
    io.err(help);
    return 0;
  }
  if (first === '--help' || first === '-h') {
    io.out(help);
    return 0;
  }
  if (first.startsWith('-')) {
    try {
      parseFlags([first], [], true);
    } catch (e) {
      if (!(e instanceof FlagError)) throw e;
      io.err(`${e.message}\nSee 'docker ${name} --help'.\n\n${help.slice(1)}`);
      return 125;
    }
  }
  const verb = own(verbs, first);
  if (!verb && listedCommands(help).has(first))
    return notSimulated(io, `docker ${name} ${first}`, verbNames(verbs));
  if (!verb) {
    io.err(`\n${help.slice(1).replace(/\n$/, '')}\n`);
    return 1;
  }
  return runVerb(io, verb, argv.slice(1));
}

/** The command names a help text's tables list (two spaces, the name, two or more spaces, its summary). */
function listedCommands(help: string): Set<string> {
  return new Set([...help.matchAll(/^ {2}([a-z][a-z0-9-]*) {2,}\S/gm)].map((m) => m[1] as string));
}

/**
 * A command real Docker has (its help lists it) that the playground does not model: said plainly, not as
 * "is not a docker command" (which tells a student that `docker pause` does not exist) nor as the group's help.
 */
function notSimulated(io: CommandIO, what: string, simulated: readonly string[]): number {
  io.err(
    `playground: '${what}' is not simulated here; the playground runs ${what.replace(/ \S+$/, '')} ${simulated.join(', ')}\n`,
  );
  return 1;
}

/** A group's verbs once each, by name (cobra's CommandPath: `ls`, not its alias `list`). */
function verbNames(verbs: Record<string, Verb>): string[] {
  return [...new Set(Object.values(verbs).map((v) => v.path.slice(v.path.lastIndexOf(' ') + 1)))];
}

export const dockerCommand: SimCommand = {
  name: 'docker',
  async run(io: CommandIO) {
    const argv = io.argv.slice(1);
    // Global options come before the command.
    let i = 0;
    while (i < argv.length && (argv[i] as string).startsWith('-')) {
      const a = argv[i] as string;
      const spec = ROOT_FLAGS.find(
        (f) => a === `--${f.long}` || a.startsWith(`--${f.long}=`) || (f.short && a === `-${f.short}`),
      );
      if (a === '--help' || a === '-h') {
        io.out(HELP.docker as string);
        return 0;
      }
      if (!spec) {
        const name = a.startsWith('--')
          ? `unknown flag: ${a.split('=')[0]}`
          : `unknown shorthand flag: '${a[1]}' in ${a}`;
        io.err(`${name}\nSee 'docker --help'.\n\n${(HELP.docker as string).slice(1)}`);
        return 125;
      }
      if (spec.long === 'version') {
        io.out('Docker version 27.5.1, build 9f9e405\n');
        return 0;
      }
      i += spec.kind === 'value' && !a.includes('=') ? 2 : 1;
    }
    const cmd = argv[i];
    if (cmd === undefined) {
      io.err(HELP.docker as string);
      return 0;
    }
    const rest = argv.slice(i + 1);
    if (cmd === 'help') {
      const target =
        rest.length === 0
          ? null
          : own(GROUPS, rest[0] as string)
            ? `docker ${rest[0]}`
            : own(TOP, rest[0] as string)?.path;
      io.out(
        target
          ? (own(HELP, target) ?? helpText(own(TOP, rest[0] as string) as Verb))
          : (HELP.docker as string),
      );
      return 0;
    }
    if (own(GROUPS, cmd)) return group(io, cmd, rest);
    const verb = own(TOP, cmd);
    if (!verb && listedCommands(HELP.docker as string).has(cmd))
      return notSimulated(io, `docker ${cmd}`, [...Object.keys(TOP), ...Object.keys(GROUPS)]);
    if (!verb) {
      io.err(`docker: '${cmd}' is not a docker command.\nSee 'docker --help'\n`);
      return 1;
    }
    return runVerb(io, verb, rest);
  },
};
