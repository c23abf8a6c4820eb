/** `docker create` (cli/command/container/create.go): like run without starting; prints the full id. */
import type { Verb } from './cli';
import { readEnvInput } from './env_opts';
import { readLabelFiles } from './label_opts';
import { buildCreateRequest, OptsError } from './container_opts';
import { createFromOptions } from './run';
import { CREATE_FLAGS } from './verb_flags';

export const createVerbSpec: Verb = {
  path: 'docker create',
  use: 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  flags: CREATE_FLAGS,
  interspersed: false,
  args: { min: 1 },
  async run(io, p) {
    let o;
    try {
      o = buildCreateRequest(p, await readLabelFiles(io, p), await readEnvInput(io, p));
    } catch (e) {
      if (!(e instanceof OptsError)) throw e;
      io.err(`docker: ${e.message.replace(/\.$/, '')}.\nSee 'docker create --help'.\n`);
      return 125;
    }
    const id = await createFromOptions(io, o, 'create');
    if (id === null) return 125;
    io.out(`${id}\n`);
    return 0;
  },
};
