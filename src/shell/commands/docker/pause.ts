/**
 * `docker pause` and `docker unpause` (cli/command/container/pause.go, unpause.go): each container named, in
 * order; a success prints the name as given, a failure is kept, and the failures are printed together at
 * the end (exit 1). The daemon freezes or thaws the container's cgroup (docker/pause.ts).
 */
import type { DockerContainer } from '../../../docker';
import { DockerError, findContainer, pauseContainer, unpauseContainer } from '../../../docker';
import type { KernelCtx } from '../../../kernel';
import type { CommandIO } from '../../types';
import type { Verb } from './cli';

function eachContainer(
  io: CommandIO,
  names: readonly string[],
  act: (ctx: KernelCtx, c: DockerContainer) => void,
): number {
  const errs: string[] = [];
  for (const name of names) {
    try {
      io.os.mutate(({ sys, kctx }) => act(kctx, findContainer(sys.docker, name)));
      io.out(`${name}\n`);
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      errs.push(`Error response from daemon: ${e.message}`);
    }
  }
  if (errs.length === 0) return 0;
  io.err(`${errs.join('\n')}\n`);
  return 1;
}

export const pauseVerbSpec: Verb = {
  path: 'docker pause',
  use: 'docker pause CONTAINER [CONTAINER...]',
  short: 'Pause all processes within one or more containers',
  flags: [],
  args: { min: 1 },
  run: (io, p) => eachContainer(io, p.args, pauseContainer),
};

export const unpauseVerbSpec: Verb = {
  path: 'docker unpause',
  use: 'docker unpause CONTAINER [CONTAINER...]',
  short: 'Unpause all processes within one or more containers',
  flags: [],
  args: { min: 1 },
  run: (io, p) => eachContainer(io, p.args, unpauseContainer),
};
