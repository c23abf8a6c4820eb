/**
 * `docker inspect -f` (cli/command/inspect/inspector.go): the template runs on the typed value (structs:
 * an unknown field fails; maps: a missing key is <no value>), and when that fails, on the raw JSON with
 * missingkey=error, whose error is reported. Errors print after the output, in order; exit 1.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

async function run(net: Scenario, cmd: string): Promise<[string, string, number]> {
  const r = await net.run(cmd);
  return [r.stdout, r.stderr, r.exitCode];
}

async function started(): Promise<Scenario> {
  const net = await Scenario.start();
  await net.run('docker network create n1');
  await net.run('docker run -d --name web --network n1 -p 8080:80 nginx');
  return net;
}

const noEntry = (col: number, at: string, key: string) =>
  `template parsing error: template: :1:${col}: executing "" at <${at}>: map has no entry for key "${key}"`;

describe('docker inspect -f', () => {
  it('an unknown struct field fails twice: the raw retry says "map has no entry"; a lone newline is printed', async () => {
    const net = await started();
    expect(await run(net, "docker inspect -f '{{.Foo}}' web")).toEqual([
      '\n',
      `${noEntry(2, '.Foo', 'Foo')}\n`,
      1,
    ]);
    expect(await run(net, "docker inspect -f '{{.Config.Foo}}' web")).toEqual([
      '\n',
      `${noEntry(9, '.Config.Foo', 'Foo')}\n`,
      1,
    ]);
    expect(await run(net, "docker container inspect -f '{{.Name}}|{{.Foo}}' web")).toEqual([
      '\n',
      `${noEntry(12, '.Foo', 'Foo')}\n`,
      1,
    ]);
  });

  it('a missing key in a Go map is <no value>, a present one prints', async () => {
    const net = await started();
    expect(
      await run(
        net,
        "docker inspect -f '{{.Config.Labels.nokey}}|{{.State.Status}}|{{.NetworkSettings.Networks.n1.IPAddress}}|{{.NetworkSettings.Networks.nonet}}' web",
      ),
    ).toEqual(['<no value>|running|172.18.0.2|<no value>\n', '', 0]);
    expect(await run(net, "docker network inspect -f '{{.Options.nokey}}|{{.Labels}}|{{.Name}}' n1")).toEqual(
      ['<no value>|map[]|n1\n', '', 0],
    );
    // An omitempty field our JSON leaves out still exists: its zero value.
    expect(await run(net, "docker inspect -f '{{.State.Health}}|{{.Node}}' web")).toEqual([
      '<nil>|<nil>\n',
      '',
      0,
    ]);
    expect(
      await run(
        net,
        "docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}}{{end}}' web",
      ),
    ).toEqual(['n1=172.18.0.2\n', '', 0]);
  });

  it('typed values print as fmt prints Go structs, maps and slices', async () => {
    const net = await started();
    expect(await run(net, "docker inspect -f '{{.State}}' web")).toEqual([
      '{running true false false false false 1002 0  2026-11-28T00:00:00.13Z 0001-01-01T00:00:00Z <nil>}\n',
      '',
      0,
    ]);
    expect(
      await run(
        net,
        "docker inspect -f '{{.NetworkSettings.Ports}}|{{.HostConfig.PortBindings}}|{{.Config.ExposedPorts}}|{{.HostConfig.RestartPolicy}}|{{.HostConfig.Binds}}|{{.Config.Volumes}}' web",
      ),
    ).toEqual([
      'map[80/tcp:[{0.0.0.0 8080} {:: 8080}]]|map[80/tcp:[{ 8080}]]|map[80/tcp:{}]|{no 0}|[]|map[]\n',
      '',
      0,
    ]);
    expect(await run(net, "docker network inspect -f '{{.IPAM.Config}}|{{.ConfigFrom}}' n1")).toEqual([
      '[{172.18.0.0/16  172.18.0.1 map[]}]|{}\n',
      '',
      0,
    ]);
    // PortBinding's Go field is HostIP: "HostIp" is found only by the raw retry, which prints the same.
    expect(
      await run(
        net,
        "docker inspect -f '{{range .NetworkSettings.Ports}}{{range .}}{{.HostIp}}/{{.HostIP}} {{end}}{{end}}' web",
      ),
    ).toEqual(['\n', `${noEntry(57, '.HostIP', 'HostIP')}\n`, 1]);
    expect(
      await run(
        net,
        "docker inspect -f '{{range .NetworkSettings.Ports}}{{range .}}{{.HostIp}} {{end}}{{end}}' web",
      ),
    ).toEqual(['0.0.0.0 :: \n', '', 0]);
  });

  it('objects not found and failing templates add errors in order; the others still print', async () => {
    const net = await started();
    expect(await run(net, "docker inspect -f '{{.Name}}' nosuch web")).toEqual([
      '/web\n',
      'Error: No such object: nosuch\n',
      1,
    ]);
    expect(await run(net, "docker inspect -f '{{.Name}}' nosuch")).toEqual([
      '\n',
      'Error: No such object: nosuch\n',
      1,
    ]);
    expect(await run(net, "docker network inspect -f '{{.Foo}}' n1 nosuchnet")).toEqual([
      '\n',
      `${noEntry(2, '.Foo', 'Foo')}\nError response from daemon: network nosuchnet not found\n`,
      1,
    ]);
    expect(await run(net, "docker inspect --type container -f '{{.Name}}' nosuch")).toEqual([
      '\n',
      'Error response from daemon: No such container: nosuch\n',
      1,
    ]);
    expect(await run(net, "docker inspect -f '{{.Name}}' web n1")).toEqual(['/web\nn1\n', '', 0]);
  });

  it('a template that does not parse exits 64 before any lookup; -f json is one compact array', async () => {
    const net = await started();
    expect(await run(net, "docker inspect -f '{{.Name' web nosuch")).toEqual([
      '',
      'template parsing error: template: :1: unclosed action\n',
      64,
    ]);
    const json = await run(net, 'docker inspect -f json web n1');
    expect(json[0].startsWith('[{"Id":"')).toBe(true);
    expect((JSON.parse(json[0]) as { Name: string }[]).map((o) => o.Name)).toEqual(['/web', 'n1']);
    expect(await run(net, 'docker inspect -f json nosuch')).toEqual([
      '[]\n',
      'Error: No such object: nosuch\n',
      1,
    ]);
  });
});
