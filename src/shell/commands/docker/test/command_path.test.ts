/**
 * Errors and help name the command by cobra's CommandPath (cli/cobra.go FlagErrorFunc, cli/required.go): the
 * parents and the command's own name (first word of its Use), whichever alias was typed.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

type Out = [string, string, number];

async function run(net: Scenario, line: string): Promise<Out> {
  const r = await net.run(line);
  return [r.stdout, r.stderr, r.exitCode];
}

const flagErr = (path: string): Out => ['', `unknown flag: --bogus\nSee '${path} --help'.\n`, 125];

describe('command paths of aliases', () => {
  it('flag errors name the command by its path, not by the alias typed', async () => {
    const net = await Scenario.start(3);
    expect(await run(net, 'docker ps --bogus')).toEqual(flagErr('docker ps'));
    for (const alias of ['ls', 'list', 'ps'])
      expect(await run(net, `docker container ${alias} --bogus`)).toEqual(flagErr('docker container ls'));
    expect(await run(net, 'docker images --bogus')).toEqual(flagErr('docker images'));
    for (const alias of ['ls', 'list'])
      expect(await run(net, `docker image ${alias} --bogus`)).toEqual(flagErr('docker image ls'));
    expect(await run(net, 'docker network list --bogus')).toEqual(flagErr('docker network ls'));
    expect(await run(net, 'docker network remove --bogus')).toEqual(flagErr('docker network rm'));
    expect(await run(net, 'docker container run --bogus')).toEqual(flagErr('docker container run'));
    expect(await run(net, 'docker container exec --bogus')).toEqual(flagErr('docker container exec'));
    expect(await run(net, 'docker image pull --bogus')).toEqual(flagErr('docker image pull'));
  });

  it('argument errors carry the path and the use line of the command reached', async () => {
    const net = await Scenario.start(3);
    expect(await run(net, 'docker container list x')).toEqual([
      '',
      '"docker container ls" accepts no arguments.\nSee \'docker container ls --help\'.\n\nUsage:  docker container ls [OPTIONS]\n\nList containers\n',
      1,
    ]);
    expect(await run(net, 'docker container remove')).toEqual([
      '',
      '"docker container rm" requires at least 1 argument.\nSee \'docker container rm --help\'.\n\nUsage:  docker container rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRemove one or more containers\n',
      1,
    ]);
    expect(await run(net, 'docker image list a b')).toEqual([
      '',
      '"docker image ls" requires at most 1 argument.\nSee \'docker image ls --help\'.\n\nUsage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n',
      1,
    ]);
  });

  it("--help has the reached command's Usage line and the shared aliases", async () => {
    const net = await Scenario.start(3);
    const [out, , code] = await run(net, 'docker container ps --help');
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 7)).toEqual([
      '',
      'Usage:  docker container ls [OPTIONS]',
      '',
      'List containers',
      '',
      'Aliases:',
      '  docker container ls, docker container list, docker container ps, docker ps',
    ]);
    expect((await run(net, 'docker image list --help'))[0].split('\n')[1]).toBe(
      'Usage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]',
    );
    expect((await run(net, 'docker ps --help'))[0].split('\n')[1]).toBe('Usage:  docker ps [OPTIONS]');
  });
});
