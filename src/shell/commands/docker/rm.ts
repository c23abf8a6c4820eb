/** `docker rm [-f]` (cli/command/container/rm.go): echoes each name; errors are collected, exit 1. */
import { DockerError, findContainer, removeContainer } from '../../../docker';
import type { Verb } from './cli';
import { flagBool } from './flags';
import { RM_FLAGS } from './verb_flags';

export const rmVerbSpec: Verb = {
  path: 'docker rm',
  use: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  flags: RM_FLAGS,
  args: { min: 1 },
  run(io, p) {
    const force = flagBool(p, 'force');
    const errs: string[] = [];
    for (const term of p.args) {
      try {
        io.os.mutate(({ sys, kctx }) =>
          removeContainer(kctx, sys.docker, findContainer(sys.docker, term), force),
        );
        io.out(`${term}\n`);
      } catch (e) {
        if (!(e instanceof DockerError)) throw e;
        if (force && e.kind === 'notfound') continue;
        errs.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (errs.length > 0) {
      io.err(`${errs.join('\n')}\n`);
      return 1;
    }
    return 0;
  },
};
