/** `docker rename` and `docker kill` (cli/command/container/rename.go, kill.go). */
import {
  DockerError,
  containerExited,
  findContainer,
  removeContainer,
  renameContainer,
} from '../../../docker';
import type { Verb } from './cli';

export const renameVerbSpec: Verb = {
  path: 'docker rename',
  use: 'docker rename CONTAINER NEW_NAME',
  short: 'Rename a container',
  flags: [],
  args: { exact: 2 },
  run(io, p) {
    const [oldName, newName] = p.args as [string, string];
    try {
      io.os.mutate(({ sys }) => renameContainer(sys.docker, oldName.trim(), newName.trim()));
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      io.err(
        `Error response from daemon: ${e.message}\nError: failed to rename container named ${oldName}\n`,
      );
      return 1;
    }
    return 0;
  },
};

export const killVerbSpec: Verb = {
  path: 'docker kill',
  use: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  flags: [{ long: 'signal', short: 's', kind: 'value' }],
  args: { min: 1 },
  run(io, p) {
    const errs: string[] = [];
    for (const name of p.args) {
      try {
        io.os.mutate(({ sys, kctx }) => {
          const c = findContainer(sys.docker, name);
          if (c.status !== 'running')
            throw new DockerError(
              'conflict',
              `Cannot kill container: ${name}: container ${c.id} is not running`,
            );
          containerExited(kctx, sys.docker, c, 137);
          if (c.autoRemove) removeContainer(kctx, sys.docker, c, true);
        });
        io.out(`${name}\n`);
      } catch (e) {
        if (!(e instanceof DockerError)) throw e;
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
