/**
 * docker network ls --filter as the daemon does it (api/types/network ValidateFilters, daemon/network/filter.go
 * FilterNetworks), with the CLI's FilterOpt check and its name sort.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

async function names(net: Scenario, filters: string): Promise<[string, string, number]> {
  const r = await net.run(`docker network ls ${filters} --format '{{.Name}}'`);
  return [r.stdout.trim().split('\n').join(' '), r.stderr, r.exitCode];
}

describe('docker network ls --filter', () => {
  it('name and id are regexps, driver/scope exact, labels, dangling, type; values of a key ORed', async () => {
    const net = await Scenario.start(3);
    await net.run('docker network create --label team=a frontend');
    await net.run('docker network create --label team=b backend');
    await net.run('docker run -d --name web --network frontend busybox sleep 1d');
    const id = (await net.inspect('backend', '{{.Id}}')).slice(0, 6);
    expect(await names(net, '-f name=end')).toEqual(['backend frontend', '', 0]);
    expect(await names(net, "-f 'name=^back'")).toEqual(['backend', '', 0]);
    expect(await names(net, '-f name=host -f name=none')).toEqual(['host none', '', 0]);
    expect(await names(net, `-f id=^${id}`)).toEqual(['backend', '', 0]);
    expect(await names(net, '-f driver=null')).toEqual(['none', '', 0]);
    expect(await names(net, '-f scope=local -f driver=host')).toEqual(['host', '', 0]);
    expect(await names(net, '-f scope=swarm')).toEqual(['', '', 0]);
    expect(await names(net, '-f label=team')).toEqual(['backend frontend', '', 0]);
    expect(await names(net, '-f label=team=b')).toEqual(['backend', '', 0]);
    // Dangling: not predefined and no container on it.
    expect(await names(net, '-f dangling=true')).toEqual(['backend', '', 0]);
    expect(await names(net, '-f dangling=0')).toEqual(['bridge frontend host none', '', 0]);
    expect(await names(net, '-f type=custom')).toEqual(['backend frontend', '', 0]);
    expect(await names(net, '-f type=builtin -f type=custom')).toEqual([
      'backend bridge frontend host none',
      '',
      0,
    ]);
  });

  it("errors: the daemon's for a key or value it refuses, the CLI's for a filter without '='", async () => {
    const net = await Scenario.start(3);
    const err = (msg: string): [string, string, number] => ['', `Error response from daemon: ${msg}\n`, 1];
    expect(await names(net, '-f foo=1')).toEqual(err("invalid filter 'foo'"));
    expect(await names(net, '-f type=x')).toEqual(err("invalid filter: 'type'='x'"));
    expect(await names(net, '-f dangling=maybe')).toEqual(
      err(`invalid value for filter 'dangling', must be "true" (or "1"), or "false" (or "0")`),
    );
    expect(await names(net, '-f dangling=1 -f dangling=0')).toEqual(
      err('got more than one value for filter key "dangling"'),
    );
    expect(await names(net, '-f nofilter')).toEqual([
      '',
      'invalid argument "nofilter" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee \'docker network ls --help\'.\n',
      125,
    ]);
  });
});
