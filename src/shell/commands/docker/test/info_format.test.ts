/** `docker info --format` (cli/command/system/info.go formatInfo): a template on dockerInfo. */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

async function run(net: Scenario, cmd: string): Promise<[string, string, number]> {
  const r = await net.run(cmd);
  return [r.stdout, r.stderr, r.exitCode];
}

describe('docker info --format', () => {
  it("reads system.Info's fields at the top level (embedded), with their Go names", async () => {
    const net = await Scenario.start();
    await net.run('docker run -d --name web busybox sleep 1d');
    expect(
      await run(
        net,
        "docker info --format '{{.ServerVersion}} {{.Containers}}/{{.ContainersRunning}} {{.Driver}} {{.CgroupVersion}} {{.Swarm.LocalNodeState}} {{.RuncCommit.ID}} {{.CPUCfsQuota}}'",
      ),
    ).toEqual(['27.5.1 1/1 overlay2 2 inactive v1.2.4-0-g6c52b3f false\n', '', 0]);
  });

  it('an unknown field: a newline, then the error as Go words it, exit 1; a parse error exits 64', async () => {
    const net = await Scenario.start();
    expect(await run(net, "docker info --format '{{.badString}}'")).toEqual([
      '\n',
      'template: :1:2: executing "" at <.badString>: can\'t evaluate field badString in type system.dockerInfo\n',
      1,
    ]);
    expect(await run(net, "docker info --format '{{.ServerVersion'")).toEqual([
      '',
      'template parsing error: template: :1: unclosed action\n',
      64,
    ]);
  });
});
