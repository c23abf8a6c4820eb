/**
 * --format errors of `docker images` and `docker network ls` (cli/command/formatter/formatter.go Context.Write):
 * the template is parsed before any row, executed per row on the formatter's context, and a table's header is
 * executed last on the column titles, its errors ignored.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../../sim/scenario';

async function run(net: Scenario, cmd: string): Promise<[string, string, number]> {
  const r = await net.run(cmd);
  return [r.stdout, r.stderr, r.exitCode];
}

describe('docker images / network ls --format errors', () => {
  it('an unknown field is an execution error naming the context type; with no rows nothing runs', async () => {
    const net = await Scenario.start();
    expect(await run(net, "docker images --format '{{.Foo}}'")).toEqual([
      '',
      'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.imageContext\n',
      1,
    ]);
    expect(await run(net, "docker network ls --format '{{.Name}} {{.Foo}}'")).toEqual([
      '',
      'template parsing error: template: :1:12: executing "" at <.Foo>: can\'t evaluate field Foo in type *network.networkContext\n',
      1,
    ]);
    // No rows: nothing executes, so nothing fails.
    expect(await run(net, "docker images nosuch --format '{{.Foo}}'")).toEqual(['', '', 0]);
    expect(await run(net, "docker network ls --filter name=zzz --format '{{.Foo}}'")).toEqual(['', '', 0]);
  });

  it('a template that does not parse fails with no rows too', async () => {
    const net = await Scenario.start();
    expect(await run(net, "docker images nosuch --format '{{.Repository'")).toEqual([
      '',
      'template parsing error: template: :1: unclosed action\n',
      1,
    ]);
    expect(await run(net, "docker network ls --filter name=zzz --format '{{upcase .Name}}'")).toEqual([
      '',
      'template parsing error: template: :1: function "upcase" not defined\n',
      1,
    ]);
  });

  it('a table: the header row runs on the column titles, where an unknown field is <no value>', async () => {
    const net = await Scenario.start();
    expect(
      await run(net, "docker network ls --filter name=zzz --format 'table {{.Name}}\\t{{.Foo}}'"),
    ).toEqual(['NAME      <no value>\n', '', 0]);
    // Header functions hand titles back; json of the titles' map fails there, keeping what was written.
    expect(
      await run(
        net,
        "docker network ls --filter name=zzz --format 'table {{.Name | lower}}\\t{{.CreatedAt}}\\t{{json .}}'",
      ),
    ).toEqual(['NAME      CREATED AT   \n', '', 0]);
    // With rows, the row's error wins and nothing of the table prints; columns count from after "table ".
    expect(await run(net, "docker network ls --format 'table {{.Name}}\\t{{.Foo}}'")).toEqual([
      '',
      'template parsing error: template: :1:12: executing "" at <.Foo>: can\'t evaluate field Foo in type *network.networkContext\n',
      1,
    ]);
  });

  it('json rows carry every method of the context; a custom format wins over --quiet', async () => {
    const net = await Scenario.start();
    expect((await run(net, "docker network ls --filter name=none --format '{{json .}}'"))[0]).toBe(
      '{"CreatedAt":"","Driver":"null","ID":"' +
        (await net.run('docker network ls -q --filter name=none')).stdout.trim() +
        '","IPv6":"false","Internal":"false","Labels":"","Name":"none","Scope":"local"}\n',
    );
    expect(await run(net, "docker network ls -q --format '{{.Name}}'")).toEqual([
      'bridge\nhost\nnone\n',
      '',
      0,
    ]);
    await net.run('docker network create --label team=web n2');
    expect(await run(net, "docker network ls --filter name=n2 --format '{{.Name}} {{.Labels}}'")).toEqual([
      'n2 team=web\n',
      '',
      0,
    ]);
    expect(await run(net, "docker images -q --format '{{.Repository}}' busybox")).toEqual([
      'busybox\n',
      '',
      0,
    ]);
  });
});
